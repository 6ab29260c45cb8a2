"""Summary stage: pick 3–5 body sentences that carry the thesis and the main advice.

A reader who reads nothing else should get the claim (the lead), the strongest advice
spread across the article, and the conclusion. Each sentence is scored on where it sits,
whether the author advises something in it (and how strongly), whether it poses an open
question, thesis cue words (generator/data/summary.yaml) and, to break near-ties, how
much it shares the article's recurring words; then the best are taken
greedily, skipping near-duplicates and crowding from one paragraph, and put back in
document order.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import yaml

from ..model import OpenQuestion, Recommendation, Sentence
from .names import looks_like_title

MIN_SENTENCES, MAX_SENTENCES = 3, 5
MIN_WORDS, LONG_WORDS = 5, 70
"""Shorter sentences are fragments; longer ones are usually run-together page text."""
PER_PARAGRAPH = 2
"""At most this many summary sentences from one paragraph, so the summary spans the article
(when it has paragraphs enough to span)."""
LEAD_SENTENCES = 4
"""Sentences of the first paragraph that still read as the lead."""
LEAD_SCORE = 10.0
"""Above any other sentence's score: the first sentence of the body is always taken."""
STRUCTURE_SCORE = 0.6
"""Advice the author set apart as a heading or list item is the article's own outline."""
DUPLICATE_OVERLAP = 0.5
"""Word overlap (Jaccard) above which two sentences say the same thing."""
STRENGTH_SCORE = {"must": 3.0, "should": 2.6, "could": 1.6}
QUESTION_SCORE = {"explicit": 1.6, "implicit": 1.8}
CUE_SCORE, CUE_CAP = 0.6, 1.2
CENTRALITY_WEIGHT = 0.5
"""A tie-breaker among sentences the other cues rate alike, not a cue of its own."""
SUB_ITEM = re.compile(r"\s*\(?(?:[ivx]+|[a-h])[.)]\s")
"""A sub-item numbered in lower case ("iv. Secure the borders", "b) Fund …"): a detail of
the point that opens its list, which the summary prefers."""
SUB_ITEM_PENALTY = 1.0
MIN_GOOD = 2.5
"""Below this score a sentence is only taken to reach the minimum of three."""


@lru_cache(maxsize=1)
def thesis_cues() -> re.Pattern[str]:
    """The cue words of data/summary.yaml as one whole-word pattern."""
    text = resources.files("generator").joinpath("data/summary.yaml").read_text("utf-8")
    cues = yaml.safe_load(text)["thesis_cues"]
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.IGNORECASE)


def words(text: str) -> set[str]:
    """Lower-case word set of a sentence, for overlap tests."""
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def overlap(a: str, b: str) -> float:
    """Jaccard overlap of two sentences' words."""
    wa, wb = words(a), words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def is_candidate(s: Sentence, advised: bool) -> bool:
    """Whole sentences only: no headings or title-cased lines (unless they state advice),
    fragments or lead-ins."""
    n = len(s.plain.split())
    if (s.heading or looks_like_title(s.plain)) and not advised:
        return False
    return n >= MIN_WORDS and not s.plain.rstrip().endswith(":")


def position_score(s: Sentence, first: int, last: int) -> float:
    """The lead states the thesis (it always opens the summary), the sentences after it
    develop it, the last paragraph concludes; a one-paragraph page is read by sentence."""
    if s.paragraph == first:
        return LEAD_SCORE if s.index == 0 else 2.0 if s.index < LEAD_SENTENCES else 0.8
    if s.paragraph == last:
        return 1.0
    return 0.8 if s.paragraph <= first + 2 else 0.0


def score_sentence(s: Sentence, first: int, last: int, strength: str | None,
                   question: str | None) -> float:
    """How much of the article's thesis and advice one sentence carries."""
    score = position_score(s, first, last)
    score += STRENGTH_SCORE.get(strength or "", 0.0)
    if strength and (s.heading or s.list_item):
        score += STRUCTURE_SCORE
    score += QUESTION_SCORE.get(question or "", 0.0)
    score += min(CUE_CAP, CUE_SCORE * len(thesis_cues().findall(s.plain)))
    if len(s.plain.split()) > LONG_WORDS:
        score -= 1.5
    if SUB_ITEM.match(s.plain):
        score -= SUB_ITEM_PENALTY
    return score


def pick(ranked: Sequence[tuple[float, Sentence]], wanted: int) -> list[Sentence]:
    """Best first, skipping near-duplicates and a third sentence from one paragraph."""
    chosen: list[Sentence] = []
    spread = len({s.paragraph for _, s in ranked}) >= MIN_SENTENCES
    for score, s in ranked:
        if len(chosen) >= wanted or (score < MIN_GOOD and len(chosen) >= MIN_SENTENCES):
            break
        crowded = spread and sum(c.paragraph == s.paragraph for c in chosen) >= PER_PARAGRAPH
        if crowded or any(overlap(c.plain, s.plain) > DUPLICATE_OVERLAP for c in chosen):
            continue
        chosen.append(s)
    return chosen


def centrality(pool: Sequence[Sentence]) -> list[float]:
    """How much each sentence shares its content words with the rest (0..1): the article's
    recurring subject, as in TextRank's first step."""
    bags = [{w for w in words(s.plain) if len(w) > 3} for s in pool]
    holders = word_holders(bags)
    raw = [similarity_sum(i, bags, holders) for i in range(len(bags))]
    top = max(raw, default=0) or 1
    return [r / top for r in raw]


def word_holders(bags: Sequence[set[str]]) -> dict[str, list[int]]:
    """Word → the indexes of the bags that hold it, so overlaps are counted, not intersected."""
    holders: dict[str, list[int]] = {}
    for i, bag in enumerate(bags):
        for w in bag:
            holders.setdefault(w, []).append(i)
    return holders


def similarity_sum(i: int, bags: Sequence[set[str]], holders: dict[str, list[int]]) -> float:
    """Bag i's Jaccard similarity to every other bag, summed in bag order: the same float as
    a sum over all pairs (disjoint bags add 0), but it costs the words shared, not a set
    intersection per pair, which made a 1 MB seed take a minute."""
    shared: Counter[int] = Counter()
    for w in bags[i]:
        shared.update(holders[w])
    shared.pop(i, None)
    size = len(bags[i])
    return sum(c / (size + len(bags[j]) - c) for j, c in sorted(shared.items()))


def label(s: Sentence, by_text: dict[str, str], by_place: dict[tuple[int, int], tuple[str, str]]
          ) -> str | None:
    """The label (strength or question kind) an item gives this sentence, matched by its
    text, or by its place when the item's text is the same sentence lightly rejoined."""
    found = by_text.get(s.text) or by_text.get(s.plain)
    if found:
        return found
    text, value = by_place.get((s.paragraph, s.index), ("", ""))
    return value if text and overlap(text, s.plain) > DUPLICATE_OVERLAP else None


def fill(chosen: list[Sentence], sentences: Sequence[Sentence]) -> list[Sentence]:
    """Top up to three with the earliest remaining sentences, body text before headings."""
    rest = sorted((s for s in sentences if s not in chosen), key=lambda s: s.heading)
    return chosen + rest[:max(0, MIN_SENTENCES - len(chosen))]


def summarize(sentences: Sequence[Sentence], recommendations: Sequence[Recommendation],
              questions: Sequence[OpenQuestion]) -> tuple[str, ...]:
    """Sentences → 3 to 5 of them (text as written), in document order."""
    advice = ({r.text: r.strength for r in recommendations},
              {(r.paragraph, r.sentence): (r.text, r.strength) for r in recommendations})
    asked = ({q.text: q.kind for q in questions},
             {(q.paragraph, q.sentence): (q.text, q.kind) for q in questions})
    pool = [s for s in sentences if is_candidate(s, label(s, *advice) is not None)]
    body = [s.paragraph for s in pool if not s.heading] or [s.paragraph for s in pool]
    first, last = (min(body), max(body)) if body else (0, 0)
    central = centrality(pool)
    ranked = sorted(
        ((score_sentence(s, first, last, label(s, *advice), label(s, *asked))
          + CENTRALITY_WEIGHT * central[i], s)
         for i, s in enumerate(pool)),
        key=lambda pair: (-pair[0], pair[1].paragraph, pair[1].index))
    chosen = fill(pick(ranked, MAX_SENTENCES), sentences)
    return tuple(s.text for s in sorted(chosen, key=lambda s: (s.paragraph, s.index)))
