"""Id matching on a brief of thousands of items: exact by lookup, fuzzy among a bounded set
of candidates, and still the right pairs (times are the benchmark's business, not this)."""
from __future__ import annotations

from generator.identity import anchors
from generator.identity.anchors import Anchor, anchor, match_anchors

WORDS = ("harbour ferry grain canal bridge council ministry budget audit levy port tariff "
         "pilot crew winter flood barrier school clinic depot").split()


def sentence(n: int) -> str:
    """A distinct invented sentence for each n (its words spell n in base 20)."""
    digits = [WORDS[(n // 20 ** k) % 20] for k in range(4)]
    return f"The {' '.join(digits)} office should publish its {WORDS[n % 7]} plan by {1900 + n}."


def anchors_of(texts: list[str]) -> list[Anchor]:
    return [anchor("recommendation", t, texts[i - 1] if i else "", texts[i + 1] if i + 1 < len(texts) else "", i)
            for i, t in enumerate(texts)]


def test_thousands_of_unchanged_items_keep_their_records() -> None:
    texts = [sentence(n) for n in range(3000)]
    assert match_anchors(anchors_of(texts), anchors_of(texts)) == {i: i for i in range(3000)}


def test_edited_items_among_thousands_find_their_own_record() -> None:
    texts = [sentence(n) for n in range(3000)]
    edited = [t.replace("publish", "publsh") if i % 10 == 0 else t for i, t in enumerate(texts)]
    new, old = anchors_of(edited), anchors_of(texts)
    edits = sum(a != b for a, b in zip(edited, texts))
    assert edits * edits > anchors.ALL_PAIRS  # the bounded path, not all pairs
    assert match_anchors(new, old) == {i: i for i in range(3000)}


def test_a_sentence_repeated_hundreds_of_times_pairs_by_place() -> None:
    texts = [f"Councils must act now, part {n % 3}." for n in range(600)]
    pairs = match_anchors(anchors_of(texts), anchors_of(texts))
    assert pairs == {i: i for i in range(600)}
