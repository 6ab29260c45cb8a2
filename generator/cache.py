"""What a build may skip: seeds parsed before, and a render whose inputs did not change.

Caches under the project's `.cache/` (ignored by git), all checked, never trusted
(**pages/**, rendered files by a digest of their inputs: publishing/rendercache.py;
**written.json**, what each file under `site_src/` held as the last build left it, so an
unchanged page is compared by digest rather than read back: publishing/write.py):

- **briefs/**: one file per seed, what parsing it gave (a Brief without ids, or the
  Problem that skipped it), named by a key over the seed's name and bytes, the generator's
  version (its source and data files) and the alias file. A changed lexicon, rule or alias
  changes every key, so every seed is parsed again; a changed template changes none (briefs
  do not depend on templates; pages are rendered again). Each file carries its key and a
  digest of its payload: a file that is torn, edited, of another version or of another key
  is a miss, parsed again and rewritten, so a bad cache costs time, never output.
- **build.json**: the digest of every input of the last build (the seeds' keys, the
  aliases, the templates, the id registry as the build left it, the URL style), the size
  and mtime of every file it left at a generated path under `site_src/` (a hand-made file
  in the way included) and of its manifest, and what the build reported. When all still
  hold, a build would read the same and write the same bytes, so it reports the same and
  stops there (a no-change rebuild in well under a second). Any difference, one of those
  files touched or gone included, builds again. A file a user adds elsewhere under
  `site_src/` is a page of their own, which no generated page reads: it changes nothing.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from .model import Brief, Problem

PACKAGE = Path(__file__).resolve().parent
MAGIC = b"briefcache/1\n"
STAMP = "build.json"
WRITTEN = "written.json"
"""Size, mtime and digest of each file the last build left in site_src/ (publishing/write.py)."""
SUFFIX = ".brief"


def file_digest(path: Path) -> str:
    """A file's content digest ("" when it cannot be read: parsing will say why)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def tree_digest(folder: Path, patterns: Iterable[str]) -> str:
    """One digest over every file matching `patterns` under `folder`: names and bytes."""
    h = hashlib.sha256()
    files = sorted({p for pattern in patterns for p in folder.rglob(pattern) if p.is_file()})
    for path in files:
        h.update(path.relative_to(folder).as_posix().encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


@cache
def generator_version() -> str:
    """The generator's version as far as parsing goes: its source and its data files."""
    return tree_digest(PACKAGE, ("*.py", "*.yaml"))


def seed_key(name: str, seed_digest: str, alias_digest: str) -> str:
    """The key of one seed's parse: its name (slug and problems show it), bytes, aliases."""
    parts = (generator_version(), name, seed_digest, alias_digest)
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


class BriefCache:
    """Parsed seeds on disk, one verified file per key; any failure reads as a miss."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / f"{key}{SUFFIX}"

    def load(self, key: str) -> Brief | Problem | None:
        """What parsing gave for `key`, or None when absent, stale or damaged."""
        try:
            data = self.path(key).read_bytes()
        except OSError:
            return None
        head, _, payload = data.partition(b"\n\n")
        if head != MAGIC + f"{key}\n{hashlib.sha256(payload).hexdigest()}".encode():
            return None
        try:  # the payload is ours (digest checked); a failure is still only a miss
            stored_key, result = pickle.loads(payload)
        except Exception:
            return None
        ok = stored_key == key and isinstance(result, (Brief, Problem))
        return result if ok else None

    def store(self, key: str, result: Brief | Problem) -> None:
        """Keep what parsing gave; a cache that cannot be written is only slower."""
        payload = pickle.dumps((key, result), protocol=pickle.HIGHEST_PROTOCOL)
        head = MAGIC + f"{key}\n{hashlib.sha256(payload).hexdigest()}".encode()
        try:
            replace_file(self.path(key), head + b"\n\n" + payload)
        except OSError:
            pass

    def prune(self, keep: Iterable[str]) -> None:
        """Drop the entries of seeds that are gone or changed, so the cache stays one
        file per seed."""
        wanted = {f"{k}{SUFFIX}" for k in keep}
        try:
            stale = [p for p in self.folder.iterdir() if p.suffix == SUFFIX and p.name not in wanted]
        except OSError:
            return
        for path in stale:
            path.unlink(missing_ok=True)


def replace_file(path: Path, data: bytes, mode: int | None = None, sync: bool = False) -> None:
    """Write a file whole (a temporary file, then renamed): a reader sees old or new.
    `mode`: its permissions, for a file others read (a cache stays private, as made);
    `sync`: on disk before the rename (a commit point: publishing/write.py)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def rewrite_file(path: Path, data: bytes) -> None:
    """Write a cache file over its old bytes, in place: on a disk like this one a new 10 MB
    file (blocks allocated, the old ones freed) costs 10–60 ms more than rewriting one. Not
    atomic: only for a file whose reader checks a digest of what it holds (a torn or
    half-written file reads as missing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle = open(path, "r+b")
    except FileNotFoundError:
        handle = open(path, "wb")
    with handle:
        handle.write(data)
        handle.truncate()


def as_left(out: Path, files: dict[str, list[int]]) -> bool:
    """Whether every file of `files` (relative path → [size, mtime_ns]) under `out` still
    has that size and mtime: one stat each, no folder listed (a 1,000-brief site has
    13,000 folders of one short page)."""
    root = str(out)
    for rel, state in files.items():
        try:
            st = os.stat(f"{root}/{rel}")
        except OSError:
            return False
        if [st.st_size, st.st_mtime_ns] != state:
            return False
    return True


def load_stamp(folder: Path, inputs: str, out: Path) -> dict | None:
    """What the last build reported, when it read the same `inputs` and every file it left
    at a generated path under `out` is as it left it (none touched or gone); else None."""
    try:
        stamp = json.loads((folder / STAMP).read_text("utf-8"))
        if stamp["inputs"] != inputs or not as_left(out, stamp["files"]):
            return None
        return stamp["report"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def save_stamp(folder: Path, inputs: str, files: dict[str, list[int]], report: dict) -> None:
    """Record what a build read, the [size, mtime_ns] of the files it left at generated
    paths (publishing/write.py's Written.states), and its `report`."""
    data = {"inputs": inputs, "files": files, "report": report}
    try:
        replace_file(folder / STAMP, json.dumps(data, sort_keys=True).encode("utf-8"))
    except OSError:
        pass


def forget_stamp(folder: Path) -> None:
    """Before writing pages: a build interrupted after this builds everything next time."""
    (folder / STAMP).unlink(missing_ok=True)
