"""The id registry: every id the site has published, kept in a committed lock file.

`ids.lock.json` sits at the project root beside `seeds/`, like a lock file pins versions:
commit it, and every rebuild gives each item the id it had. The file is pretty JSON, its
records sorted by id and their keys sorted, so the same records always give the same
bytes and a diff shows only what changed. It is written atomically (a temporary file in
the same folder, then renamed), so an interrupted build never leaves half a registry.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import fields
from json.encoder import encode_basestring
from pathlib import Path

from ..model import IdRecord, SeedError

REGISTRY_FILE = "ids.lock.json"
SCHEMA = "ids/1"
_NAMES = tuple(f.name for f in fields(IdRecord))
"""A record's keys (dataclasses.asdict would deep-copy each value: slow at 15,000 ids)."""
_FIELDS = set(_NAMES)
_SORTED = tuple(sorted(_NAMES))
_SCALARS = frozenset({str, int, bool, type(None)})
_CONSTANTS = {True: "true", False: "false", None: "null"}
_REQUIRED = {"id", "kind", "slug", "source_file", "text"}
KINDS = ("recommendation", "question")
ID_SHAPE = re.compile(r"[a-z0-9]{1,32}")
"""What an id may look like: it names a folder of the site (r/<id>/), so nothing else."""


def dump_registry(records: Iterable[IdRecord]) -> str:
    """The registry file's text: sorted, stable, pretty, ending in a newline. The very
    bytes of json.dumps(indent=2, sort_keys=True, ensure_ascii=False), written field by
    field (json's indenting encoder is pure Python: a third of a second at 13,000 ids)."""
    ordered = sorted(records, key=lambda r: r.id)
    rows = [[getattr(r, name) for name in _SORTED] for r in ordered]
    if not rows or not all(type(v) in _SCALARS for row in rows for v in row):
        ids = [dict(zip(_SORTED, row)) for row in rows]
        return json.dumps({"schema": SCHEMA, "ids": ids}, indent=2, sort_keys=True,
                          ensure_ascii=False) + "\n"
    heads = [f'      {json.dumps(name)}: ' for name in _SORTED]
    body = ",\n".join("    {\n" + ",\n".join(h + scalar(v) for h, v in zip(heads, row)) + "\n    }"
                      for row in rows)
    return f'{{\n  "ids": [\n{body}\n  ],\n  "schema": {json.dumps(SCHEMA)}\n}}\n'


def scalar(value: str | int | bool | None) -> str:
    """One JSON scalar as json.dumps(ensure_ascii=False) writes it."""
    if type(value) is str:
        return encode_basestring(value)
    return int.__repr__(value) if type(value) is int else _CONSTANTS[value]


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
    return tuple(parse_record(e, path) for e in entries)


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
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    except (OSError, UnicodeDecodeError) as e:
        raise SeedError(path, f"cannot read id registry: {e}") from e
    return parse_registry(text, path)


def save_registry(path: str | Path, records: Iterable[IdRecord]) -> bool:
    """Write the registry atomically; False (and no write) when its bytes would not change."""
    path = Path(path)
    text = dump_registry(records)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the registry is a shared file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
