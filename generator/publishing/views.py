"""Briefs → the views across them: entity pages, briefs by date and by publication,
recommendation counts by actor and strength.

Pure functions: they decide what each cross-brief page lists and in which order; the
templates only lay it out. They work for any number of briefs and entities (none too).
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from slugify import slugify

from .markdown_safe import item_text
from ..model import Brief, Entity, Recommendation

STRENGTHS = ("must", "should", "could")
KIND_LABELS = {"person": "People", "organization": "Organizations", "place": "Places",
               "law": "Laws", "event": "Events"}
OTHER_KIND = "Other"
NO_ACTOR = "No named actor"
UNKNOWN_PUBLICATION = "Unknown publication"
UNDATED = "Undated"
TAG_UNSAFE = re.compile(r"[^\w .,'’()-]+")
"""What a tag may not contain: Material writes tag names into pages unescaped."""
WORD = re.compile(r"\w+")
"""A word, as the name patterns' word boundaries see it."""
RESERVED_SLUGS = {"index", "all"}
"""Names an entity page cannot take: `entities/index.md` is the entity index, and
`entities/all/` holds its pages when it needs more than one."""
PAGE_BRIEFS = 2
PAGE_MENTIONS = 5
"""An entity has a page of its own when at least PAGE_BRIEFS briefs name it, or one names
it PAGE_MENTIONS times: what a reader would look up across the site. A name met once or
twice in one brief is listed on that brief only (at 1,000 briefs, pages for every name were
most of the site's 13,582 pages)."""
ENTITY_LIST_LIMIT = 100
"""Briefs and recommendations listed on one entity page at most (most mentions and
strongest first), so an entity named everywhere still has a page of bounded size."""


@dataclass(frozen=True, slots=True)
class EntityView:
    """One entity across the site: every brief that names it and every recommendation."""

    name: str
    slug: str
    kind: str
    aliases: tuple[str, ...]
    mentions: int
    brief_count: int
    """How many briefs name it."""
    recommendation_count: int
    """How many recommendations concern it: their actor is this entity or their sentence
    names it."""
    briefs: tuple[tuple[BriefLine, int], ...]
    """The ENTITY_LIST_LIMIT briefs that name it most, with its mentions there; most
    mentions first. Only what the page lists, so that a page's render key (and the
    entity index's, which holds every view) stays the size of a page."""
    recommendations: tuple[tuple[BriefLine, Recommendation], ...]
    """The ENTITY_LIST_LIMIT strongest of the recommendations that concern it."""


def anchor(name: str, prefix: str = "") -> str:
    """A stable, readable HTML id/file name for any text (a hash when it has no letters)."""
    slug = slugify(name or "")
    if not slug:
        slug = hashlib.sha256((name or "").encode("utf-8")).hexdigest()[:8]
    return prefix + slug


@lru_cache(maxsize=1 << 16)
def entity_slug(name: str) -> str:
    """The file name (without `.md`) of an entity's page under `entities/`; remembered, as
    the views, the related briefs and every brief page ask for the same names again."""
    slug = anchor(name)
    return f"{slug}-entity" if slug in RESERVED_SLUGS else slug


def brief_title(brief: Brief) -> str:
    """What a page calls a brief: its title, else its headline, else (a brief built by hand)
    its slug."""
    return brief.meta.title or brief.headline or brief.slug


@dataclass(frozen=True, slots=True)
class BriefLine:
    """What a page across briefs shows of one brief: a line that links to it. The lists
    (by date, by publication, by actor, an entity's page, a brief's neighbours) hold these
    rather than whole briefs, so an edit to a brief's text that changes none of them
    leaves every list that shows it as it was (their render keys: rendercache.py)."""

    slug: str
    title: str
    authors: str
    """"A, B and C"."""
    date: str | None
    publication: str | None


def author_names(brief: Brief) -> str:
    """"A, B and C" for the byline."""
    names = [a.name for a in brief.meta.authors]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def brief_line(brief: Brief) -> BriefLine:
    """The line that stands for `brief` in lists."""
    return BriefLine(brief.slug, brief_title(brief), author_names(brief), brief.meta.date,
                     brief.meta.publication)


def actor_label(rec: Recommendation) -> str:
    """Who should act, as the site writes it."""
    return rec.actor or NO_ACTOR


def brief_tags(brief: Brief) -> list[str]:
    """A brief's tags: who its recommendations address, in characters safe as raw HTML."""
    names = {" ".join(TAG_UNSAFE.sub(" ", r.actor).split()) for r in brief.recommendations if r.actor}
    return sorted(n for n in names if n)


def strength_rank(strength: str) -> int:
    """Strongest first: must, should, could (anything unknown after them)."""
    return STRENGTHS.index(strength) if strength in STRENGTHS else len(STRENGTHS)


def strongest_first(pairs: Iterable[tuple[BriefLine, Recommendation]]
                    ) -> list[tuple[BriefLine, Recommendation]]:
    """(brief, recommendation) pairs: must before should before could, then in reading order."""
    return sorted(pairs, key=strength_order)


def strength_order(pair: tuple[BriefLine, Recommendation]) -> tuple[int, str, int, int]:
    """strongest_first's sort key of one (brief, recommendation) pair."""
    line, rec = pair
    return strength_rank(rec.strength), line.slug, rec.paragraph, rec.sentence


def strength_counts(recs: Iterable[Recommendation]) -> dict[str, int]:
    """{"must": n, "should": n, "could": n} for a group of recommendations."""
    counts = Counter(r.strength for r in recs)
    return {s: counts.get(s, 0) for s in STRENGTHS}


def name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """One regex matching any of the names as whole words (longest first)."""
    names = sorted({n for n in names if n.strip()}, key=lambda n: (-len(n), n))
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


@dataclass(frozen=True, slots=True)
class RecommendationIndex:
    """Every recommendation of the site with its plain text, and which of them hold each word:
    an entity page then searches only the recommendations that hold its names' first words,
    not every recommendation of the site (which grew with entities × recommendations)."""

    items: tuple[tuple[BriefLine, Recommendation, str], ...]
    by_word: dict[str, tuple[int, ...]]
    by_actor: dict[str, tuple[int, ...]]
    rank: tuple[int, ...]
    """Each item's place in strongest_first's order of them all (ties in site order): a
    subset sorted by it is that subset strongest first, without a sort key per item."""


def index_recommendations(briefs: Sequence[Brief], words: set[str] | None = None,
                          lines: Mapping[str, BriefLine] | None = None) -> RecommendationIndex:
    """The site's recommendations, each with its brief's line (`lines` by slug, else made
    here) and its plain text, indexed by the words in it (only by `words`, when given:
    the first words of the names to look for)."""
    lines = lines or {b.slug: brief_line(b) for b in briefs}
    items = tuple((lines[b.slug], r, item_text(r.text)) for b in briefs for r in b.recommendations)
    by_word: dict[str, list[int]] = defaultdict(list)
    by_actor: dict[str, list[int]] = defaultdict(list)
    for i, (_, rec, text) in enumerate(items):
        by_actor[rec.actor].append(i)
        found = WORD.findall(text)
        for word in set(found) if words is None else words.intersection(found):
            by_word[word].append(i)
    rank = [0] * len(items)
    for place, i in enumerate(sorted(range(len(items)), key=lambda i: strength_order(items[i][:2]))):
        rank[i] = place
    return RecommendationIndex(items, {w: tuple(ids) for w, ids in by_word.items()},
                               {a: tuple(ids) for a, ids in by_actor.items()}, tuple(rank))


def candidates(names: Sequence[str], index: RecommendationIndex) -> list[int]:
    """The recommendations that may name one of `names`, in site order. A whole-word match
    of a name starting with a word character holds the name's first word as a word of its
    own; a name starting otherwise is looked for everywhere."""
    found: set[int] = set()
    for name in (n.strip() for n in names):
        first = WORD.match(name)
        if name and not first:
            return list(range(len(index.items)))
        found.update(index.by_word.get(first.group(), ()) if first else ())
    return sorted(found)


def naming_recommendations(names: Sequence[str], index: RecommendationIndex
                           ) -> tuple[tuple[BriefLine, Recommendation], ...]:
    """Every recommendation whose actor is one of `names` or whose sentence names one,
    strongest first."""
    found = {i for name in names for i in index.by_actor.get(name, ())}
    pattern = name_pattern(names)
    if pattern:
        found.update(i for i in candidates(names, index) if pattern.search(index.items[i][2]))
    return tuple(index.items[i][:2] for i in sorted(found, key=index.rank.__getitem__))


def worth_a_page(briefs: int, mentions: int) -> bool:
    """Whether an entity named in `briefs` briefs, `mentions` times in all, gets a page."""
    return briefs >= PAGE_BRIEFS or mentions >= PAGE_MENTIONS


def entity_views(briefs: Sequence[Brief], lines: Mapping[str, BriefLine] | None = None
                 ) -> list[EntityView]:
    """Every entity a reader would look up (worth_a_page), merged by page name, sorted by
    name; each brief listed as its line (`lines` by slug, else made here)."""
    lines = lines or {b.slug: brief_line(b) for b in briefs}
    grouped: dict[str, list[tuple[Brief, object]]] = defaultdict(list)
    for brief in briefs:
        for entity in brief.entities:
            grouped[entity_slug(entity.name)].append((brief, entity))
    found = [view for slug, pairs in sorted(grouped.items()) if (view := entity_view(slug, pairs, lines))]
    first_words = {m.group() for view in found for n in (view.name, *view.aliases)
                   if (m := WORD.match(n.strip()))}
    index = index_recommendations(briefs, first_words, lines)
    views = []
    for view in found:
        concerning = naming_recommendations([view.name, *view.aliases], index)
        views.append(replace(view, recommendation_count=len(concerning),
                             recommendations=concerning[:ENTITY_LIST_LIMIT]))
    return sorted(views, key=lambda v: (v.name.lower(), v.slug))


def entity_view(slug: str, pairs: list[tuple[Brief, Entity]], lines: Mapping[str, BriefLine]
                ) -> EntityView | None:
    """One entity's view from every (brief, entity) that has its page name, its
    recommendations not yet looked for; None when it is not worth a page."""
    entities = [e for _, e in pairs]
    spellings = Counter()
    for e in entities:
        spellings[e.name] += e.mentions
    name = max(sorted(spellings), key=spellings.__getitem__)  # most mentioned, then A–Z
    kinds = Counter(e.kind for e in entities)
    aliases = sorted({a for e in entities for a in (e.name, *e.aliases)} - {name})
    mentions: Counter[str] = Counter()
    by_slug = {}
    for brief, entity in pairs:
        mentions[brief.slug] += entity.mentions
        by_slug[brief.slug] = brief
    if not worth_a_page(len(by_slug), sum(mentions.values())):
        return None
    ranked = sorted(by_slug.values(), key=lambda b: (-mentions[b.slug], b.slug))
    return EntityView(name=name, slug=slug, kind=max(sorted(kinds), key=kinds.__getitem__),
                      aliases=tuple(aliases), mentions=sum(mentions.values()),
                      brief_count=len(ranked), recommendation_count=0,
                      briefs=tuple((lines[b.slug], mentions[b.slug]) for b in ranked[:ENTITY_LIST_LIMIT]),
                      recommendations=())


def entities_by_kind(views: Sequence[EntityView]) -> list[tuple[str, list[EntityView]]]:
    """Entity index sections: people, organizations, places, then anything else."""
    groups: dict[str, list[EntityView]] = defaultdict(list)
    for view in views:
        groups[KIND_LABELS.get(view.kind, OTHER_KIND)].append(view)
    order = [*KIND_LABELS.values(), OTHER_KIND]
    return [(label, groups[label]) for label in order if groups.get(label)]


def briefs_by_year(briefs: Iterable[Brief]) -> list[tuple[str, list[Brief]]]:
    """Briefs grouped by year, newest first within and across years; undated last."""
    groups: dict[str, list[Brief]] = defaultdict(list)
    for brief in briefs:
        groups[brief.meta.date[:4] if brief.meta.date else UNDATED].append(brief)
    years = sorted((y for y in groups if y != UNDATED), reverse=True)
    ordered = [(y, sorted(groups[y], key=lambda b: (b.meta.date or "", b.slug), reverse=True))
               for y in years]
    if groups.get(UNDATED):
        ordered.append((UNDATED, sorted(groups[UNDATED], key=lambda b: b.slug)))
    return ordered


def briefs_by_publication(briefs: Iterable[Brief]) -> list[tuple[str, list[Brief]]]:
    """Briefs grouped by publication (alphabetical, unknown last), newest first within."""
    groups: dict[str, list[Brief]] = defaultdict(list)
    for brief in briefs:
        groups[brief.meta.publication or UNKNOWN_PUBLICATION].append(brief)
    names = sorted((p for p in groups if p != UNKNOWN_PUBLICATION), key=str.lower)
    if UNKNOWN_PUBLICATION in groups:
        names.append(UNKNOWN_PUBLICATION)
    return [(p, sorted(groups[p], key=lambda b: (b.meta.date or "", b.slug), reverse=True))
            for p in names]


def briefs_by_tag(briefs: Iterable[Brief]) -> list[tuple[str, list[Brief]]]:
    """Each actor tag with the briefs it tags, in the tags plugin's order (by name)."""
    groups: dict[str, list[Brief]] = defaultdict(list)
    for brief in briefs:
        for tag in brief_tags(brief):
            groups[tag].append(brief)
    return sorted(groups.items())


RELATED_LIMIT = 4
"""How many related briefs a brief page lists."""
MAX_HOLDERS = 50
"""An actor or entity held by more briefs than this (or than half the briefs, when that is
more than two) relates nothing: it would tie almost every brief to every other, and the
cap keeps the scoring linear in the briefs' keys (≤ MAX_HOLDERS steps per key held)."""


def relation_keys(brief: Brief) -> set[str]:
    """What a brief can share with another: the actors it advises and the entities it names
    (by page name, so spellings merged on entity pages match here too)."""
    return ({"actor:" + r.actor for r in brief.recommendations if r.actor}
            | {"entity:" + entity_slug(e.name) for e in brief.entities})


def related_briefs(briefs: Sequence[Brief], limit: int = RELATED_LIMIT
                   ) -> dict[str, list[Brief]]:
    """Each brief's most related others, through an inverted index key → briefs (never all
    pairs): a shared key weighs 1/(briefs holding it), so a rare shared entity counts more
    than a common one; best first, then by slug."""
    keys = {b.slug: relation_keys(b) for b in briefs}
    holders: dict[str, list[Brief]] = defaultdict(list)
    for brief in briefs:
        for key in keys[brief.slug]:
            holders[key].append(brief)
    common = min(MAX_HOLDERS, max(2, len(briefs) // 2))
    related = {}
    for brief in briefs:
        scores: Counter[str] = Counter()
        by_slug = {}
        for key in keys[brief.slug]:
            if len(holders[key]) > common:
                continue
            for other in holders[key]:
                if other.slug != brief.slug:
                    scores[other.slug] += 1 / len(holders[key])
                    by_slug[other.slug] = other
        best = sorted(scores, key=lambda slug: (-scores[slug], slug))[:limit]
        related[brief.slug] = [by_slug[slug] for slug in best]
    return related
