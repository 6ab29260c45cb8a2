"""Furniture recognised by its class of block (invented text): each class goes, the prose
around it stays, and with the class's rule switched off the block is kept."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from generator.reading.blocktext import _LINK, unlinked
from generator.reading.clean import clean_text
from generator.rules import switched_off

P1 = ("The water board should publish its leak reports every quarter, so that residents can see "
      "which mains fail most often and where the repair money goes.")
P2 = ("Other utilities already do this, and the cost of a public page is small next to the cost "
      "of one burst main under a busy street in the middle of winter.")
P3 = "Nobody at the board has explained why the reports stay private, and the council has not asked."


@pytest.mark.parametrize("name,block", [
    ("widget-label", "Media playback is unsupported on your device Media caption Crews at a burst main"),
    ("widget-label", "Image copyright Harbor Photos Image caption A flooded street in March"),
    ("credit-line", "View all 23 comments"),
    ("labelled-headline", "Watch Desk: Why old pipes fail in cold snaps"),
    ("labelled-headline", "Talk Back: Should water boards answer to voters?"),
    ("read-more-link", "Burst mains cost the city millions every winter | Dana Reyes Read more"),
    ("read-more-link", "The harbour master has already resigned, one day into the inquiry. Continue reading →"),
    ("credit-line", "Tomas Ferrer contributed to this report."),
    ("credit-line", "Additional reporting by Tomas Ferrer and Ana Pell."),
    ("credit-line", "Join us on Facebook/TownViews."),
    ("credit-line", "Submit comments on this post to the author."),
    ("document-number", "WB-24-100321"),
])
def test_block_between_paragraphs_goes(name: str, block: str) -> None:
    text = f"{P1}\n\n{block}\n\n{P2}\n\n{P3}\n"
    assert clean_text(text) == f"{P1}\n\n{P2}\n\n{P3}\n"
    with switched_off(name):
        assert block in clean_text(text)


def test_player_label_and_its_video_title_go() -> None:
    text = f"{P1}\n\nJUST WATCHED\n\nCrews race to fix a burst main\n\nReplay More Videos ...\n\n{P2}\n"
    assert clean_text(text) == f"{P1}\n\n{P2}\n"
    with switched_off("player-label"):
        assert "JUST WATCHED" in clean_text(text)


def test_one_line_video_widget_goes() -> None:
    widget = "UP NEXT Crews race to fix a burst main Replay More Videos ... NOW PLAYING Crews race to fix a burst main 03:15"
    text = f"{P1}\n\n{widget}\n\n{P2}\n"
    assert clean_text(text) == f"{P1}\n\n{P2}\n"
    with switched_off("player-line"):
        assert "Crews race" in clean_text(text)


def test_run_of_link_only_blocks_goes_and_a_link_in_prose_stays() -> None:
    links = "[Pipes at 100](https://example.org/a)\n\n* [Leak map](https://example.org/b)\n* [Board minutes](https://example.org/c)"
    text = f"{P1}\n\n{links}\n\n{P2}\n\nSee [the map](https://example.org/b).\n"
    assert clean_text(text) == f"{P1}\n\n{P2}\n\nSee [the map](https://example.org/b).\n"
    with switched_off("link-list", "linked-headline-run"):  # three short links are both
        assert "Leak map" in clean_text(text)


@pytest.mark.parametrize("block", [
    "Step 2: Publish the leak map",
    "Q: Who pays for the repairs?",
    "What should the board do next?",
    "The Board Should Publish Its Reports",
    "**Federal: Health care and water meters**",
])
def test_subheads_and_questions_stay(block: str) -> None:
    assert block in clean_text(f"{P1}\n\n{block}\n\n{P2}\n")


def test_pull_quote_repeating_a_sentence_goes() -> None:
    quote = "Other utilities already do this, and the cost of a public page is small next to it"
    text = f"{P1}\n\n{quote}\n\n{P3}\n\n{P2}\n"
    assert clean_text(text) == f"{P1}\n\n{P3}\n\n{P2}\n"
    with switched_off("pull-quote"):
        assert quote in clean_text(text)


@pytest.mark.parametrize("name,block", [
    ("closing-notice", "This is a work of the county and is not subject to copyright protection."),
    ("closing-notice", "Some of the links on Waterwatch are affiliate links, and we may earn a small commission."),
    ("closing-notice", "This story has been updated with additional developments."),
    ("closing-notice", "Waterwatch is a service mark of Dana Reyes."),
    ("closing-notice", "The opinions here are mine; please do not assume they represent my employer."),
    ("contact-notice", "If you have any questions about this report, please contact Dana Reyes at "
                       "reyes@example.org. Staff who made key contributions are listed in the appendix."),
])
def test_closing_boilerplate_goes(name: str, block: str) -> None:
    text = f"{P1}\n\n{P2}\n\n{P3}\n\n{block}\n"
    assert clean_text(text) == f"{P1}\n\n{P2}\n\n{P3}\n"
    with switched_off(name):
        assert block in clean_text(text)


@pytest.mark.parametrize("last", [
    "Nobody should use a resident's meter data without permission, and the board must say so.",
    "If readers have questions about their bills, they should contact the board and ask.",
    "Reporting by local papers showed that the board hid its leak figures for years.",
])
def test_closing_paragraphs_that_only_sound_like_notices_stay(last: str) -> None:
    assert last in clean_text(f"{P1}\n\n{P2}\n\n{last}\n")


def test_copyright_notice_in_the_body_of_a_long_text_stays() -> None:
    body = "\n\n".join([P1, "Copyright law may be reproduced in any textbook without permission.",
                        *[P2] * 8])
    assert "Copyright law" in clean_text(body)


def test_contents_run_goes_and_a_lone_numbered_subhead_stays() -> None:
    contents = ("Findings About Leak Reports\nAcross Three Districts 4\n\nRecommendations for the "
                "Board 12\n\nAppendix I Scope and Methodology 15")
    assert clean_text(f"{P1}\n\n{contents}\n\n{P2}\n") == f"{P1}\n\n{P2}\n"
    with switched_off("contents-lines"):
        assert "Appendix I" in clean_text(f"{P1}\n\n{contents}\n\n{P2}\n")
    assert "Reform Section 230" in clean_text(f"{P1}\n\nReform Section 230\n\n{P2}\n")


def test_figure_title_closing_a_paragraph_goes_and_dates_stay() -> None:
    text = f"{P1}\nWater Main Breaks by District, Fiscal Years 2015-\n2024\n\n{P2}\n"
    assert clean_text(text) == f"{P1}\n\n{P2}\n"
    with switched_off("figure-title"):
        assert "Fiscal Years" in clean_text(text)
    assert "Jane Roe | March 3, 2021" in clean_text(f"Jane Roe | March 3, 2021\n\n{P1}\n")


@given(st.lists(st.sampled_from(list("[]()!ab \n") + ["](", "](x)", "![i](j)", "[l](t u)"]), max_size=30).map("".join))
@settings(max_examples=300, deadline=None)
def test_a_line_without_a_link_comes_back_as_it_is(line: str) -> None:
    assert unlinked(line) == _LINK.sub(r"\1", line)
