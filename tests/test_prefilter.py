"""The words a pattern cannot match without (extraction/prefilter.py): invented text."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from generator.extraction.lexicon import lexicon
from generator.extraction.prefilter import (may_hold, may_match, required_words, screened, vocabulary,
                                               words_present)


def test_a_literal_run_a_branch_and_a_repeat_give_their_words():
    assert required_words(re.compile(r"\bmust\b", re.I)) == {"must"}
    assert required_words(re.compile(r"\b(?:urge|call\s+on)\b", re.I)) == {"urge", "call"}
    assert required_words(re.compile(r"(?:very\s+)+(?:wise|prudent)", re.I)) == {"very"}
    assert required_words(re.compile(r"\bIt\s+is\s+wise\b")) == {"wise"}


def test_optional_parts_classes_and_lookarounds_give_none():
    assert required_words(re.compile(r"(?:must)?\w+")) is None
    assert required_words(re.compile(r"(?=must)\w+|should")) is None
    assert required_words(re.compile(r"[A-Z]\w+")) is None


def test_a_sentence_without_the_words_skips_the_pattern():
    pattern = re.compile(r"\bought\s+to\b", re.I)
    assert not may_match(required_words(pattern), screened("The board will meet in May."))
    assert may_match(required_words(pattern), screened("The board OUGHT to meet in May."))


def test_a_letter_that_folds_onto_ascii_runs_every_pattern():
    pattern = re.compile(r"\bmust\b", re.I)
    assert pattern.search("The board muſt meet.")  # "ſ" matches "s" case-blind
    assert may_match(required_words(pattern), screened("The board muſt meet."))
    assert may_hold(required_words(pattern), words_present(frozenset({"must"}), screened("The board muſt meet.")))


PATTERNS = [p for g in (*lexicon().triggers, *lexicon().uncertainty) for p in g.patterns]
VOCABULARY = vocabulary(required_words(p) for p in PATTERNS)
WORDS = sorted({w for p in PATTERNS for w in (required_words(p) or ())}
               | {"the", "board", "we", "it", "is", "to", "a", "for", "Congress", "that", ",", "."})


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), st.sampled_from(["", "s", "ing", "ly"]))
@settings(max_examples=300, deadline=None)
def test_no_lexicon_pattern_is_skipped_where_it_matches(words, ending):
    text = " ".join(words[:-1] + [words[-1] + ending])
    present = words_present(VOCABULARY, screened(text))
    for pattern in PATTERNS:
        assert pattern.search(text) is None or may_match(required_words(pattern), screened(text)), pattern.pattern
        assert may_hold(required_words(pattern), present) == may_match(required_words(pattern), screened(text))


def screened_patterns() -> list[re.Pattern[str]]:
    """The other patterns stages run only on text holding one of their words."""
    from generator.extraction.actors import _MODAL_SUBJECT
    from generator.extraction.recommendations import _MEDIA_LABEL
    from generator.extraction.summary import PAST_TENSE, PRESENT_TENSE
    from generator.extraction.summary_cues import phrase_pattern
    from generator.reading.furniture import vocabulary
    return [_MEDIA_LABEL, lexicon().lead_in, PAST_TENSE, PRESENT_TENSE, phrase_pattern("thesis_cues"),
            vocabulary()["player_in_line"], _MODAL_SUBJECT]


OTHER_WORDS = sorted({w for p in screened_patterns() for w in (required_words(p) or ())}
                     | {"the", "board", "we", "should", "do", "here's", "3:45", "12:05", ":", "\n", "ſ", "."})


@given(st.lists(st.sampled_from(OTHER_WORDS), min_size=1, max_size=14), st.sampled_from(["", "s", ":", " 02:48"]))
@settings(max_examples=300, deadline=None)
def test_no_screened_pattern_is_skipped_where_it_matches(words, ending):
    text = " ".join(words[:-1] + [words[-1] + ending])
    for pattern in screened_patterns():
        assert pattern.search(text) is None or may_match(required_words(pattern), screened(text)), pattern.pattern
