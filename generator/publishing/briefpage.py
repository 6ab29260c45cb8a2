"""One brief → what its page shows besides the brief's own fields: its key recommendations
grouped by who should act, the rest, each item's number, and the way to other briefs.

A reader meets the bottom line first (GAO's recommendation pages and think-tank report
pages open with the key recommendations by addressee), so Python picks and groups them
here; the template only lays them out.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..model import Brief, Recommendation
from .views import BriefLine, actor_label, strength_rank

KEY_LIMIT = 5
"""How many recommendations a brief page puts first: a screenful, as a report's key findings."""

Numbered = tuple[int, Recommendation]
"""A recommendation with its number in reading order (from 1), as the page names it."""
ActorGroup = tuple[str, tuple[Numbered, ...]]
"""Who should act, and their recommendations."""


@dataclass(frozen=True, slots=True)
class BriefPage:
    """What a brief's page shows around the brief: its recommendations arranged, and links."""

    key: tuple[ActorGroup, ...]
    """The strongest recommendations (up to KEY_LIMIT), grouped by actor, strongest first."""
    more: tuple[ActorGroup, ...]
    """The others, grouped by actor, in reading order."""
    related: tuple[BriefLine, ...] = ()
    newer: BriefLine | None = None
    older: BriefLine | None = None

    @property
    def key_count(self) -> int:
        """How many recommendations the key section shows."""
        return sum(len(items) for _, items in self.key)


def by_actor(items: Iterable[Numbered]) -> tuple[ActorGroup, ...]:
    """Items grouped by actor: groups in order of their first item, items in given order."""
    groups: dict[str, list[Numbered]] = {}
    for number, rec in items:
        groups.setdefault(actor_label(rec), []).append((number, rec))
    return tuple((actor, tuple(recs)) for actor, recs in groups.items())


def key_first(recs: Sequence[Recommendation], limit: int = KEY_LIMIT
              ) -> tuple[tuple[ActorGroup, ...], tuple[ActorGroup, ...]]:
    """(key, more): the `limit` strongest recommendations (a named actor before none, then
    reading order) grouped by actor, and the rest grouped in reading order."""
    numbered = list(enumerate(recs, 1))
    ranked = sorted(numbered, key=lambda nr: (strength_rank(nr[1].strength),
                                               nr[1].actor is None, nr[0]))
    return by_actor(ranked[:limit]), by_actor(sorted(ranked[limit:], key=lambda nr: nr[0]))


def neighbours(ordered: Sequence[BriefLine]) -> dict[str, tuple[BriefLine | None, BriefLine | None]]:
    """{slug: (newer, older)}: each brief's neighbours in the home page's order."""
    return {b.slug: (ordered[i - 1] if i else None,
                     ordered[i + 1] if i + 1 < len(ordered) else None)
            for i, b in enumerate(ordered)}


def brief_pages(ordered: Sequence[Brief], related: dict[str, list[Brief]],
                lines: Mapping[str, BriefLine]) -> dict[str, BriefPage]:
    """{slug: BriefPage} for briefs in the home page's order (newest first); other briefs
    linked as their lines (`lines`, by slug)."""
    around = neighbours([lines[b.slug] for b in ordered])
    pages = {}
    for brief in ordered:
        key, more = key_first(brief.recommendations)
        newer, older = around[brief.slug]
        pages[brief.slug] = BriefPage(key, more, tuple(lines[r.slug] for r in related.get(brief.slug, ())),
                                      newer, older)
    return pages
