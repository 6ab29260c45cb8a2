"""The id registry's records as the last build wrote them, so that a rebuild need not
parse its lock file again (8.5 MB of JSON at 1,000 briefs: a tenth of a second).

`.cache/ids.pickle` (ignored by git, like every cache: generator/cache.py) holds the
records a build wrote to the registry and the digest of the bytes it wrote. Its header
holds the generator's version, that digest and its payload's digest: a file that is
missing, torn, half rewritten (it is written over its old bytes: cache.rewrite_file),
edited, of another version or of another registry file (the user edited
it, or checked out another) reads as no cache, and the registry is parsed. It is written
only for records whose values are all JSON scalars, which parse back as they are, so the
records it gives are the very records parsing the file would give, and the file is known
to be exactly what `registry.dump_registry` writes for them (registry.py copies the text
of each group of records that did not change).

The records are kept in groups by their id's first two characters (a group is a run of
the file), each pickled on its own as rows of field values, one after the other behind an
index of where each starts and ends and the length of its text in the registry file: a
save re-pickles and re-encodes only the groups of records that changed and copies the
pickle and the text of the others, and a load reads each in place (6 MB not copied).
"""
from __future__ import annotations

import hashlib
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, fields
from operator import attrgetter, is_
from pathlib import Path

from .. import cache as disk
from ..model import IdRecord

FILE = "ids.pickle"
MAGIC = b"idrecords/1\n"
NAMES = tuple(f.name for f in fields(IdRecord))
row = attrgetter(*NAMES)
"""A record's field values in the order IdRecord takes them."""


@dataclass(frozen=True, slots=True)
class Group:
    """Records sorted by id that share their id's first two characters."""

    records: tuple[IdRecord, ...]
    blob: bytes | memoryview
    """Their rows of field values, pickled (a view into the cache file as loaded)."""
    size: int
    """The length of their text in the registry file (registry.py: the records' fields,
    one record after the other)."""


@dataclass(frozen=True, slots=True)
class Packed:
    """Records as the cache holds them, for the registry file of `digest`."""

    digest: str
    groups: dict[str, Group]
    """Id prefix → its group, in prefix order (so their records are in id order)."""

    def records(self) -> tuple[IdRecord, ...]:
        """Every record, sorted by id as the registry file lists them."""
        return tuple(r for group in self.groups.values() for r in group.records)

    def unchanged(self, groups: dict[str, list[IdRecord]]) -> dict[str, Group]:
        """The groups of `groups` (grouped) made of the very records loaded, by prefix."""
        kept = {}
        for key, records in groups.items():
            old = self.groups.get(key)
            if old is not None and len(old.records) == len(records) and all(
                    map(is_, records, old.records)):
                kept[key] = old
        return kept


def grouped(ordered: Sequence[IdRecord]) -> dict[str, list[IdRecord]]:
    """Records sorted by id, by their id's first two characters (in id order)."""
    groups: dict[str, list[IdRecord]] = {}
    for r in ordered:
        groups.setdefault(r.id[:2], []).append(r)
    return groups


def load(folder: Path, digest: str) -> Packed | None:
    """The records written as the registry file of `digest`, or None when the cache does
    not hold them (missing, damaged, stale, of another file)."""
    try:
        data = (folder / FILE).read_bytes()
    except OSError:
        return None
    cut = data.find(b"\n\n")
    payload = memoryview(data)[cut + 2:]  # not copied: it is 6 MB at 1,000 briefs
    if cut < 0 or data[:cut] != header(digest, payload):
        return None
    try:  # the payload is ours (digest checked); a failure is still only a miss
        length = int.from_bytes(payload[:8], "big")
        index, blobs = pickle.loads(payload[8:8 + length]), payload[8 + length:]
        groups = {key: Group(tuple(IdRecord(*values) for values in pickle.loads(blobs[at:end])),
                             blobs[at:end], size)
                  for key, (at, end, size) in index.items()}
    except Exception:
        return None
    return Packed(digest, groups)


def save(folder: Path, digest: str, groups: dict[str, list[IdRecord]], sizes: dict[str, int],
         last: Packed | None, kept: dict[str, Group]) -> None:
    """Keep `groups` (plain values only; `sizes`: the length of each group's text) as the
    registry file of `digest`; the `kept` groups of the cache `last` keep their bytes. A
    cache that cannot be written is only slower."""
    if last and last.digest == digest and len(kept) == len(groups) == len(last.groups):
        return  # the cache holds these already
    blobs = [kept[key].blob if key in kept else
             pickle.dumps([row(r) for r in records], protocol=pickle.HIGHEST_PROTOCOL)
             for key, records in groups.items()]
    index, at = {}, 0
    for key, blob in zip(groups, blobs):
        index[key] = (at, at + len(blob), sizes[key])
        at += len(blob)
    head = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
    payload = b"".join([len(head).to_bytes(8, "big"), head, *blobs])
    try:
        disk.rewrite_file(folder / FILE, header(digest, payload) + b"\n\n" + payload)
    except OSError:
        pass


def header(digest: str, payload: bytes) -> bytes:
    """The line a cache file starts with: the generator's version, the registry file's
    digest, the payload's digest."""
    return MAGIC + (f"{disk.generator_version()}\n{digest}\n"
                    f"{hashlib.sha256(payload).hexdigest()}").encode()
