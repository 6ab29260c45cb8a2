"""Sentence splitting: links and footnotes never cut a sentence; inline lists are items."""
from __future__ import annotations

import pysbd
import pytest
from hypothesis import example, given, settings, strategies as st

from generator.model import Paragraph
from generator.reading.segmenter import _QuickAbbreviations, segmenter, sentence_spans
from generator.reading.sentences import (MAX_SENTENCE, _rejoin, _segment, plain_text, split_paragraph,
                                         split_sentences)

CASES = [
    # (paragraph text, expected sentence texts)
    ("Read [the U.S. plan](https://example.org/a.b.c) here. Then act.",
     ["Read [the U.S. plan](https://example.org/a.b.c) here.", "Then act."]),
    ("See [the report](https://x.org/r.pdf) (<https://x.org/r.pdf>) for data. It is long.",
     ["See [the report](https://x.org/r.pdf) (<https://x.org/r.pdf>) for data.", "It is long."]),
    ("Visit www.example.org for the data. It is free.",
     ["Visit www.example.org for the data.", "It is free."]),
    ("The law dates from 1971.[^3] It was amended in 1974.",
     ["The law dates from 1971.[^3]", "It was amended in 1974."]),
    ("The court ruled in 2019.[12] The agency appealed.",
     ["The court ruled in 2019.[12]", "The agency appealed."]),
    ("The rule, upheld in 2019,³ binds every agency. It is old.",
     ["The rule, upheld in 2019,³ binds every agency.", "It is old."]),
    ("The rule applies to all,[^4] and it binds every agency.",
     ["The rule applies to all,[^4] and it binds every agency."]),
    ('**The board should oppose the "Fair Votes Act,"**[^9] **to keep six seats.** It works.',
     ['**The board should oppose the "Fair Votes Act,"**[^9] **to keep six seats.**', "It works."]),
    ("The goals should be to: i. Fund schools. ii. Hire nurses. iii. Fix roads.",
     ["The goals should be to: i. Fund schools.", "ii. Hire nurses.", "iii. Fix roads."]),
    ("Priorities: a. Cut fees. b. Raise caps. c. Publish data.",
     ["Priorities: a. Cut fees.", "b. Raise caps.", "c. Publish data."]),
    ("Recommendation 1: Fund the clinics. Recommendation 2: Train the staff before May.",
     ["Recommendation 1: Fund the clinics.", "Recommendation 2: Train the staff before May."]),
    ("Officials met in Washington, D.C. on Monday. No deal was reached.",
     ["Officials met in Washington, D.C. on Monday.", "No deal was reached."]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_split(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences([Paragraph(1, text)])] == expected


def test_fields() -> None:
    paras = [Paragraph(1, "Energy Policy", heading=True),
             Paragraph(2, "Cut fees. Raise caps.", list_item=True),
             Paragraph(3, "Visit [the site](https://x.org). Then leave.")]
    got = [(s.paragraph, s.index, s.plain, s.heading, s.list_item) for s in split_sentences(paras)]
    assert got == [(1, 0, "Energy Policy", True, False), (2, 0, "Cut fees.", False, True),
                   (2, 1, "Raise caps.", False, True), (3, 0, "Visit the site.", False, False),
                   (3, 1, "Then leave.", False, False)]


def test_inline_items_are_list_items() -> None:
    sents = split_sentences([Paragraph(1, "We should: i. Fund schools. ii. Hire nurses.")])
    assert [s.list_item for s in sents] == [False, True]


def test_plain_text_maps_back_to_the_markdown() -> None:
    text = "A [b](https://c.d) **e** f[^1]."
    plain, where = plain_text(text)
    assert plain == "A b e f."
    assert "".join(text[i] for i in where) == plain


@given(st.lists(st.text(alphabet="abc XYZ.,?![]()*:-^1\n", max_size=60), min_size=1, max_size=4))
@example(["1?]()"])  # a piece made only of a link's brackets once came out empty
def test_sentences_are_ordered_pieces_of_their_paragraph(texts: list[str]) -> None:
    paras = [Paragraph(i + 1, t) for i, t in enumerate(texts)]
    cursor: dict[int, int] = {}
    for s in split_sentences(paras):
        source = paras[s.paragraph - 1].text
        at = source.find(s.text, cursor.get(s.paragraph, 0))
        assert s.text and s.plain and at >= 0
        cursor[s.paragraph] = at + len(s.text)


@pytest.mark.parametrize("plain,cuts,expected", [
    ("The nominee to fill the seat", [(0, 12), (12, 28)], [(0, 28)]),
    ("It ended. iPhone sales fell.", [(0, 10), (10, 28)], [(0, 10), (10, 28)]),
    ("Why? because.", [(0, 5), (5, 13)], [(0, 5), (5, 13)]),
])
def test_pieces_cut_without_a_full_stop_are_rejoined(plain, cuts, expected) -> None:
    got = _rejoin(plain, [(a, b, False) for a, b in cuts])
    assert [(a, b) for a, b, _ in got] == expected


@given(st.lists(st.sampled_from(["Act", "now", "a", "aa", ".", "!", "?", " ", "  ", "\n", "Dr.", "U.S.", "(i)"]),
                max_size=30).map("".join))
@example("Same. Same. Same.")
def test_sentence_spans_agree_with_pysbd_locator(text: str) -> None:
    """The string-search locator finds the very spans pysbd's regex locator finds,
    repeated sentences and trailing whitespace included."""
    reference = pysbd.Segmenter(language="en", clean=False, char_span=True)
    sentences = reference.processor(text).process()
    reference.original_text = text
    expected = reference.sentences_with_char_spans(sentences)
    got = sentence_spans(text, sentences)
    assert [(s.sent, s.start, s.end) for s in got] == [(s.sent, s.start, s.end) for s in expected]


@given(st.lists(st.sampled_from(["Al.", "al", "national.", "St. Louis", "Gen.", "No. 5", "p.", "U.S.", "e.g.",
                                 "ſt.", "İnc.", "Fig.", " ", "\n", "\t", "Vol.", "a.m.", "pp. 4", "Mr. Ng", "ing."]),
                max_size=25).map(" ".join))
@example("We met Gen. Ng in St. Louis on p. 5 of Vol. 2.")
def test_quick_abbreviation_pass_gives_pysbds_text(text: str) -> None:
    """Skipping abbreviations that no word starts with before a full stop changes nothing."""
    lang = pysbd.Segmenter(language="en").language_module
    expected = lang.AbbreviationReplacer(text, lang).search_for_abbreviations_in_string(text)
    assert _QuickAbbreviations(text, lang).search_for_abbreviations_in_string(text) == expected


def test_a_run_on_without_sentence_ends_is_cut_at_clause_breaks_and_loses_nothing() -> None:
    words = [f"ferry{i}" + ("," if i % 7 == 6 else "") for i in range(1200)]
    text = " ".join(words)
    pieces = split_paragraph(Paragraph(1, text))
    assert len(pieces) > 1
    assert all(len(s.plain) <= MAX_SENTENCE for s in pieces)
    assert " ".join(s.plain for s in pieces).split() == text.split()
    assert all(s.plain.endswith(",") for s in pieces[:-1])  # cut after a clause break


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcXYZ019 ,;:'’-–—*_[]($%&/")), min_size=1, max_size=60),
       st.sampled_from(["", ".", "?", "!", " ", ".”", "?)", "  "]))
def test_one_sentence_found_without_pysbd_is_what_pysbd_finds(body: str, end: str) -> None:
    text = body + end
    assert _segment(text) == [(p.start, p.end) for p in segmenter().segment(text)]
