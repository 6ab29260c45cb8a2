"""The id registry: every id the site has published, kept in a committed lock file.

`ids.lock.json` sits at the project root beside `seeds/`, like a lock file pins versions:
commit it, and every rebuild gives each item the id it had. The file is pretty JSON, its
records sorted by id and their keys sorted, so the same records always give the same
bytes and a diff shows only what changed. It is written atomically (a temporary file in
the same folder, then renamed), so an interrupted build never leaves half a registry.

A build reads it with `read_registry` and writes it with `save_registry`, given what it
read: while the file is the one the last build wrote, its records come from the cache
(registrycache.py) rather than from parsing it again, and the text of every run of
records that did not change is copied from the file rather than encoded again (13,000
records at 1,000 briefs; a rebuild after one changed seed changes a dozen).
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from json.encoder import encode_basestring
from operator import attrgetter, itemgetter
from pathlib import Path

from . import registrycache
from .. import cache as disk
from ..model import IdRecord, SeedError

REGISTRY_FILE = "ids.lock.json"
SCHEMA = "ids/1"
_NAMES = registrycache.NAMES
"""A record's keys (dataclasses.asdict would deep-copy each value: slow at 15,000 ids)."""
_FIELDS = frozenset(_NAMES)
_SORTED = tuple(sorted(_NAMES))
_SORTED_VALUES = attrgetter(*_SORTED)
_VALUES = itemgetter(*_NAMES)
_ID = attrgetter("id")
_SCALARS = frozenset({str, int, bool, type(None)})
_CONSTANTS = {True: "true", False: "false", None: "null"}
_REQUIRED = {"id", "kind", "slug", "source_file", "text"}
_HEADS = tuple(f'      {json.dumps(name)}: ' for name in _SORTED)
HEAD = b'{\n  "ids": [\n    {\n'
BETWEEN = b"\n    },\n    {\n"
TAIL = f'\n    }}\n  ],\n  "schema": {json.dumps(SCHEMA)}\n}}\n'.encode()
"""What comes before the first record's fields, between two records', after the last's:
no JSON string holds a raw line break, so BETWEEN is found nowhere else."""
KINDS = ("recommendation", "question")
ID_SHAPE = re.compile(r"[a-z0-9]{1,32}")
"""What an id may look like: it names a folder of the site (r/<id>/), so nothing else."""


@dataclass(frozen=True, slots=True)
class Read:
    """The registry as a build read it: its records, the file's bytes and digest (cache.
    file_digest's: "" when there is no file), and the cache's records when they were
    taken from it (then the file is known to be what dump_registry writes for them)."""

    records: tuple[IdRecord, ...]
    data: bytes = b""
    digest: str = ""
    packed: registrycache.Packed | None = None

    def group_texts(self) -> dict[str, bytes]:
        """Id prefix → the text of its group in the file (registrycache), when the file is
        known to be dump_registry's (else none)."""
        if self.packed is None:
            return {}
        texts, at = {}, len(HEAD)
        for key, group in self.packed.groups.items():
            texts[key] = self.data[at:at + group.size]
            at += group.size + len(BETWEEN)
        return texts if at - len(BETWEEN) + len(TAIL) == len(self.data) else {}


def dump_registry(records: Iterable[IdRecord]) -> str:
    """The registry file's text: sorted, stable, pretty, ending in a newline. The very
    bytes of json.dumps(indent=2, sort_keys=True, ensure_ascii=False), written field by
    field when the values are plain (json's indenting encoder is pure Python: a third of a
    second at 13,000 ids)."""
    ordered = sorted(records, key=_ID)
    texts = group_texts(registrycache.grouped(ordered), (), None) if ordered else None
    if texts is not None:
        return joined(texts).decode()
    ids = [dict(zip(_SORTED, _SORTED_VALUES(r))) for r in ordered]
    return json.dumps({"schema": SCHEMA, "ids": ids}, indent=2, sort_keys=True,
                      ensure_ascii=False) + "\n"


def plain(row: tuple) -> bool:
    """Whether every value is a JSON scalar (what the build's records hold)."""
    return all(type(v) in _SCALARS for v in row)


def fields_text(row: tuple) -> str:
    """A record's fields (values in sorted key order) as json.dumps(indent=2) writes them
    inside the registry."""
    return ",\n".join(h + scalar(v) for h, v in zip(_HEADS, row))


def scalar(value: str | int | bool | None) -> str:
    """One JSON scalar as json.dumps(ensure_ascii=False) writes it."""
    if type(value) is str:
        return encode_basestring(value)
    return int.__repr__(value) if type(value) is int else _CONSTANTS[value]


def group_texts(groups: dict[str, list[IdRecord]], kept: Iterable[str], last: Read | None
                ) -> dict[str, bytes] | None:
    """The registry text of each group of records (registrycache.grouped): the file's for a
    group `kept` as `last` read it, else encoded; None when a value is not plain."""
    known = last.group_texts() if last and kept else {}
    texts = {key: known[key] for key in kept if key in known}
    for key, records in groups.items():
        if key not in texts:
            rows = [_SORTED_VALUES(r) for r in records]
            if not all(plain(row) for row in rows):
                return None
            texts[key] = BETWEEN.join(fields_text(row).encode() for row in rows)
    return {key: texts[key] for key in groups}


def joined(texts: dict[str, bytes]) -> bytes:
    """The registry file from the text of its groups, in id order."""
    return HEAD + BETWEEN.join(texts.values()) + TAIL


def parse_registry(text: str, path: str | Path) -> tuple[IdRecord, ...]:
    """The records a registry file holds; SeedError naming the file when it is malformed."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise SeedError(path, f"id registry is not valid JSON: {e.msg}", e.lineno) from e
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise SeedError(path, f"id registry must be a JSON object with schema {SCHEMA!r}")
    entries = data.get("ids")
    if not isinstance(entries, list):
        raise SeedError(path, "id registry has no list of ids")
    return tuple(IdRecord(*_VALUES(e)) if well_formed(e) else parse_record(e, path)
                 for e in entries)


def well_formed(entry: object) -> bool:
    """Whether `entry` is a record as dump_registry writes it, every field there and its
    id and kind valid: one parse_record would accept, built straight from its values."""
    return (type(entry) is dict and entry.keys() == _FIELDS and type(entry["id"]) is str
            and ID_SHAPE.fullmatch(entry["id"]) is not None and entry["kind"] in KINDS)


def parse_record(entry: object, path: str | Path) -> IdRecord:
    """One record of the registry; unknown keys (from a newer version) are ignored."""
    if not isinstance(entry, dict) or not _REQUIRED <= entry.keys():
        raise SeedError(path, f"id record needs {', '.join(sorted(_REQUIRED))}: {entry!r}")
    if not isinstance(entry["id"], str) or not ID_SHAPE.fullmatch(entry["id"]):
        raise SeedError(path, f"id must be lower-case letters and digits: {entry['id']!r}")
    if entry["kind"] not in KINDS:
        raise SeedError(path, f"id {entry['id']}: kind must be one of {', '.join(KINDS)}")
    return IdRecord(**{k: v for k, v in entry.items() if k in _FIELDS})


def load_registry(path: str | Path) -> tuple[IdRecord, ...]:
    """The records in the registry at `path`; none when the file does not exist yet."""
    return read_registry(path).records


def read_registry(path: str | Path, cache: Path | None = None) -> Read:
    """The registry at `path` as read (none when the file does not exist yet); its records
    from the cache in folder `cache` while it holds this very file's, else parsed."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Read(())
    except OSError as e:
        raise SeedError(path, f"cannot read id registry: {e}") from e
    digest = hashlib.sha256(data).hexdigest()
    packed = registrycache.load(cache, digest) if cache else None
    if packed is not None:
        return Read(packed.records(), data, digest, packed)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise SeedError(path, f"cannot read id registry: {e}") from e
    return Read(parse_registry(text, path), data, digest)


def save_registry(path: str | Path, records: Iterable[IdRecord], last: Read | None = None,
                  cache: Path | None = None) -> bool:
    """Write the registry atomically; False (and no write) when its bytes would not change.
    `last`: the registry as this build read it (a run of records it read unchanged keeps
    its text); `cache`: the folder where the next build finds these records."""
    path = Path(path)
    groups = registrycache.grouped(sorted(records, key=_ID))
    packed = last.packed if last else None
    kept = packed.unchanged(groups) if packed else {}
    texts = group_texts(groups, kept, last) if groups else None
    if texts is None:  # values JSON writes its own way: the cache keeps no such records
        data = dump_registry(r for g in groups.values() for r in g).encode()
    else:
        data = joined(texts)
    try:
        changed = path.read_bytes() != data
    except FileNotFoundError:
        changed = True
    if changed:
        disk.replace_file(path, data, 0o644)  # the registry is a shared file
    if cache and texts is not None:
        registrycache.save(cache, hashlib.sha256(data).hexdigest(), groups,
                           {key: len(text) for key, text in texts.items()}, packed, kept)
    return changed
