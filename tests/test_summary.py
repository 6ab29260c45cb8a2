"""Summary stage: fixture cases (tests/fixtures/summary.yaml), lengths, the seeds, properties."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extraction.aliases import load_aliases
from generator.build import parse_seed
from generator.model import OpenQuestion, Recommendation, Sentence
from generator.extraction.summary import (DEFINITION, MAIN_ADVICE, MAX_ADVICE, MAX_SENTENCES, MAX_WORDS, WORD_BUDGET,
                                         ONE_ITEM, PAST_TENSE, PRESENT_TENSE, Labels, matches, phrasing_score,
                                         score_sentence, summarize)
from generator.rules import switched_off
from generator.extraction.prefilter import screened
from generator.extraction.summary_cues import phrase_pattern

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "summary.yaml").read_text("utf-8"))


def sentences_of(paragraphs: list, list_items: tuple[int, ...] = ()) -> list[Sentence]:
    """Hand-built sentences: a paragraph is a list of sentences or {heading: text}; the
    paragraphs numbered in `list_items` are bullets."""
    out = []
    for number, para in enumerate(paragraphs, 1):
        heading = isinstance(para, dict)
        for index, text in enumerate([para["heading"]] if heading else para):
            out.append(Sentence(number, index, text, text, heading=heading,
                                list_item=number in list_items))
    return out


def items(sentences: list[Sentence], case: dict) -> tuple[list, list]:
    """The case's advice and questions as the other stages' values."""
    text = {(s.paragraph, s.index): s.text for s in sentences}
    recs = [Recommendation(text[p, i], None, strength, p, i) for p, i, strength in case["advice"]]
    qs = [OpenQuestion(text[p, i], kind, p, i) for p, i, kind in case["questions"]]
    return recs, qs


@pytest.mark.parametrize("case", CASES, ids=[c["title"] for c in CASES])
def test_fixture_case(case: dict) -> None:
    sentences = sentences_of(case["paragraphs"], tuple(case.get("list_items", ())))
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


def advice_article(count: int) -> tuple[list[Sentence], list[Recommendation]]:
    """An invented op-ed: a lead, a claim, then `count` paragraphs of advice."""
    texts = [["The city's buses run late on nine days out of ten this winter."],
             ["But the cause is the timetable, not the drivers or the weather."]]
    texts += [[f"The transit board should fix route {n} by adding a bus at peak hours."]
              for n in range(count)]
    sentences = sentences_of(texts)
    recs = [Recommendation(s.text, "transit board", "should", s.paragraph, 0)
            for s in sentences if "should" in s.text]
    return sentences, recs


def test_the_recommendations_list_is_not_repeated() -> None:
    sentences, recs = advice_article(8)
    summary = summarize(sentences, recs, [])
    assert 3 <= len(summary) <= 5
    assert len({r.text for r in recs} & set(summary)) <= MAX_ADVICE < MAX_SENTENCES
    assert "But the cause is the timetable, not the drivers or the weather." in summary


def test_without_the_main_advice_rule_two_pieces_of_advice_at_most() -> None:
    case = next(c for c in CASES if "advocacy piece" in c["title"])
    sentences = sentences_of(case["paragraphs"])
    recs, qs = items(sentences, case)
    with switched_off(MAIN_ADVICE):
        summary = summarize(sentences, recs, qs)
    assert len({r.text for r in recs} & set(summary)) == 2


def test_an_introduction_of_a_named_body_counts_as_background() -> None:
    introduced = "The Valley Water Board is an elected agency that sets the price of water."
    claimed = "The Valley Water Board sets the price of water too low for a dry valley."
    assert phrasing_score(introduced) < phrasing_score(claimed)
    with switched_off(DEFINITION):
        assert phrasing_score(introduced) >= phrasing_score(claimed)


def test_footnote_markers_are_left_out() -> None:
    paragraphs = [["Flood insurance premiums rose by half in three years.[^12_1] Few owners "
                   "can pay them [4]."],
                  ["The state must cap premiums for homes built before the maps changed.²"],
                  ["Insurers say the cap would drive them out of the market [5, 6]."]]
    sentences = [Sentence(1, 0, "Flood insurance premiums rose by half in three years.[^12_1]",
                          "Flood insurance premiums rose by half in three years."),
                 Sentence(1, 1, "Few owners can pay them [4].", "Few owners can pay them."),
                 Sentence(2, 0, paragraphs[1][0], paragraphs[1][0].rstrip("²")),
                 Sentence(3, 0, paragraphs[2][0], paragraphs[2][0].replace(" [5, 6]", ""))]
    summary = summarize(sentences, [], [])
    assert summary and not any(re.search(r"\[\^|\[\d|²", s) for s in summary), summary


def test_front_matter_summary_is_read_as_the_articles_own() -> None:
    body = sentences_of([["The harbour was dredged in 1990 and again in 2004 at great cost."],
                         ["Ships have grown since, and the channel silts up each spring."],
                         ["Dredging every year costs more than a new channel would."]])
    own = sentences_of([["A new channel would pay for itself within twelve years of opening."]])
    own = [Sentence(0, s.index, s.text, s.plain) for s in own]
    summary = summarize(body, [], [], own)
    assert summary[0] == own[0].text


def test_a_megabyte_article_is_summarised() -> None:
    """Linear centrality: a 1 MB body of advice runs (timing is the benchmark's job)."""
    sentences, recs = advice_article(15000)
    assert sum(len(s.text) for s in sentences) > 1_000_000
    summary = summarize(sentences, recs, [])
    assert 3 <= len(summary) <= 5


def test_a_sentence_both_advice_and_question_counts_once() -> None:
    asked = Sentence(4, 0, "Councillors might ask the mayor: what will the ferry cost?",
                     "Councillors might ask the mayor: what will the ferry cost?")
    both = Labels("could", "explicit", None, 2, 0.5, False)
    question = Labels(None, "explicit", None, 2, 0.5, False)
    assert score_sentence(asked, both, 0.5) == score_sentence(asked, question, 0.5)
    with switched_off(ONE_ITEM):
        assert score_sentence(asked, both, 0.5) > score_sentence(asked, question, 0.5)


def long_sentence_article() -> list[Sentence]:
    """Six paragraphs of one long, different piece of advice each (about 45 words a sentence)."""
    claims = [
        "The port authority should rewrite the ferry timetable this winter, since the one in force was drawn up years ago for boats that no longer sail and for crews that no longer exist anywhere, not even on the reserve list kept at the old pier.",
        "The harbour board must put its fuel contracts out to tender again, because those signed in a hurry during the last crisis now cost twice what the neighbouring ports pay for the same fuel, delivered by the same tankers on the same mornings.",
        "The pilots' office should plan its rosters with software rather than by hand each Sunday, so that a single sick day on the river no longer leaves three ships waiting outside the breakwater until the next tide lifts them over the bar at dawn.",
        "The council should guarantee the first crossing of the day to the islands, whose passengers lose a working day whenever it is cancelled and one family in five of whom has thought of leaving for good, according to the survey its own officers ran.",
        "The port must win back the freight firms that now route their lorries through the northern port, taking with them the fees that once paid for dredging the channel and mending the quay walls that storms have battered every single spring since then.",
        "The harbour should publish its accounts on time and in full, instead of eighteen months late in a format that hides how much of the dredging budget went on consultants who never saw the water, let alone the channel they were paid to study in detail.",
    ]
    return sentences_of([[c] for c in claims])


def test_past_three_sentences_a_summary_keeps_to_its_word_budget() -> None:
    sentences = long_sentence_article()
    recs = [Recommendation(s.text, "port authority", "should", s.paragraph, 0) for s in sentences]
    summary = summarize(sentences, recs, [])
    assert len(summary) >= 3 and sum(len(s.split()) for s in summary) <= MAX_WORDS
    with switched_off(WORD_BUDGET):
        assert sum(len(s.split()) for s in summarize(sentences, recs, [])) > MAX_WORDS


CUE_PIECES = ["It", "is", "was", "WAS", "Had", "crucial", "Crucially", "key", "keys", "in short", "ſ", "İs",
              "the best way", "did", "do", "are", ",", ".", " ", "We urge", "ultimately", "monkey"]


@given(st.lists(st.sampled_from(CUE_PIECES), max_size=20).map(" ".join))
@settings(max_examples=300, deadline=None)
def test_screened_cue_and_tense_matches_are_the_patterns_own(text: str) -> None:
    for pattern in (phrase_pattern("thesis_cues"), PAST_TENSE, PRESENT_TENSE):
        assert matches(pattern, text, screened(text)) == pattern.findall(text)
