"""Text anchors: find a quoted sentence again after its document changed.

An anchor is a sentence (the quote), the text just before and after it (prefix and
suffix) and its paragraph, as Hypothesis and the W3C TextQuoteSelector anchor an
annotation. Two sets of anchors are paired exact quotes first (context and position break
ties), then fuzzily, best pair first, by text, context and position similarity; a quote
found inside a longer sentence (rejoined with a neighbour or stray text) still matches.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.fuzz import partial_ratio, ratio

from ..model import OpenQuestion, Recommendation

CONTEXT_CHARS = 64
"""How much text before and after a sentence its anchor keeps (prefix and suffix)."""
TEXT_ALONE = 0.85
"""Texts this alike match on their own."""
TEXT_WITH_CONTEXT = 0.70
CONTEXT_NEEDED = 0.75
"""Texts at least TEXT_WITH_CONTEXT alike match when their contexts are this alike."""
CONTAINED = 0.90
MIN_SHARE = 0.5
"""A quote found at least CONTAINED alike inside a longer one, of which it is at least
MIN_SHARE of the length (a sentence rejoined with a neighbour or with stray text), counts
as TEXT_ALONE alike."""
WEIGHTS = (0.80, 0.15, 0.05)
"""Text, context, position: how a fuzzy pair is ranked against the others."""
ALL_PAIRS = 40_000
"""Up to this many (new, old) pairs, every unmatched new anchor is weighed against every
unmatched old one (any brief a person writes); beyond, only against CANDIDATES old ones,
so a seed of thousands of items costs time and memory in proportion to its size."""
CANDIDATES = 24
COMMON_WORD = 256
"""A word in more unmatched old anchors than this says nothing about which is which."""
SAME_QUOTE = 16
"""How many old anchors with the very same quote (a sentence the text repeats) a new one
is weighed against: those nearest its paragraph."""

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_WORD = re.compile(r"\w+")
NORMALIZED = 1 << 16
"""How many normalized texts are remembered: a build normalizes each item's text and
context, then the same again in its registry record (a site of 1,000 briefs: ~80,000)."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """A sentence as the matcher sees it: its kind, normalized quote, context and place."""

    kind: str
    key: str
    prefix: str
    suffix: str
    paragraph: int


def plain(text: str) -> str:
    """Markdown links reduced to their text, emphasis marks dropped: what a reader sees
    (the link pattern is run only on text with a link's "](")."""
    text = _LINK.sub(r"\1", text) if "](" in text else text
    return text.replace("**", "").replace("__", "")


@lru_cache(maxsize=NORMALIZED)
def normalize(text: str) -> str:
    """Lower-case words only: the form in which case, punctuation and spacing don't count
    (NFKC leaves ASCII text as it is)."""
    text = plain(text)
    text = (text if text.isascii() else unicodedata.normalize("NFKC", text)).lower()
    return " ".join(_WORD.findall(text))


def anchor(kind: str, text: str, prefix: str, suffix: str, paragraph: int) -> Anchor:
    """The anchor of a sentence, from its text and context as written."""
    return Anchor(kind, normalize(text), normalize(prefix), normalize(suffix), paragraph)


def contexts(paras: Sequence[tuple[int, str]], item: Recommendation | OpenQuestion,
             where: dict[int, int] | None = None) -> tuple[str, str]:
    """The plain text just before and just after `item` in a body of (number, plain text);
    `where` (paragraph number → its index in `paras`) saves a search per item."""
    where = where if where is not None else paragraph_index(paras)
    text = plain(item.text)
    i = where.get(item.paragraph, -1)
    within = paras[i][1] if i >= 0 else " ".join(t for _, t in paras)
    at = within.find(text)
    before, after = (within[:at], within[at + len(text):]) if at >= 0 else ("", "")
    if i >= 0:
        before = " ".join([*(t for _, t in paras[max(0, i - 3):i]), before])
        after = " ".join([after, *(t for _, t in paras[i + 1:i + 4])])
    return folded_tail(before, CONTEXT_CHARS), folded_head(after, CONTEXT_CHARS)


def folded_tail(text: str, n: int) -> str:
    """" ".join(text.split())[-n:], folding only as much of the end of `text` as it takes
    (a context keeps 64 characters of up to four paragraphs)."""
    size = 4 * n
    while True:
        folded = " ".join(text[-size:].split())
        if len(folded) >= n or size >= len(text):
            return folded[-n:]
        size *= 4


def folded_head(text: str, n: int) -> str:
    """" ".join(text.split())[:n], folding only as much of the start of `text` as it takes."""
    size = 4 * n
    while True:
        folded = " ".join(text[:size].split())
        if len(folded) >= n or size >= len(text):
            return folded[:n]
        size *= 4


def paragraph_index(paras: Sequence[tuple[int, str]]) -> dict[int, int]:
    """Paragraph number → its index in a body of (number, text) (the first, if repeated)."""
    where: dict[int, int] = {}
    for i, (number, _) in enumerate(paras):
        where.setdefault(number, i)
    return where


def similarity(a: str, b: str, empty: float = 1.0) -> float:
    """How alike two normalized strings are, 0..1 (`empty` when both are empty)."""
    return ratio(a, b) / 100 if a or b else empty


def text_score(a: str, b: str) -> float:
    """How alike two normalized quotes are, 0..1, a quote inside a longer one included."""
    score = similarity(a, b)
    short, long = sorted((a, b), key=len)
    if (score < TEXT_ALONE and len(short) >= MIN_SHARE * len(long)
            and partial_ratio(short, long) >= 100 * CONTAINED):
        return TEXT_ALONE
    return score


def context_score(a: Anchor, b: Anchor) -> float:
    """How alike the surroundings of two anchors are, 0..1; a side with nothing on it
    (the start or end of the body) counts half, as weak evidence either way."""
    return (similarity(a.prefix, b.prefix, 0.5) + similarity(a.suffix, b.suffix, 0.5)) / 2


def position_score(a: Anchor, b: Anchor) -> float:
    """1 for the same paragraph, less the further apart they are."""
    return 1 / (1 + abs(a.paragraph - b.paragraph))


def fuzzy_score(a: Anchor, b: Anchor) -> float | None:
    """The rank of a fuzzy pair, or None when the two are not the same sentence."""
    text = text_score(a.key, b.key)
    if a.kind != b.kind or text < TEXT_WITH_CONTEXT:
        return None
    context = context_score(a, b)
    if text < TEXT_ALONE and context < CONTEXT_NEEDED:
        return None
    w_text, w_context, w_position = WEIGHTS
    return w_text * text + w_context * context + w_position * position_score(a, b)


def pair_best_first(scored: Iterable[tuple[float, int, int]]) -> dict[int, int]:
    """Greedy one-to-one pairing of (score, new, old), best score first; new → old."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, i, r in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i not in pairs and r not in used:
            pairs[i] = r
            used.add(r)
    return pairs


def match_anchors(new: Sequence[Anchor], old: Sequence[Anchor]) -> dict[int, int]:
    """Pair new anchors with old ones of the same kind (index → index): exact quotes
    first, then fuzzy, each new anchor weighed against a bounded number of old ones."""
    pairs = pair_best_first(exact_pairs(new, old))
    used = set(pairs.values())
    spare = [r for r in range(len(old)) if r not in used]
    left = [i for i in range(len(new)) if i not in pairs]
    candidates = fuzzy_candidates(new, old, left, spare)
    fuzzy = []
    for i in left:
        for r in candidates(new[i]):
            score = fuzzy_score(new[i], old[r])
            if score is not None:
                fuzzy.append((score, i, r))
    pairs.update(pair_best_first(fuzzy))
    return pairs


def exact_pairs(new: Sequence[Anchor], old: Sequence[Anchor]) -> list[tuple[float, int, int]]:
    """Scored pairs of anchors with the same quote: each new anchor against the old ones
    with its quote, or the SAME_QUOTE nearest of them when a quote recurs more often."""
    by_quote: dict[tuple[str, str], list[int]] = {}
    for r, b in enumerate(old):
        by_quote.setdefault((b.kind, b.key), []).append(r)
    scored = []
    for i, a in enumerate(new):
        same = by_quote.get((a.kind, a.key), [])
        if len(same) > SAME_QUOTE:
            same = sorted(same, key=lambda r: (abs(old[r].paragraph - a.paragraph), r))[:SAME_QUOTE]
        scored += [(1 + context_score(a, old[r]) + position_score(a, old[r]) / 10, i, r) for r in same]
    return scored


def fuzzy_candidates(new: Sequence[Anchor], old: Sequence[Anchor], left: Sequence[int],
                     spare: Sequence[int]) -> Callable[[Anchor], Sequence[int]]:
    """Which old anchors a new one is weighed against: every spare one when there are few
    pairs to weigh (ALL_PAIRS), else the CANDIDATES spare ones sharing most of its rarer
    words (a sentence rewritten beyond its words is new anyway)."""
    if len(left) * len(spare) <= ALL_PAIRS:
        return lambda a: spare
    postings: dict[tuple[str, str], list[int]] = {}
    for r in spare:
        for word in set(old[r].key.split()):
            postings.setdefault((old[r].kind, word), []).append(r)

    def shared_words(a: Anchor) -> list[int]:
        counts: Counter[int] = Counter()
        for word in set(a.key.split()):
            holders = postings.get((a.kind, word), ())
            if len(holders) <= COMMON_WORD:
                counts.update(holders)
        ranked = sorted(counts.items(), key=lambda rc: (-rc[1], abs(old[rc[0]].paragraph - a.paragraph), rc[0]))
        return [r for r, _ in ranked[:CANDIDATES]]
    return shared_words
