"""Merge name mentions into entities: one entry per person, organization or place.

Mentions merge when the alias table gives them one canonical name, when they spell the
same name differently ("al-Kadhimi"/"Al-Kadhimi", "Kataib"/"Kata’ib", "George W. Bush"/
"George W Bush"), when the text defines an acronym ("Federal Election Commission (FEC)")
or an acronym spells a name's initials, when a surname stands for the one full name that
ends with it ("Kadhimi"), and when "the Commission" can only mean one named commission.
Two different canonical names of the table never merge.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .aliases import Aliases, is_acronym
from ..model import Entity
from .names import name_words

KIND_ORDER = ("person", "organization", "place", "law", "event")
"""How an even vote on a kind is settled."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One place a text names something, as written (possessive dropped): the one record
    the entity stage and the actor stage (actor_mentions) share."""

    form: str
    canonical: str | None
    """The alias table's or gazetteer's name, when either knows the form."""
    kind: str | None
    """What the words or the context say it is, when they say anything (actors also use
    "pair" for "U.S.-Iraq")."""
    anaphor: bool = False
    """"the Commission": it stands for a longer name and is no entity on its own."""
    acronym: str = ""
    """An acronym the text defines for this form right after it."""
    start: int = 0
    end: int = 0
    """Where the form sits in its sentence (read by the actor stage)."""

    @property
    def name(self) -> str:
        """The canonical name where one is known, else the form as written."""
        return self.canonical or self.form


def merge_key(form: str) -> str:
    """One key for the spellings of one name: case, apostrophes, hyphens, dots, initials,
    a law's year ("For the People Act of 2021")."""
    s = unicodedata.normalize("NFKC", form).lower()
    s = re.sub(r"['’‘.]", "", s).replace("-", " ")
    s = re.sub(r" of \d{4}$", "", s)
    words = re.sub(r"^the ", "", s).split()
    if len(words) >= 3:
        words = [w for w in words if len(w) > 1]
    return " ".join(words)


def core(key: str) -> list[str]:
    """A key's words without name particles ("al", "bin", "von"), for surname matching."""
    particles = name_words()["name_particles"] | name_words()["name_prefixes"]
    return [w for w in key.split() if w not in particles]


class Groups:
    """Union-find over mention keys that refuses to join two canonical names."""

    def __init__(self, canon: dict[str, str | None]):
        """One group per key, each with its canonical name (or None)."""
        self.parent = {k: k for k in canon}
        self.canon = dict(canon)

    def find(self, k: str) -> str:
        """The representative key of k's group."""
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        """Join two groups unless each already has its own canonical name."""
        ra, rb = self.find(a), self.find(b)
        ca, cb = self.canon[ra], self.canon[rb]
        if ra == rb or (ca and cb and ca != cb):
            return
        self.parent[rb] = ra
        self.canon[ra] = ca or cb


def key_of(m: Mention) -> str:
    """A mention's group key: its canonical name, else its spelling key."""
    return "=" + m.canonical if m.canonical else merge_key(m.form)


def initials(key: str) -> str:
    """Initials of a name's significant words ("federal election commission" → "fec")."""
    small = {"of", "the", "for", "on", "and", "&"}
    return "".join(w[0] for w in key.split() if w not in small)


def only(candidates: list[str]) -> str | None:
    """The one candidate, or None when there are none or several."""
    return candidates[0] if len(set(candidates)) == 1 else None


def head(key: str) -> str:
    """The noun an institution's name rests on: "department" of "department of justice",
    "commission" of "federal election commission"."""
    words = key.split()
    joint = next((i for i, w in enumerate(words) if w in ("of", "for", "on")), len(words))
    return words[joint - 1] if joint else words[-1]


def names_a_pair(long: list[str], short: list[str], keys: Mapping[str, Mention]) -> bool:
    """"Alito-Prelogar" is two people the text also names alone, not Prelogar's full name:
    a word before the surname (`long`, `short`: core words) that is itself a one-word name
    of the text."""
    return any(w not in short and w in keys for w in long[:-len(short)])


def link_short_forms(groups: Groups, mentions: Sequence[Mention]) -> None:
    """Join defined acronyms, acronyms of initials, surnames and "the Commission"."""
    keys = {key_of(m): m for m in mentions}
    by_form = {m.form: key_of(m) for m in mentions}
    full = {merge_key(m.canonical or m.form): k for k, m in keys.items()}
    long_names = [n for n in full if len(n.split()) > 1]
    for m in mentions:
        if m.acronym in by_form:
            groups.union(key_of(m), by_form[m.acronym])
    kind = {n: keys[full[n]].kind for n in long_names}
    cores = {n: core(n) for n in long_names}  # read once, not once per short form
    for k, m in keys.items():
        if m.canonical or len(k.split()) > 2:
            continue
        if m.anaphor:
            target = only([n for n in long_names
                           if head(n) == k.split()[-1] and kind[n] == "organization"])
        elif is_acronym(m.form):
            target = only([n for n in long_names if initials(n) == k.replace(" ", "")])
        else:
            short = core(k)
            target = only([n for n in long_names if short and len(cores[n]) > len(short)
                           and cores[n][-len(short):] == short and kind[n] in ("person", None)
                           and not names_a_pair(cores[n], short, keys)])
        if target:
            groups.union(full[target], k)


def entity_name(forms: Counter, group: list[Mention]) -> str:
    """The table's canonical name, else the fullest spelling (most words, then most used)."""
    canon = next((m.canonical for m in group if m.canonical), None)
    if canon:
        return canon
    named = [m.form for m in group if not m.anaphor] or [m.form for m in group]
    return max(named, key=lambda f: (len(f.split()), forms[f], -named.index(f)))


def entity_kind(name: str, group: list[Mention], aliases: Aliases) -> str:
    """The table's kind, else the kind most mentions point to."""
    if name in aliases.kinds:
        return aliases.kinds[name]
    votes = Counter(m.kind for m in group if m.kind)
    if not votes:
        return "organization"
    return max(KIND_ORDER, key=lambda k: (votes[k], -KIND_ORDER.index(k)))


def merge_mentions(mentions: Sequence[Mention], aliases: Aliases) -> tuple[Entity, ...]:
    """Mentions → entities with every spelling seen and a count, most mentioned first."""
    groups = Groups({key_of(m): m.canonical for m in mentions})
    link_short_forms(groups, mentions)
    members: dict[str, list[Mention]] = {}
    for m in mentions:
        members.setdefault(groups.find(key_of(m)), []).append(m)
    entities = []
    for group in members.values():
        if all(m.anaphor for m in group):
            continue
        forms = Counter(m.form for m in group)
        name = entity_name(forms, group)
        kind = next((m.kind for m in group if m.canonical == name and m.kind), None) \
            or entity_kind(name, group, aliases)
        defined = {m.acronym for m in group if m.acronym}
        others = tuple(sorted((set(forms) | defined) - {name}))
        entities.append(Entity(name, kind, others, len(group)))
    return tuple(sorted(entities, key=lambda e: (-e.mentions, e.name)))
