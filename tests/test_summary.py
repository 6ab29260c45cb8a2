"""Summary stage: fixture cases (tests/fixtures/summary.yaml), lengths, the seeds, properties."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extraction.aliases import load_aliases
from generator.build import parse_seed
from generator.model import OpenQuestion, Recommendation, Sentence
from generator.extraction.summary import summarize

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "summary.yaml").read_text("utf-8"))


def sentences_of(paragraphs: list) -> list[Sentence]:
    """Hand-built sentences: a paragraph is a list of sentences or {heading: text}."""
    out = []
    for number, para in enumerate(paragraphs, 1):
        heading = isinstance(para, dict)
        for index, text in enumerate([para["heading"]] if heading else para):
            out.append(Sentence(number, index, text, text, heading=heading))
    return out


def items(sentences: list[Sentence], case: dict) -> tuple[list, list]:
    """The case's advice and questions as the other stages' values."""
    text = {(s.paragraph, s.index): s.text for s in sentences}
    recs = [Recommendation(text[p, i], None, strength, p, i) for p, i, strength in case["advice"]]
    qs = [OpenQuestion(text[p, i], kind, p, i) for p, i, kind in case["questions"]]
    return recs, qs


@pytest.mark.parametrize("case", CASES, ids=[c["title"] for c in CASES])
def test_fixture_case(case: dict) -> None:
    sentences = sentences_of(case["paragraphs"])
    summary = summarize(sentences, *items(sentences, case))
    assert 3 <= len(summary) <= 5
    assert set(case["keep"]) <= set(summary)
    assert not set(case["drop"]) & set(summary)


def test_near_duplicates_are_not_both_taken() -> None:
    sentences = sentences_of(CASES[0]["paragraphs"])
    summary = summarize(sentences, *items(sentences, CASES[0]))
    assert sum("fund new gauges" in s for s in summary) <= 1


@pytest.mark.parametrize("count,expected", [(0, 0), (1, 1), (2, 2), (3, 3), (12, None)])
def test_length_follows_the_body(count: int, expected: int | None) -> None:
    sentences = [Sentence(i + 1, 0, f"Plain sentence number {i} says a little more here.",
                          f"Plain sentence number {i} says a little more here.")
                 for i in range(count)]
    summary = summarize(sentences, [], [])
    assert len(summary) == expected if expected is not None else 3 <= len(summary) <= 5


@pytest.mark.parametrize("seed", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.stem)
def test_seed_summary(seed: Path) -> None:
    brief = parse_seed(seed, ROOT, load_aliases(None))
    body = " ".join(p.text for p in brief.body if not p.heading)
    assert 3 <= len(brief.summary) <= 5
    positions = [body.index(s) for s in brief.summary]
    assert positions == sorted(positions)
    advice = {r.text for r in brief.recommendations}
    assert len(advice & set(brief.summary)) >= 2
    assert brief.meta.title not in brief.summary


WORDS = st.sampled_from(["the", "board", "should", "must", "fund", "key", "river", "plan",
                         "talks", "water", "is", "essential", "farmers", "dam", "next"])
SENTENCE = st.lists(WORDS, min_size=1, max_size=14).map(lambda w: " ".join(w).capitalize() + ".")


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(st.lists(SENTENCE, min_size=1, max_size=4),
                          st.fixed_dictionaries({"heading": SENTENCE})), max_size=8),
       st.lists(st.booleans(), max_size=30))
def test_summary_is_ordered_subset_of_the_body(paragraphs: list, advised: list) -> None:
    sentences = sentences_of(paragraphs)
    recs = [Recommendation(s.text, None, "should", s.paragraph, s.index)
            for s, flag in zip(sentences, advised) if flag]
    summary = summarize(sentences, recs, [])
    texts = iter(s.text for s in sentences)
    assert len(summary) == min(len(sentences), 3) or 3 <= len(summary) <= 5
    assert all(t in texts for t in summary), "not the body's sentences in their order"
