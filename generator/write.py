"""Generated files → `site_src/`: atomic per file, only when changed, stale ones removed.

The generator remembers what it wrote in a manifest, so it removes only its own stale
pages (a removed seed's page) and never touches files a user put there by hand. Writing
only changed files keeps `mkdocs serve` from reloading forever.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

MANIFEST = ".generated.json"


def write_atomic(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: a temp file in the same folder, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def previous_outputs(out_dir: Path) -> set[str]:
    """The files the last build generated (empty on a first build)."""
    try:
        return set(json.loads((out_dir / MANIFEST).read_text("utf-8")))
    except (OSError, ValueError):
        return set()


def write_tree(out_dir: Path, files: dict[str, str]) -> list[str]:
    """Bring `out_dir` to exactly `files` (for generated paths); return what changed."""
    changed = []
    for rel in sorted(files):
        data = files[rel].encode("utf-8")
        target = out_dir / rel
        if not target.is_file() or target.read_bytes() != data:
            write_atomic(target, data)
            changed.append(rel)
    for rel in sorted(previous_outputs(out_dir) - set(files)):
        stale = out_dir / rel
        if stale.is_file():
            stale.unlink()
            changed.append(rel)
            prune_empty_dirs(stale.parent, out_dir)
    manifest = json.dumps(sorted(files), indent=0).encode("utf-8")
    if not (out_dir / MANIFEST).is_file() or (out_dir / MANIFEST).read_bytes() != manifest:
        write_atomic(out_dir / MANIFEST, manifest)
    return changed


def prune_empty_dirs(folder: Path, root: Path) -> None:
    """Remove folders left empty by a stale page, up to (not including) `root`."""
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
