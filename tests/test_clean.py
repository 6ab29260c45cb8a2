"""The cleaner: fixture cases, and properties (idempotent, never loses the author's words)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st

from generator.reading import clean
from generator.reading.blocktext import furniture
from generator.reading.clean import STEPS, clean_text, normalize_spaces
from generator.reading.regex_needs import screened_sub
from fixture_cases import read_cases

CASES = read_cases(Path(__file__).parent / "fixtures" / "clean.md")


@pytest.mark.parametrize("title,given_text,expected", CASES, ids=[c[0] for c in CASES])
def test_clean_case(title: str, given_text: str, expected: str) -> None:
    assert clean_text(given_text) == expected + "\n"


@pytest.mark.parametrize("seed", sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")),
                         ids=lambda p: p.stem)
def test_clean_is_idempotent_on_seeds(seed: Path) -> None:
    once = clean_text(seed.read_text(encoding="utf-8"))
    assert clean_text(once) == once


TEXT = st.lists(st.sampled_from(list("ab .,?!\n#*[]()<>:/-❖\u00a0") +
                               ["\n\n", "http://x.y", "Share", "RECOMMENDED", "(<", ">)", "A", "z"]),
                max_size=80).map("".join)


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_clean_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


PROSE = st.lists(st.sampled_from(["The", "United", "States", "should", "act", "now", "because",
                                  "it", "matters", "a", "lot"]), min_size=30, max_size=60)


@given(PROSE)
@settings(max_examples=100, deadline=None)
def test_clean_keeps_every_word_of_prose(words: list[str]) -> None:
    paragraph = " ".join(words) + "."
    assert re.sub(r"\s+", " ", clean_text(paragraph)).strip() == paragraph


def test_angle_bracket_link_becomes_one_plain_link() -> None:
    text = clean_text("It is **[not a fad](<https://example.org/a_(b)>)**; it lasts.\n")
    assert text == "It is **[not a fad](https://example.org/a_%28b%29)**; it lasts.\n"


def test_italic_marks_come_off_bold_and_lists_stay() -> None:
    text = clean_text("Hold *both* sides *and* the public to account, **now**.\n\n* one item\n")
    assert text == "Hold both sides and the public to account, **now**.\n\n* one item\n"


@pytest.mark.parametrize("given,expected", [
    ("Records show that in 2002, the\n\nHarbour Gazette reported the sale.\n",
     "Records show that in 2002, the Harbour Gazette reported the sale.\n"),
    ("Morales rushed off alone to a\n\n[trade fair](https://example.org/fair)in Las Vegas.\n",
     "Morales rushed off alone to a [trade fair](https://example.org/fair) in Las Vegas.\n"),
    ("The board then took a\n\n**sudden turn** toward the port.\n",
     "The board then took a **sudden turn** toward the port.\n"),
])
def test_a_paragraph_a_saved_page_cut_at_a_link_or_a_small_word_is_rejoined(given: str, expected: str) -> None:
    assert clean_text(given) == expected


@pytest.mark.parametrize("given", [
    "The manager expressed concern about\n\n30 Department of State, Assistance Directive (2024).\n",
    "The Harbour Plan\n\nMorales rushed off alone to the fair.\n",
    "## Notes on the\n\nHarbour plan for the winter.\n",
])
def test_notes_titles_and_headings_are_not_joined(given: str) -> None:
    assert clean_text(given).count("\n\n") == 1


INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
ODD_SPACES = "\u00a0\u202f\u2007\u2009\u200a\u3000\t"


@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from(INVISIBLE + ODD_SPACES + "   \n\n\n"))))
@settings(max_examples=300, deadline=None)
def test_normalize_spaces_drops_invisible_characters_and_plains_odd_spaces(text: str) -> None:
    table = {**dict.fromkeys(map(ord, INVISIBLE), None), **dict.fromkeys(map(ord, ODD_SPACES), " ")}
    plain = re.sub(r"[ ]+\n", "\n", re.sub(r" {2,}", " ", text.translate(table)))
    out = normalize_spaces(text)
    assert out == re.sub(r"\n{3,}", "\n\n", plain).strip() + "\n"  # every rewrite, unguarded
    assert not set(out) & set(INVISIBLE + ODD_SPACES)


def every_step_every_pass(text: str) -> str:
    """The cleaner without its reuse of a step's answer: every step on every pass."""
    for _ in range(5):
        before = text
        for step in STEPS:
            text = step(text)
        if text == before:
            break
    return text


@given(TEXT)
@settings(max_examples=300, deadline=None)
@example("Share\n\nA page\nbreak cut this line\n\nin two ❖\n\n\n")
def test_reusing_a_steps_answer_changes_nothing(text: str) -> None:
    assert clean_text(text) == every_step_every_pass(text)


@pytest.mark.parametrize("seed", sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")),
                         ids=lambda p: p.stem)
def test_reusing_a_steps_answer_changes_nothing_on_seeds(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    assert clean_text(text) == every_step_every_pass(text)


def cleaning_patterns() -> list[re.Pattern[str]]:
    """The rewrites the cleaner runs only on text holding what they need."""
    return [clean.ANGLE_LINK, clean.DOUBLED_LINK, clean.BOLD_WITH_URL, clean.BARE_URL_ECHO,
            clean.ESCAPED_PATH_LINK, clean.DEAD_LINK, clean.ITALIC, furniture()["inline"], clean.end_marks()]


LINKY = st.lists(st.sampled_from(["[a](b)", "[a](<b c>)", "(<https://x.y>)", "**", "*", "word", " ", "\n", "\\(/p\\)",
                                  "](#)", "[", "]", "(", ")", "<", ">", "❖", "-30-", "Photo", "Credit: X", "\t"]),
                  max_size=25).map("".join)


@given(LINKY)
@settings(max_examples=300, deadline=None)
def test_screened_rewrites_are_the_patterns_own(text: str) -> None:
    for pattern in cleaning_patterns():
        assert screened_sub(pattern, "", text) == pattern.sub("", text), pattern.pattern
