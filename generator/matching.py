"""Whether an extracted sentence is a labelled one: the project scorer's matching, in the repo.

A prediction names a gold sentence when their word sets overlap enough (Jaccard >= 0.6,
or the gold's words are >= 85 % covered by a prediction at most twice as long), matched
greedily one to one in reading order. Optional gold items neither count as missed nor
make their match an extra. The rule ablation and the regression fixtures count with it,
so their figures mean what the scorer's do; the reading-stage ablation counts furniture
leaks, lost body passages and metadata agreement as the scorer does too.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

JACCARD = 0.6
GOLD_RECALL = 0.85
MAX_LENGTH_RATIO = 2
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def norm_text(s: str | None) -> str:
    """Lower case, links reduced to their label, emphasis and curly quotes undone."""
    s = unicodedata.normalize("NFKC", s or "")
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s).replace("**", "").replace("__", "")
    return re.sub(r"\s+", " ", s.translate(_QUOTES)).strip().lower()


def _tokens(s: str) -> set[str]:
    """The set of words and numbers in a sentence."""
    return set(re.findall(r"[a-z0-9]+", norm_text(s)))


def same_sentence(pred: str, gold: str) -> bool:
    """Enough shared words that both name the same sentence."""
    p, g = _tokens(pred), _tokens(gold)
    if not p or not g:
        return False
    shared = len(p & g)
    return shared / len(p | g) >= JACCARD or (
        shared / len(g) >= GOLD_RECALL and len(p) <= MAX_LENGTH_RATIO * len(g))


@dataclass(frozen=True, slots=True)
class Matched:
    """A one-to-one match: (pred, gold) index pairs on required golds, extras, misses."""

    pairs: tuple[tuple[int, int], ...]
    extra: tuple[int, ...]
    missed: tuple[int, ...]


def match(preds: Sequence[str], golds: Sequence[Mapping]) -> Matched:
    """Greedy one-to-one match of predicted texts to gold items ({"text", "optional"?})."""
    pairs: list[tuple[int, int]] = []
    extra: list[int] = []
    used: set[int] = set()
    for i, text in enumerate(preds):
        hit = next((j for j, g in enumerate(golds) if j not in used and same_sentence(text, g["text"])), None)
        if hit is None:
            extra.append(i)
            continue
        used.add(hit)
        if not golds[hit].get("optional"):
            pairs.append((i, hit))
    missed = tuple(j for j, g in enumerate(golds) if j not in used and not g.get("optional"))
    return Matched(tuple(pairs), tuple(extra), missed)


def norm_actor(actor: str | None) -> str | None:
    """An actor as compared: normalised text without a leading 'the' (None stays None)."""
    return re.sub(r"^the ", "", norm_text(actor)).strip(" .") or None if actor else None


def same_actor(actor: str | None, gold: Mapping) -> bool:
    """The actor is the gold item's, or one of its accepted alternatives (the scorer also
    folds a few synonyms, such as 'U.S.' and 'United States', which this does not)."""
    return norm_actor(actor) in {norm_actor(gold.get("actor")), *map(norm_actor, gold.get("actor_alts", []))}


def flat_body(paragraphs: Sequence[str]) -> str:
    """A brief's body as the scorer searches it: paragraphs joined, white space runs one space."""
    return re.sub(r"\s+", " ", "\n".join(paragraphs))


def furniture_leaks(body: str, furniture: Sequence[str]) -> list[str]:
    """The gold's furniture strings that the flat body still holds, verbatim."""
    return [f for f in furniture if f in body]


def body_missing(body: str, must: Sequence[str]) -> list[str]:
    """The gold's must-keep passages the flat body lost (compared raw and normalised)."""
    normed = norm_text(body)
    return [m for m in must if norm_text(m) not in normed and m not in body]


def meta_agreement(title: str | None, authors: Sequence[str], date: str | None,
                   publication: str | None, gold: Mapping) -> int:
    """How many of title, author set, date and publication agree with the gold (0–4).

    A gold without a publication wants none; otherwise any of its spellings counts.
    """
    pubs = [norm_text(p) for p in gold.get("publication") or []]
    return sum((norm_text(title) == norm_text(gold.get("title")),
                {norm_text(a) for a in authors} == {norm_text(a) for a in gold.get("authors") or []},
                date == gold.get("date"),
                norm_text(publication) in pubs if pubs else publication is None))
