"""Small seeds written for the tests (never a publisher's text): one op-ed body, many wrappers.

`article(title)` is a whole plain-text seed; `write_generated_seeds` makes the cases that
must not be committed as files (binary, UTF-16, Windows-1252, several megabytes).
"""
from __future__ import annotations

import codecs
import random
import shutil
from pathlib import Path

from siteproject import copy_project

FIXTURES = Path(__file__).parent / "fixtures"

BODY = """\
Harbor towns along the northern coast have spent a decade arguing about who should pay \
for sea walls, and the storms have not waited for the argument to end. Insurers are \
leaving, and the towns that cannot borrow are the ones that flood first.

The regional council should create a shared fund for coastal defenses before the next \
budget cycle. It must also publish the flood maps it already holds, so that families \
know what they are buying.

National ministers could help by matching every euro the towns raise themselves. It \
remains to be seen whether the treasury will accept a formula that rewards the towns \
with the most debt.

Who decides which harbor is saved first when the fund cannot save them all?
"""


def article(title: str, byline: str = "By Mara Lindqvist") -> str:
    """A plain-text op-ed seed with this title."""
    return f"{title}\n\n{byline}\n\n{BODY}"


GENERATED_BAD = {
    "image.txt": "binary file (a PNG image), not text",
    "nul bytes.txt": "binary file (contains NUL bytes), not text",
    "undecodable.txt": "undecodable text: not UTF-8, and no known encoding fits",
    "huge.txt": "too large (2.5 MB; a seed of this type may be 1 MB at most): split or trim it",
}
"""Bad seeds made at test time → the reason each one's line must give."""

GENERATED_GOOD = {
    "utf16.txt": "Ports Need a Plan Before the Water Rises",
    "utf8-bom.txt": "Coastal Towns Can’t Wait for Brussels",
    "windows-1252.txt": "The “Sea Wall” Fund Deserves a Vote",
    "mojibake.txt": "A Fund for the Harbors That’s Overdue",
}
"""Good seeds in awkward encodings → the title each brief must show, decoded right."""


def write_generated_seeds(folder: Path) -> None:
    """Write the binary, undecodable, huge and oddly encoded seeds into `folder`."""
    rng = random.Random(20240601)
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(512)))
    (folder / "nul bytes.txt").write_bytes(b"Title\x00\x00\x01" * 64)
    (folder / "undecodable.txt").write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(4096)))
    long_text = article("A Very Long Article").encode()
    (folder / "huge.txt").write_bytes((long_text * (2_500_000 // len(long_text) + 1))[:2_500_000])
    titles = GENERATED_GOOD
    (folder / "utf16.txt").write_bytes(article(titles["utf16.txt"]).encode("utf-16"))
    (folder / "utf8-bom.txt").write_bytes(codecs.BOM_UTF8 + article(titles["utf8-bom.txt"]).encode())
    (folder / "windows-1252.txt").write_bytes(article(titles["windows-1252.txt"]).encode("cp1252"))
    broken = article(titles["mojibake.txt"]).encode("utf-8").decode("cp1252", errors="ignore")
    (folder / "mojibake.txt").write_text(broken, encoding="utf-8")


def project_with_every_case(dest: Path) -> Path:
    """A project whose seeds/ holds the real seeds plus every bad, edge and hostile case."""
    project = copy_project(dest)
    for folder in ("seeds_bad", "seeds_edge", "seeds_hostile"):
        for path in sorted((FIXTURES / folder).iterdir()):
            shutil.copy(path, project / "seeds" / path.name)
    write_generated_seeds(project / "seeds")
    return project


def warning_lines(stderr: str) -> list[str]:
    """MkDocs' warning lines, without the level prefix."""
    return [line.split("-", 1)[1].strip() for line in stderr.splitlines()
            if line.startswith("WARNING")]
