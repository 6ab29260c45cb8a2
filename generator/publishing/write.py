"""Generated files → `site_src/`: a build's changes land whole, or not at all.

The guarantee, the way a database keeps it with a redo log:

1. build.py renders every page in memory first; a failure while reading or rendering
   leaves `site_src/` as it was.
2. Changed files that replace a file are written in full into
   `site_src/.generated.staging/files/` (a hidden folder, which MkDocs skips), side by
   side, named by their number in the plan; then the plan — files to move in, stale pages
   to delete, the new manifest — is written atomically. Writing the plan is the commit point.
3. The plan is applied: files where there was none yet are written in place (each new
   folder made once), each staged file is renamed into place (atomic per file), stale
   pages are deleted, the manifest `.generated.json` is written last, the staging folder
   removed.
4. Every build first finishes a plan an interrupted build committed, or discards staging
   that was never committed. So an existing page is always the whole old one or the whole
   new one, and `site_src/` never gets stuck half way.

A new file is not staged: there is no old page to keep whole, and a first build of 1,000
briefs writes 14,000 of them (staging each in a mirrored folder cost a folder made and
removed per file, 13,000 of them for the short pages alone). It is written only after the
commit, so the manifest the plan commits already claims it: a build stopped part way
through leaves at worst a missing or cut new page, listed as generated, which the next
build (finishing the plan first) writes again; never one taken for a hand-made file.

A rebuild compares what it would write with what is there by digest where it can: the
build's cache keeps a record of each file's size, mtime and SHA-256 as the last write left
it, and a file still of that size and mtime is taken to hold those bytes (as the build
stamp in cache.py takes the whole tree); any other file is read back and compared.

The manifest lists what the generator wrote, so it deletes only its own stale pages
(a removed seed's page) and never a file a user put in `site_src/` by hand. A hand-made
file in the way of a generated page is left alone and reported (`Written.kept`).
Writing only changed files keeps `mkdocs serve` from reloading forever.
"""
from __future__ import annotations

import hashlib
import json
from json.encoder import encode_basestring_ascii
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import replace_file

MANIFEST = ".generated.json"
STAGING = ".generated.staging"
PLAN = "plan.json"
FSYNC_EACH = 64
"""Up to this many staged files are synced one by one; more, by one sync of the file
systems (thousands of fsyncs cost seconds, but one sync waits for every other process's
writes too, which on a busy machine costs more than a few fsyncs)."""


@dataclass(frozen=True, slots=True)
class Kept:
    """A generated file its caller knows to hold already what it would write (by the
    build's record: publishing/rendercache.py), given by digest: not rendered, not read."""

    digest: str
    state: list[int] | None = None
    """The file's [size, mtime_ns] as the caller found it (stat_of), when it looked."""


@dataclass(frozen=True, slots=True)
class Written:
    """What a write did: files changed (written or deleted), and hand-made files kept."""

    changed: tuple[str, ...]
    kept: tuple[str, ...] = ()
    states: dict[str, list[int]] = field(default_factory=dict)
    """[size, mtime_ns] of every file at a generated path (hand-made ones kept included)
    and of the manifest, as the write left them: what the build stamp records (cache.py)."""


def write_atomic(path: Path, data: bytes, sync: bool = True) -> None:
    """Write a whole file or nothing, readable by all (the site is for everyone), synced
    unless the caller syncs many files at once (`sync_staged`)."""
    replace_file(path, data, 0o644, sync)


def inside(rel: object) -> bool:
    """A relative path that stays inside site_src/ and is not the generator's own bookkeeping."""
    if type(rel) is str and rel and rel[0] not in "/." and "/." not in rel:
        return True  # the usual path, no part of it hidden: tens of thousands per build
    if not isinstance(rel, str) or not rel or rel.startswith("/"):
        return False
    parts = [p for p in rel.split("/") if p not in ("", ".")]  # as PurePosixPath parts it
    return bool(parts) and ".." not in parts and parts[0] not in (MANIFEST, STAGING)


def previous_outputs(out_dir: Path) -> set[str]:
    """The files the last build generated (empty on a first build, or a manifest gone bad)."""
    try:
        names = json.loads((out_dir / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return set()
    return {n for n in names if inside(n)} if isinstance(names, list) else set()


def known_states(record: Path | None, out_dir: Path) -> dict[str, list]:
    """What the last write recorded of the files it left in `out_dir`: [size, mtime_ns,
    SHA-256] by relative path; empty when there is no record, or one of another folder."""
    try:
        data = json.loads(record.read_text("utf-8")) if record else {}
        files = data["files"] if data.get("out") == str(out_dir.resolve()) else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    return files if isinstance(files, dict) else {}


def save_states(record: Path, out_dir: Path, digests: dict[str, str],
                states: dict[str, list[int]]) -> None:
    """Record each file's size, mtime (`states`, as this write left them) and digest;
    unwritable is only slower."""
    files = {rel: [*states[rel], digest] for rel, digest in digests.items() if states[rel]}
    try:
        replace_file(record, json.dumps({"out": str(out_dir.resolve()), "files": files}).encode())
    except OSError:
        pass


def stat_of(path: Path | str) -> list[int]:
    """A file's [size, mtime_ns] as the build stamp records them ([] when it is gone); a
    path as a string saves making a Path for each of a site's 14,000 files."""
    try:
        st = os.stat(path)
    except OSError:
        return []
    return [st.st_size, st.st_mtime_ns]


def known_same(recorded: object, now: list[int] | None, digest: str) -> bool:
    """Whether a file holds the bytes of `digest` without reading it: it is as the last
    write left it (size and mtime, as the build stamp trusts) and held those bytes then."""
    return isinstance(recorded, list) and len(recorded) == 3 and recorded[2] == digest \
        and recorded[:2] == now


def differs(path: Path, data: bytes) -> bool:
    """Whether the file at `path` is missing or holds other bytes than `data`."""
    return not path.is_file() or path.read_bytes() != data


def read_plan(stage: Path) -> dict | None:
    """The plan a build committed in `stage`, or None when it never got that far."""
    try:
        plan = json.loads((stage / PLAN).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    ok = isinstance(plan, dict) and all(isinstance(plan.get(k), list) for k in ("write", "delete", "manifest"))
    return plan if ok else None


def staged(stage: Path, number: int) -> Path:
    """Where the plan's `number`-th file to move in waits (a flat folder: none to make)."""
    return stage / "files" / str(number)


def apply_plan(out_dir: Path, plan: dict, new: dict[str, bytes] | None = None
               ) -> dict[str, list[int]]:
    """Carry out a committed plan, writing the `new` files first (their [size, mtime_ns]
    returned); safe to repeat after an interruption (step 3), which cannot know the new
    files: the next build writes them."""
    stage = out_dir / STAGING
    created = create_files(out_dir, new or {})
    for number, rel in enumerate(plan["write"]):
        if inside(rel):
            move_in(staged(stage, number), out_dir / rel)
    for rel in filter(inside, plan["delete"]):
        (out_dir / rel).unlink(missing_ok=True)
        prune_empty_dirs((out_dir / rel).parent, out_dir)
    manifest = sorted(filter(inside, plan["manifest"]))
    write_atomic(out_dir / MANIFEST, dump_names(manifest).encode("utf-8"))
    shutil.rmtree(stage)
    return created


def move_in(src: Path, dst: Path) -> None:
    """Rename a staged file into place (its folder made if it is gone); one moved already
    by an interrupted run is skipped."""
    try:
        os.replace(src, dst)
    except FileNotFoundError:
        if not src.is_file():
            return
        dst.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dst)


def create_files(out_dir: Path, files: dict[str, bytes]) -> dict[str, list[int]]:
    """Write files where there were none, in place: each folder made once, and a file
    that appeared since it was looked for replaced whole all the same (write_atomic).
    Returns each created file's [size, mtime_ns], as stat_of gives them."""
    root = str(out_dir)
    for folder in sorted({rel.rpartition("/")[0] for rel in files} - {""}):
        try:
            os.mkdir(f"{root}/{folder}")
        except FileExistsError:
            pass
        except FileNotFoundError:  # its parent is new too
            os.makedirs(f"{root}/{folder}", exist_ok=True)
    created = {}
    for rel, data in files.items():
        try:
            handle = open(f"{root}/{rel}", "xb")
        except FileExistsError:
            write_atomic(out_dir / rel, data, sync=False)
            continue
        with handle:
            handle.write(data)
            handle.flush()
            st = os.fstat(handle.fileno())
        created[rel] = [st.st_size, st.st_mtime_ns]
    return created


def dump_names(names: list[str]) -> str:
    """json.dumps(names, indent=0)'s very text, through json's C string encoder (its
    indenting encoder is pure Python: 14,000 names on every build that writes)."""
    return "[\n" + ",\n".join(map(encode_basestring_ascii, names)) + "\n]" if names else "[]"


def recover(out_dir: Path) -> None:
    """Finish a committed plan an interrupted build left, or discard uncommitted staging."""
    stage = out_dir / STAGING
    if not stage.is_dir():
        return
    plan = read_plan(stage)
    if plan is None:  # never committed: the old tree stands
        shutil.rmtree(stage)
    else:
        apply_plan(out_dir, plan)


def write_tree(out_dir: Path, files: dict[str, str | bytes | Kept], record: Path | None = None,
               recorded: dict[str, list] | None = None) -> Written:
    """Bring `out_dir` to exactly `files` (for generated paths); report changes and kept
    files. With a `record` (in the build's cache), a file it shows as holding the same
    bytes, untouched since, is not read back (a site of 1,000 briefs has 14,000 files);
    a `Kept` file is one the caller found so. `recorded`: the record's known_states, when
    the caller read them already."""
    out_dir.mkdir(parents=True, exist_ok=True)
    recover(out_dir)
    old = previous_outputs(out_dir)
    generated = {rel: value for rel, value in files.items() if inside(rel)}
    same = {rel: v for rel, v in generated.items() if isinstance(v, Kept)}
    data = {rel: text if isinstance(text, bytes) else text.encode("utf-8")
            for rel, text in generated.items() if rel not in same}
    digests = {}
    if record:
        digests = {rel: hashlib.sha256(b).hexdigest() for rel, b in data.items()}
        digests.update({rel: v.digest for rel, v in same.items()})
    if recorded is None:
        recorded = known_states(record, out_dir) if record else {}
    root = str(out_dir)
    now = {rel: stat_of(f"{root}/{rel}") for rel in data}  # [] where there is no file
    now.update({rel: v.state or stat_of(f"{root}/{rel}") for rel, v in same.items()})
    known = {rel for rel in digests if known_same(recorded.get(rel), now[rel], digests[rel])}
    kept = sorted(rel for rel in data if rel not in old and now[rel]
                  and differs(out_dir / rel, data[rel]))
    ours = {rel: b for rel, b in data.items() if rel not in kept} | dict.fromkeys(same, b"")
    write = sorted(rel for rel, b in ours.items() if rel not in known and rel not in same
                   and (not now[rel] or differs(out_dir / rel, b)))
    delete = sorted(rel for rel in old - set(ours) if (out_dir / rel).is_file())
    created: dict[str, list[int]] = {}
    if write or delete or old != set(ours) or not (out_dir / MANIFEST).is_file():
        replace = [rel for rel in write if now[rel]]
        stage = out_dir / STAGING
        (stage / "files").mkdir(parents=True, exist_ok=True)
        for number, rel in enumerate(replace):
            with open(staged(stage, number), "wb") as handle:  # uncommitted: no temp file
                handle.write(ours[rel])
        sync_staged([staged(stage, number) for number in range(len(replace))])
        plan = {"write": replace, "delete": delete, "manifest": sorted(ours)}
        write_atomic(stage / PLAN, json.dumps(plan).encode("utf-8"))  # commit
        created = apply_plan(out_dir, plan, {rel: ours[rel] for rel in write if not now[rel]})
        now.update(created)
        now.update({rel: stat_of(f"{root}/{rel}") for rel in write if rel not in created})  # moved in
    if record and len(known) != len(ours):
        save_states(record, out_dir, {rel: digests[rel] for rel in ours}, now)
    states = {rel: now[rel] for rel in (*ours, *kept) if now[rel]}
    states[MANIFEST] = stat_of(f"{root}/{MANIFEST}")
    return Written(tuple(sorted(write + delete)), tuple(kept), states)


def sync_staged(paths: list[Path]) -> None:
    """Make staged files durable before the plan that names them is committed: each one,
    or when there are many, one sync of the file systems where there is one."""
    if hasattr(os, "sync") and len(paths) > FSYNC_EACH:
        os.sync()
        return
    for path in paths:
        with open(path, "rb+") as handle:
            os.fsync(handle.fileno())


def prune_empty_dirs(folder: Path, root: Path) -> None:
    """Remove folders left empty by a stale page, up to (not including) `root`."""
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
