"""Page slugs that never collide and never move when another seed is added.

The rule, in order (seeds in file-name order):

1. A brief's own slug comes from its title (`parse.slug_for`).
2. A seed the site published before keeps the slug it had, as long as its title still
   leads to it (the title's slug, or that slug plus a suffix this rule added). So adding
   a seed never renames another brief's page, nor any link or id that points at it.
3. Any other seed takes its title's slug when no one holds it; else that slug plus its
   own file name's slug (`…-my-copy`); else plus a short hash of its path. Only the
   newcomer is suffixed, by a function of its own name, and it gets one warning line.
4. `index` is never a brief's slug (briefs/index.md would become the folder's own page).
5. A title's slug is cut to MAX_CHARS (at a hyphen where it can), so that a page's file
   name, suffix and all, always fits a file system's 255-byte limit.

What a seed had before comes from `known_slugs`: the last build's `site_src/briefs.json`
and, for a fresh checkout, the id registry (`IdRecord.slug` by `source_file`).
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from slugify import slugify

from ..model import Brief, IdRecord, Problem

RESERVED = frozenset({"index"})
STEM_CHARS = 32
MAX_CHARS = 150
SLUG_SHAPE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def known_slugs(out_dir: Path, records: Iterable[IdRecord] = (),
                last: Mapping[str, str] | None = None) -> dict[str, str]:
    """source_file → slug it was published under: last build first, then the id registry.
    `last`: what `out_dir`'s briefs.json holds, when the caller knows (sitestate.py)."""
    known: dict[str, str] = {}
    for r in records:  # a seed's first slug in sorted order, should its records have two
        if not r.removed and (r.source_file not in known or r.slug < known[r.source_file]):
            known[r.source_file] = r.slug
    if last is None:
        last = published_slugs(out_dir)
    merged = {**known, **{k: v for k, v in last.items() if isinstance(k, str) and isinstance(v, str)}}
    return {k: v for k, v in merged.items() if SLUG_SHAPE.fullmatch(v)}  # a slug names a file


def published_slugs(out_dir: Path) -> dict[str, str]:
    """source_file → slug, as the last build's `briefs.json` lists them (none: no build yet)."""
    try:
        data = json.loads((out_dir / "briefs.json").read_text("utf-8"))
        return {b["source_file"]: b["slug"] for b in data["briefs"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # no earlier build here: the registry alone remembers


def capped(slug: str) -> str:
    """A title's slug cut to MAX_CHARS, at the last hyphen before the cut when there is one."""
    if len(slug) <= MAX_CHARS:
        return slug
    cut = slug[:MAX_CHARS + 1].rsplit("-", 1)[0] if "-" in slug[:MAX_CHARS + 1] else ""
    return cut or slug[:MAX_CHARS]


def derives_from(slug: str, base: str) -> bool:
    """Whether `slug` is the title's slug, or it with a suffix rule 3 added."""
    return slug == base or slug.startswith(base + "-")


def candidates(base: str, source_file: str) -> Iterable[str]:
    """Slugs a newcomer may take, best first (rule 3), endless so one is always free."""
    yield base
    stem = slugify(Path(source_file).stem)[:STEM_CHARS].strip("-")
    if stem:
        yield f"{base}-{stem}"
    digest = hashlib.sha256(source_file.encode("utf-8")).hexdigest()
    yield f"{base}-{digest[:8]}"
    n = 2
    while True:
        yield f"{base}-{digest[:8]}-{n}"
        n += 1


def assign_slugs(briefs: list[Brief], known: Mapping[str, str]) -> tuple[list[Brief], list[Problem]]:
    """Briefs with unique, stable slugs (module rule), and one line per renamed newcomer."""
    taken: dict[str, str] = {slug: "" for slug in RESERVED}
    briefs = [with_slug(b, capped(b.slug)) for b in briefs]
    ordered = sorted(briefs, key=lambda b: b.source_file)
    slugs: dict[str, str] = {}
    for b in ordered:  # rule 2 first, so a newcomer sorting earlier cannot take a held slug
        old = known.get(b.source_file)
        if old and derives_from(old, b.slug) and old not in taken:
            slugs[b.source_file] = old
            taken[old] = b.source_file
    problems = []
    for b in ordered:
        if b.source_file in slugs:
            continue
        slug = next(s for s in candidates(b.slug, b.source_file) if s not in taken)
        slugs[b.source_file], taken[slug] = slug, b.source_file
        if slug != b.slug and taken.get(b.slug):
            problems.append(Problem(b.source_file, f"same title as {taken[b.slug]}; "
                                                   f"its page is briefs/{slug}.md"))
    return [with_slug(b, slugs[b.source_file]) for b in briefs], problems


def with_slug(brief: Brief, slug: str) -> Brief:
    """The brief under `slug` (itself when it has it: most briefs keep theirs)."""
    return brief if brief.slug == slug else dataclasses.replace(brief, slug=slug)
