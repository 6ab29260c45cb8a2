"""Read fixture files of small cases: title line, input, expected — each closed by '.'."""
from __future__ import annotations

from pathlib import Path


def read_cases(path: Path) -> list[tuple[str, str, str]]:
    """[(title, input, expected)] from a fixture file (the intro paragraph is skipped)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases, i = [], lines.index("") + 1
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        title, parts, i = lines[i], [], i + 2   # skip the title and its opening '.'
        for _ in range(2):
            end = lines.index(".", i)
            parts.append("\n".join(lines[i:end]))
            i = end + 1
        cases.append((title, parts[0], parts[1]))
    return cases
