"""Stable ids for recommendations and open questions, matched against the id registry.

How an item keeps its id
------------------------
Every recommendation and open question gets a short, URL-safe id (six characters, lower
case, never ``0 1 l o``) that a memo can cite forever. The build records each id in the
registry (``ids.lock.json``) with the item's text, the text just before and after it, and
its paragraph — a quote with prefix and suffix, as Hypothesis and the W3C
TextQuoteSelector anchor an annotation. On every build each item is matched to the records
of its own brief (see below), of the same kind:

1. exact — an item whose text (case, punctuation, links and spacing ignored) equals a
   record's keeps that id; where several records share the text, context and position
   decide;
2. fuzzy — remaining items and records are paired best-first by text similarity (80 %),
   context similarity (15 %) and position (5 %); a pair holds when the texts are at least
   85 % alike, or at least 70 % alike with their prefix and suffix at least 75 % alike,
   or when one is found (90 % alike) inside the other and is at least half its length.
   A typo fix, a changed word or changed punctuation keeps the id, and so does a sentence
   rejoined with a neighbour; a sentence rewritten beyond recognition gets a new one;
3. new — anything else gets a fresh id: a hash of slug, kind and text, salted until it is
   not in the registry, so ids are deterministic and never reused.

Steps 1 and 2 are `anchors.match_anchors`. A brief's own records are those of its slug,
and those of a slug no brief has now whose seed had the same file name, or which shares
at least half of its items word for word (a seed renamed *and* retitled, recognised by
content as git recognises a renamed file).

So an item keeps its id across rebuilds, when other paragraphs are added, removed or
reordered, and when its seed file is renamed. A record that no item matches is kept and
marked removed (its short page says so); should its item come back, it is restored.

A rebuild need not match the briefs it already matched: a brief whose seed did not change,
under the same slug, against the very registry the last build wrote, would be matched to
its own records, one to one (the build wrote exactly those), so it keeps the ids it had
(`settled`). Nothing else can claim a live brief's records (step "own records" above), so
only the changed briefs are matched, and the ids are those a full rebuild gives.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import PurePath

from .anchors import Anchor, anchor, contexts, match_anchors, normalize, paragraph_index, plain
from ..model import Brief, IdRecord, OpenQuestion, Recommendation

ID_LENGTH = 6
FIRST_CHARS = "abcdefghijkmnpqrstuvwxyz"
"""An id starts with a letter, so it is a plain HTML anchor and CSS selector."""
ID_CHARS = "23456789" + FIRST_CHARS
KINDS = {Recommendation: "recommendation", OpenQuestion: "question"}


@dataclass(frozen=True, slots=True)
class Found:
    """An item this build found, the context its record keeps, and its anchor."""

    item: Recommendation | OpenQuestion
    prefix: str
    suffix: str
    anchor: Anchor


@dataclass(frozen=True, slots=True)
class IdResult:
    """What the id stage returns: briefs with ids, the updated registry, one note a change."""

    briefs: tuple[Brief, ...]
    records: tuple[IdRecord, ...]
    notes: tuple[str, ...]


def hash_id(text: str) -> str:
    """A short id from a hash of `text`: a letter, then letters and digits."""
    n = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")
    chars = [FIRST_CHARS[n % len(FIRST_CHARS)]]
    n //= len(FIRST_CHARS)
    for _ in range(ID_LENGTH - 1):
        chars.append(ID_CHARS[n % len(ID_CHARS)])
        n //= len(ID_CHARS)
    return "".join(chars)


def make_id(seed: str, taken: Collection[str], salt: int = 0) -> tuple[str, int]:
    """A short id derived from `seed`, salted from `salt` on until it is not in `taken`;
    with the salt that gave it. Salts below `salt` must be known taken: the caller passes
    the salt after the last one it used for the same seed, so a thousand items with one
    seed (a repeated sentence in the same context) cost linear time, with the same ids."""
    while (candidate := hash_id(f"{seed}\n{salt}")) in taken:
        salt += 1
    return candidate, salt


def items(brief: Brief) -> list[Recommendation | OpenQuestion]:
    """The brief's citable items in a fixed order: recommendations, then questions."""
    return [*brief.recommendations, *brief.open_questions]


def record_anchor(record: IdRecord, known: dict[tuple, Anchor] | None = None) -> Anchor:
    """The anchor a registry record stands for (`known`: anchors already made, by
    `anchor_key`: a record of an unchanged item has its very text and context)."""
    key = (record.kind, record.text, record.prefix, record.suffix, record.paragraph)
    found = known.get(key) if known else None
    return found or anchor(*key)


def anchor_key(found: Found) -> tuple:
    """What a found item's anchor is made of, as a record of it would hold it."""
    return (found.anchor.kind, found.item.text, found.prefix, found.suffix, found.item.paragraph)


def find_items(brief: Brief) -> list[Found]:
    """Every citable item of a brief, anchored in its body."""
    paras = [(p.number, plain(p.text)) for p in brief.body]
    where = paragraph_index(paras)
    found = []
    for item in items(brief):
        prefix, suffix = contexts(paras, item, where)
        found.append(Found(item, prefix, suffix,
                           anchor(KINDS[type(item)], item.text, prefix, suffix, item.paragraph)))
    return found


def seed_name(source_file: str) -> str:
    """A seed's file name without its folder: what stays when seeds are moved or copied."""
    return PurePath(source_file.replace("\\", "/")).name


class RecordIndex:
    """The registry's records, looked up the ways `own_records` asks: by slug, by seed
    file name, by kind and normalized text. Each way but the first is made the first time
    it is asked: a rebuild whose changed briefs kept their slugs asks by slug only, and
    need not normalize the text of every record of the site (13,000 at 1,000 briefs)."""

    def __init__(self, records: Sequence[IdRecord]) -> None:
        self.records = records
        self.by_slug: dict[str, list[IdRecord]] = {}
        for r in self.records:
            self.by_slug.setdefault(r.slug, []).append(r)

    def slug(self, slug: str) -> list[IdRecord]:
        """The records of a slug, in registry order."""
        return self.by_slug.get(slug, [])

    def current(self, slug: str) -> int:
        """How many of a slug's records are not removed."""
        return sum(not r.removed for r in self.slug(slug))

    def file(self, name: str) -> list[IdRecord]:
        """The records whose seed had the file name `name` (seed_name)."""
        return self.by_file.get(name, [])

    def text(self, kind: str, key: str) -> list[IdRecord]:
        """The records of `kind` whose normalized text is `key`."""
        return self.by_text.get((kind, key), [])

    @cached_property
    def by_file(self) -> dict[str, list[IdRecord]]:
        names = {path: seed_name(path) for path in {r.source_file for r in self.records}}
        found: dict[str, list[IdRecord]] = {}  # a seed's many records share its path: named once
        for r in self.records:
            found.setdefault(names[r.source_file], []).append(r)
        return found

    @cached_property
    def by_text(self) -> dict[tuple[str, str], list[IdRecord]]:
        found: dict[tuple[str, str], list[IdRecord]] = {}
        for r in self.records:
            found.setdefault((r.kind, normalize(r.text)), []).append(r)
        return found


def own_records(brief: Brief, found: Sequence[Found], idx: RecordIndex,
                live: Collection[str]) -> list[IdRecord]:
    """The records that may be `brief`'s: its slug's while it has current items; else also
    those of a slug no brief has now whose seed had the same file name, or which shares
    word for word at least half of its current items and of the brief's (a brief renamed
    and retitled: found by content, as git finds a renamed file)."""
    own = idx.slug(brief.slug)
    if idx.current(brief.slug):
        return own
    matched = {r.id: r for f in found for r in idx.text(f.anchor.kind, f.anchor.key)
               if not r.removed}  # each record once: a sentence the brief repeats counts once
    shared = Counter(r.slug for r in matched.values())
    related = {s for s, n in shared.items() if 2 * n >= max(len(found), idx.current(s))}
    same_file = {r.slug for r in idx.file(seed_name(brief.source_file))}
    slugs = {s for s in related | same_file if s not in live}
    return own + [r for s in sorted(slugs) for r in idx.slug(s)]


def match_briefs(briefs: Sequence[Brief], found: Sequence[Sequence[Found]],
                 records: Sequence[IdRecord], live: Collection[str]
                 ) -> tuple[dict[tuple[int, int], IdRecord], set[str]]:
    """(brief, item) → the record it keeps, each brief matched against its own records;
    and the ids of every record some brief could have kept. `live`: every brief's slug."""
    idx = RecordIndex(records)
    chosen: dict[tuple[int, int], IdRecord] = {}
    scoped: set[str] = set()
    for b, brief in enumerate(briefs):
        scope = [r for r in own_records(brief, found[b], idx, live) if r.id not in scoped]
        scoped.update(r.id for r in scope)
        known = {anchor_key(f): f.anchor for f in found[b]}
        for i, r in match_anchors([f.anchor for f in found[b]],
                                  [record_anchor(r, known) for r in scope]).items():
            chosen[b, i] = scope[r]
    return chosen, scoped


def assign_ids(briefs: Sequence[Brief], records: Sequence[IdRecord],
               complete: bool = True, settled: Mapping[int, Brief] | None = None) -> IdResult:
    """Give every item of `briefs` its id; return them, the updated registry and notes.

    `complete` says the briefs are the whole site, so records no brief kept are removed;
    `extract` of one seed passes False and touches only the records of that brief.
    `settled` maps the position of a brief that keeps the ids it had (module docstring)
    to that brief with its ids; it must hold only briefs with items.
    """
    settled = settled or {}
    todo = [b for b, _ in enumerate(briefs) if b not in settled]
    found = {b: find_items(briefs[b]) for b in todo}
    chosen, scoped = match_briefs([briefs[b] for b in todo], [found[b] for b in todo], records,
                                  {b.slug for b in briefs})
    by_id = {r.id: r for r in records}
    updated = {item.id: by_id[item.id] for brief in settled.values() for item in items(brief)}
    taken = set(by_id)
    next_salt: dict[str, int] = {}
    notes: list[str] = []
    out = dict(settled)
    for n, b in enumerate(todo):
        brief, ids = briefs[b], []
        for i, f in enumerate(found[b]):
            old = chosen.get((n, i))
            seed = f"{brief.slug}\n{f.anchor.kind}\n{f.anchor.key}"
            if old:
                rid = old.id
            else:
                rid, salt = make_id(seed, taken, next_salt.get(seed, 0))
                next_salt[seed] = salt + 1
            taken.add(rid)
            ids.append(rid)
            updated[rid] = record_for(brief, f, rid)
            notes += change_notes(old, updated[rid])
        out[b] = apply_ids(brief, ids)
    for r in retire(records, set(updated), scoped if not complete else None):
        notes.append(f"{r.slug}: {r.kind} {r.id} not found again, marked removed: "
                     f"“{shorten(r.text)}”")
        updated[r.id] = r
    merged = by_id | updated
    return IdResult(tuple(out[b] for b in range(len(briefs))),
                    tuple(merged[k] for k in sorted(merged)), tuple(notes))


def record_for(brief: Brief, found: Found, rid: str) -> IdRecord:
    """The registry record of an item as this build found it."""
    return IdRecord(id=rid, kind=found.anchor.kind, slug=brief.slug,
                    source_file=brief.source_file, text=found.item.text,
                    prefix=found.prefix, suffix=found.suffix, paragraph=found.item.paragraph,
                    actor=getattr(found.item, "actor", None), title=brief.meta.title)


def change_notes(old: IdRecord | None, new: IdRecord) -> list[str]:
    """One line for each way an item differs from its record: restored, moved, edited."""
    if old is None:
        return []
    head = f"{new.slug}: {new.kind} {new.id}"
    notes = []
    if old.removed:
        notes.append(f"{head} found again, restored: “{shorten(new.text)}”")
    if old.slug != new.slug:
        notes.append(f"{head} moved from brief {old.slug}")
    if old.text != new.text:
        notes.append(f"{head} re-anchored after an edit: “{shorten(old.text)}” → "
                     f"“{shorten(new.text)}”")
    return notes


def retire(records: Sequence[IdRecord], kept: Collection[str],
           scope: Collection[str] | None) -> list[IdRecord]:
    """Records whose item this build did not find (among `scope`, or all), now removed."""
    return [replace(r, removed=True) for r in records
            if r.id not in kept and not r.removed and (scope is None or r.id in scope)]


def apply_ids(brief: Brief, ids: Sequence[str]) -> Brief:
    """The brief with `ids` given to its items, in `items()` order."""
    n = len(brief.recommendations)
    return replace(
        brief,
        recommendations=tuple(replace(r, id=i) for r, i in zip(brief.recommendations, ids[:n])),
        open_questions=tuple(replace(q, id=i) for q, i in zip(brief.open_questions, ids[n:])))


def shorten(text: str, width: int = 70) -> str:
    """A sentence cut to `width` characters for a one-line note."""
    text = " ".join(plain(text).split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"
