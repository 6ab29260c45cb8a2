"""Canonical names: the built-in alias table plus the user's `aliases.yaml`, which wins.

Actors (who should act) and entities (who is named) share these names, so a reader can go
from a recommendation's actor to the briefs that mention it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import SeedError
from ..datafiles import load_data

ENTITY_KINDS = ("person", "organization", "place", "law", "event")
"""What a name can stand for; laws and events are their own kinds, not organizations."""


BUILTIN_TABLES = ("data/aliases.yaml",)
"""The one built-in table that actors and entities share (the user's file is read after it)."""


@dataclass(frozen=True, slots=True)
class Aliases:
    """A lookup from any written form (normalized) to its canonical name and kind."""

    canonical: dict[str, str]
    """normalized form -> canonical name."""
    kinds: dict[str, str]
    """canonical name -> one of ENTITY_KINDS."""
    forms: dict[str, tuple[str, ...]]
    """canonical name -> every form the tables list for it (canonical first)."""

    def lookup(self, name: str) -> str | None:
        """The canonical name for `name`, or None when no table lists it."""
        return self.canonical.get(alias_key(name))

    def lookup_name(self, name: str) -> str | None:
        """Like `lookup`, for a name as written in running text: a form the tables spell
        in capitals ("IS", "WHO") matches only when written in capitals too."""
        canon = self.lookup(name)
        if canon is None:
            return None
        key = alias_key(name)
        listed = [f for f in self.forms.get(canon, ()) if alias_key(f) == key]
        if listed and all(is_acronym(f) for f in listed) and not is_acronym(name):
            return None
        return canon


def is_acronym(form: str) -> bool:
    """True for a form written in capitals ("ISIS", "U.S.", "DoD"), where case carries meaning."""
    letters = [c for c in form if c.isalpha()]
    slack = 1 if len(letters) >= 3 else 0
    return len(letters) >= 2 and " " not in form.strip() \
        and sum(c.isupper() for c in letters) >= len(letters) - slack


@lru_cache(maxsize=1 << 16)
def alias_key(name: str) -> str:
    """Normalize a written name for lookup: case, curly quotes, dots, a leading "the".
    Cached: every mention is compared with every form the tables list for its name."""
    s = unicodedata.normalize("NFKC", name).replace("’", "'").replace("‘", "'")
    s = re.sub(r"\s+", " ", s).strip().lower()
    s = re.sub(r"^the ", "", s)
    return s.rstrip(".")


def parse_alias_table(data: object, source: str) -> dict[str, tuple[str | None, list[str]]]:
    """Check one YAML alias table's shape; returns canonical -> (kind, aliases)."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SeedError(source, "alias file must map canonical names to entries")
    table: dict[str, tuple[str | None, list[str]]] = {}
    for name, entry in data.items():
        if isinstance(entry, list):
            entry = {"aliases": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("aliases", []), list):
            raise SeedError(source, f"entry {name!r} needs a list of aliases")
        kind = entry.get("kind")
        if kind not in (None, *ENTITY_KINDS):
            raise SeedError(source, f"entry {name!r}: kind must be one of {', '.join(ENTITY_KINDS)}")
        table[str(name)] = (kind, [str(a) for a in entry.get("aliases") or []])
    return table


def build_aliases(*tables: dict[str, tuple[str | None, list[str]]]) -> Aliases:
    """Merge alias tables in order; a later table wins for any form it names."""
    canonical: dict[str, str] = {}
    kinds: dict[str, str] = {}
    forms: dict[str, list[str]] = {}
    for table in tables:
        for name, (kind, aliases) in table.items():
            if kind:
                kinds[name] = kind
            for form in (name, *aliases):
                old = canonical.get(alias_key(form))
                if old and old != name and form in forms.get(old, []):
                    forms[old].remove(form)
                canonical[alias_key(form)] = name
                forms.setdefault(name, [name])
                if form not in forms[name]:
                    forms[name].append(form)
    return Aliases(canonical, kinds, {k: tuple(v) for k, v in forms.items()})


def load_aliases(user_file: Path | None = None) -> Aliases:
    """The built-in table, then the user's file where it exists."""
    tables = []
    for name in BUILTIN_TABLES:
        tables.append(parse_alias_table(load_data(name), f"generator/{name}"))
    if user_file is not None and user_file.is_file():
        try:
            data = yaml.safe_load(user_file.read_text("utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as err:
            raise SeedError(user_file, f"not a readable YAML alias file ({err})") from err
        tables.append(parse_alias_table(data, str(user_file)))
    return build_aliases(*tables)
