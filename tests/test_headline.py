"""A brief without a title is shown under words from its lead, never its file name."""
from __future__ import annotations

import pytest

from generator.extraction.headline import MAX_WORDS, fallback_title, humanize_stem, shorten
from generator.model import Brief, Metadata, Sentence
from generator.publishing.views import brief_title


def sentence(text: str, paragraph: int = 1, heading: bool = False) -> Sentence:
    return Sentence(paragraph, 0, text, text, heading=heading)


def test_the_lead_cut_to_headline_length_at_a_word_boundary() -> None:
    lead = ("Amid rising rents, city councils across the region should change zoning rules "
            "that block new homes near stations.")
    title = fallback_title([sentence("Opinion", heading=True), sentence(lead, 2)], "012-x")
    assert title.endswith("…") and len(title.split()) <= MAX_WORDS
    assert lead.startswith(title.rstrip("…"))
    assert title.split()[-1].rstrip("…").lower() not in {"the", "should", "of", "to"}


def test_a_short_lead_is_the_headline_whole() -> None:
    assert fallback_title([sentence("The harbour tunnel opens in May.")], "x") == \
        "The harbour tunnel opens in May"


def test_a_dateline_and_footnote_marks_are_dropped() -> None:
    s = Sentence(1, 0, "LISBON — Ferry crews went on strike on Monday.[^1]",
                 "LISBON — Ferry crews went on strike on Monday.[^1]")
    assert fallback_title([s], "x") == "Ferry crews went on strike on Monday"


@pytest.mark.parametrize("stem,expected", [
    ("003-sbsun-energy-editorial", "Sbsun energy editorial"),
    ("report_on_water_2024", "Report on water"),
    ("000_eee4ee638b1a7a62", None),
])
def test_file_name_made_readable(stem: str, expected: str | None) -> None:
    assert humanize_stem(stem) == expected


def test_file_name_only_without_a_usable_sentence() -> None:
    assert fallback_title([sentence("Notes", heading=True)], "007-harbour-notes") == "Harbour notes"
    assert fallback_title([], "000_eee4ee638b1a7a62") == "Untitled brief"


def test_shorten_never_ends_on_a_function_word() -> None:
    words = "The plan of the board for the city is the plan of the people of the town and the"
    assert shorten(words).split()[-1].rstrip("…") not in {"the", "of", "and", "is"}


def test_pages_prefer_the_stated_title_then_the_headline() -> None:
    titled = Brief("s", "s.txt", Metadata(title="Stated"), (), headline="Stated")
    untitled = Brief("003-x", "003-x.txt", Metadata(), (), headline="Words from the lead")
    bare = Brief("003-x", "003-x.txt", Metadata(), ())
    assert [brief_title(b) for b in (titled, untitled, bare)] == \
        ["Stated", "Words from the lead", "003-x"]
