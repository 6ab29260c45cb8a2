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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True, slots=True)
class Anchor:
    """A sentence as the matcher sees it: its kind, normalized quote, context and place."""

    kind: str
    key: str
    prefix: str
    suffix: str
    paragraph: int


def plain(text: str) -> str:
    """Markdown links reduced to their text, emphasis marks dropped: what a reader sees."""
    return _LINK.sub(r"\1", text).replace("**", "").replace("__", "")


def normalize(text: str) -> str:
    """Lower-case words only: the form in which case, punctuation and spacing don't count."""
    text = unicodedata.normalize("NFKC", plain(text)).lower()
    return " ".join(re.findall(r"\w+", text))


def anchor(kind: str, text: str, prefix: str, suffix: str, paragraph: int) -> Anchor:
    """The anchor of a sentence, from its text and context as written."""
    return Anchor(kind, normalize(text), normalize(prefix), normalize(suffix), paragraph)


def contexts(paras: Sequence[tuple[int, str]], item: Recommendation | OpenQuestion
             ) -> tuple[str, str]:
    """The plain text just before and just after `item` in a body of (number, plain text)."""
    numbers = [n for n, _ in paras]
    texts = [t for _, t in paras]
    text = plain(item.text)
    i = numbers.index(item.paragraph) if item.paragraph in numbers else -1
    where = texts[i] if i >= 0 else " ".join(texts)
    at = where.find(text)
    before, after = (where[:at], where[at + len(text):]) if at >= 0 else ("", "")
    if i >= 0:
        before = " ".join([*texts[max(0, i - 3):i], before])
        after = " ".join([after, *texts[i + 1:i + 4]])
    before, after = " ".join(before.split()), " ".join(after.split())
    return before[-CONTEXT_CHARS:], after[:CONTEXT_CHARS]


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
    first, then fuzzy."""
    exact = [(1 + context_score(a, b) + position_score(a, b) / 10, i, r)
             for i, a in enumerate(new) for r, b in enumerate(old)
             if a.kind == b.kind and a.key == b.key]
    pairs = pair_best_first(exact)
    used = set(pairs.values())
    spare = [r for r in range(len(old)) if r not in used]
    fuzzy = []
    for i, a in enumerate(new):
        for r in spare if i not in pairs else ():
            score = fuzzy_score(a, old[r])
            if score is not None:
                fuzzy.append((score, i, r))
    pairs.update(pair_best_first(fuzzy))
    return pairs
