"""Per-item work that does not grow with the sentence or article around the item (the 1 MB
shapes of bench/shapes.py): each bound or shortcut gives what the plain definition gives,
and the work per item stays flat as the text before it grows. Invented text; no timings."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from generator.extraction import actor_context, actor_phrases, advice_layout, attribution
from generator.extraction.actor_phrases import last_break_end, subject_before
from generator.extraction.attribution import _CLAUSE_START, _COORDINATED, _reporting_clause, reported
from generator.extraction.aliases import load_aliases
from generator.extraction.backscan import matches_before
from generator.extraction.lexicon import _any_word
from generator.extraction.prefilter import may_match_within, required_words, screened
from generator.extraction.recommendations import find_recommendations
from generator.model import Paragraph
from generator.reading import metadata, signoffs
from generator.reading.sentences import split_sentences

CLAUSE_WORDS = ["but", "that", "and", "the", "board", "said", "rebut", "butter", "should", "act",
                ",", ";", "-", "--", "—", "(", "we", "believe", "because", "or"]


def whole_prefix_clause(plain: str, end: int) -> str:
    """The clause as reading the whole prefix gives it: the definition the window keeps."""
    pieces = _CLAUSE_START.split(plain[:end])
    first = len(pieces) - 1
    while first > 0 and _COORDINATED.match(pieces[first]):
        first -= 1
    return " ".join(pieces[first:])


@given(st.lists(st.sampled_from(CLAUSE_WORDS), max_size=120), st.sampled_from(["", " ", "-"]),
       st.integers(min_value=0, max_value=2000))
@settings(max_examples=300, deadline=None)
def test_the_clause_read_from_a_window_is_the_one_the_whole_prefix_gives(words, joiner, cut):
    plain = " ".join(w + joiner for w in words)
    end = min(cut, len(plain))
    assert _reporting_clause(plain, end) == whole_prefix_clause(plain, end)


class _Counting:
    """A clause-break pattern that counts the characters each scan is given."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.read = pattern, 0

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**62):
        self.read += min(endpos, len(text)) - pos
        return self.pattern.finditer(text, pos, endpos)


def test_a_trigger_reads_its_clause_not_every_clause_before_it(monkeypatch):
    counting = _Counting(_CLAUSE_START)
    monkeypatch.setattr(attribution, "_CLAUSE_START", counting)
    read = []
    for n in (20, 40, 80):
        before = " ".join(f"the board met on day {k}," for k in range(n))
        plain = before + " and analysts believe the council should act"
        counting.read = 0
        assert reported(plain, plain.index("should"))
        read.append(counting.read)
    assert read[0] == read[1] == read[2]


def test_a_clause_that_reaches_back_far_is_still_read_whole():
    plain = "Analysts believe " + "that the port and " * 40 + "that the council should act"
    assert reported(plain, plain.index("should"))
    assert _reporting_clause(plain, plain.index("should")).startswith("Analysts believe")


@given(st.lists(st.sampled_from(["whether", "which", "the", "a", "know", "how", "board", "Ms.", "ſ"]),
                max_size=30), st.data())
@settings(max_examples=200, deadline=None)
def test_a_window_without_the_words_cannot_match_in_it(words, data):
    text = " ".join(words)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for pattern in (re.compile(r"\bwhether\b[^,;:]*$", re.I), re.compile(r"\b(?:which|how)\s+$", re.I)):
        if pattern.search(text, start, end):
            assert may_match_within(required_words(pattern), screened(text), start, end)


@given(st.lists(st.sampled_from(["said", "SAYS", "say", "pointed", "out", "sailed", "argued", "a",
                                 "ſaid", "-ish", "noted", "Notes", "x"]), max_size=20))
@settings(max_examples=200, deadline=None)
def test_phrases_grouped_by_first_letter_match_as_one_flat_alternation(words):
    phrases = ["said", "says", "say", "pointed out", "argued", "argues", "notes", "noted", "-ish"]
    alts = sorted((re.escape(p).replace(r"\ ", r"\s+") for p in phrases), key=len, reverse=True)
    flat = re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.I)
    text = " ".join(words)
    assert [m.span() for m in _any_word(phrases).finditer(text)] == [m.span() for m in flat.finditer(text)]


BREAK_WORDS = ["the", "board", "which", "whom", "as", "so", "-", "--", "—", ",", "(", ")", "x_y", "ſo",
               "élan", "also", "Then", "if"]


@given(st.lists(st.sampled_from(BREAK_WORDS), max_size=150), st.sampled_from(["", " ", "-", "  "]))
@settings(max_examples=300, deadline=None)
def test_the_last_clause_break_read_backwards_is_the_one_a_whole_scan_finds(words, joiner):
    before = joiner.join(words)
    found = list(actor_phrases._CLAUSE_BREAK.finditer(before))
    assert last_break_end(before) == (found[-1].end() if found else 0)




def test_a_subject_costs_its_clause_not_the_clauses_before_it(monkeypatch):
    counting = _Counting(actor_phrases._CLAUSE_BREAK)
    monkeypatch.setattr(actor_phrases, "_CLAUSE_BREAK", counting)
    read = []
    for n in (2, 4, 8):
        plain = " ".join(f"On day {k}, the board met" for k in range(n)) + ", but the council should act"
        counting.read = 0
        assert subject_before(plain, plain.index("should"))[0] == "the council"
        read.append(counting.read)
    assert read[0] == read[1] == read[2]


def test_each_sentence_is_read_once_for_the_names_an_item_looks_back_for():
    aliases = load_aliases(None)
    reads = []
    for n in (20, 40):
        text = " ".join(f"The agency should review case {k}." for k in range(n))
        actor_context._names_holding.cache_clear()
        recs = find_recommendations(split_sentences([Paragraph(1, text)]), aliases)
        assert len(recs) == n
        reads.append(actor_context._names_holding.cache_info().misses)
    assert reads[1] - reads[0] <= 20  # one more read per sentence, not one per sentence looked back over


@given(st.lists(st.sampled_from(BREAK_WORDS + CLAUSE_WORDS), max_size=150), st.sampled_from(["", " ", "-"]),
       st.integers(min_value=0, max_value=3000))
@settings(max_examples=300, deadline=None)
def test_matches_read_back_are_those_a_scan_from_the_start_finds(words, joiner, cut):
    text = joiner.join(words)
    end = min(cut, len(text))
    for pattern in (_CLAUSE_START, actor_phrases._CLAUSE_BREAK):
        assert [m.span() for m in matches_before(pattern, text, end)] == \
            [m.span() for m in reversed(list(pattern.finditer(text, 0, end)))]


class _Calls:
    """A stand-in that counts its calls and hands them on to the real function."""

    def __init__(self, real) -> None:
        self.real, self.count = real, 0

    def __call__(self, *args):
        self.count += 1
        return self.real(*args)


def test_a_page_long_block_is_not_read_line_by_line_as_a_signature_or_a_names_box(monkeypatch):
    block = "We recommend:\n" + "\n".join(f"- Fund the clinics in district {k}." for k in range(400))
    folding = _Calls(signoffs.folded)
    monkeypatch.setattr(signoffs, "folded", folding)
    assert signoffs.signature(block) == []
    assert folding.count == 0
    naming = _Calls(metadata.name_list)
    monkeypatch.setattr(metadata, "name_list", naming)
    assert metadata.read_names(block, metadata.Reading(), False) is None
    assert naming.count <= 2


def test_a_lists_lead_in_is_asked_once_whether_it_reports(monkeypatch):
    asked = _Calls(advice_layout.reported)
    monkeypatch.setattr(advice_layout, "reported", asked)
    advice_layout._reporting_lead.cache_clear()
    paragraphs = [Paragraph(1, "The inquiry will recommend:"),
                  *(Paragraph(k, f"Landlords should register flat {k}.", list_item=True) for k in range(2, 52))]
    assert find_recommendations(split_sentences(paragraphs), load_aliases(None)) == ()
    assert asked.count <= 2
