"""Footnote markers out of display text; links and ordinary brackets stay."""
from __future__ import annotations

import pytest

from generator.extraction.footnotes import strip_footnote_marks


@pytest.mark.parametrize("text,expected", [
    ("The commission must act now.[^29_14]", "The commission must act now."),
    ("Costs rose by a third. [3]", "Costs rose by a third."),
    ("Two studies agree [4, 5] and a third [6-8] does not.",
     "Two studies agree and a third does not."),
    ("Growth slowed²³ last year.", "Growth slowed last year."),
    ("See the note<sup>7</sup>.", "See the note."),
    ("As reported [2](#fn2), the plan failed.", "As reported, the plan failed."),
])
def test_markers_are_removed(text: str, expected: str) -> None:
    assert strip_footnote_marks(text) == expected


@pytest.mark.parametrize("text", [
    "Read the [full report](https://example.org/report) first.",
    "Cite [1](https://example.org/one) as the source.",
    "RECOMMENDATION 1: The council should meet monthly.",
    "The ratio fell to 3 [in most regions] after the change.",
    "Section (2) of the act applies.",
])
def test_links_numbers_and_brackets_stay(text: str) -> None:
    assert strip_footnote_marks(text) == text
