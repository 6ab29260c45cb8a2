"""Asides a saved page leaves after the article's first paragraph (invented text): a lone
link, a run of linked headlines with its label, a closing contact line. Each goes, the
prose stays, and with the class's rule switched off the block is kept."""
from __future__ import annotations

import pytest

from generator.reading.asides import headlines, linked_headline
from generator.reading.clean import clean_text
from generator.rules import switched_off

P1 = ("The water board should publish its leak reports every quarter, so that residents can see "
      "which mains fail most often and where the repair money goes.")
P2 = ("Other utilities already do this, and the cost of a public page is small next to the cost "
      "of one burst main under a busy street in the middle of winter.")
HEADLINES = ("## Also on Waterwatch\n\n"
             "- Why [Old Pipes Fail](https://example.org/a) in Cold Snaps\n"
             "- [The Reservoir Nobody Visits](https://example.org/b)\n"
             "- Is [Bottled Water](https://example.org/c) Worth It?")


def test_lone_link_between_paragraphs_goes() -> None:
    text = f"{P1}\n\n[Burst mains cost the city millions](https://example.org/x)\n\n{P2}\n"
    assert clean_text(text) == f"{P1}\n\n{P2}\n"
    with switched_off("lone-link"):
        assert "Burst mains" in clean_text(text)


def test_a_link_a_page_cut_out_of_a_sentence_stays() -> None:
    text = f"{P1}\n\nThe board then took a\n\n[**sudden turn**](https://example.org/x)\n\nand closed the office.\n\n{P2}\n"
    assert "sudden turn" in clean_text(text)


def test_a_lone_link_above_the_article_is_left_to_the_metadata_stage() -> None:
    assert "[Waterwatch](https://example.org/)" in clean_text(f"[Waterwatch](https://example.org/)\n\n{P1}\n\n{P2}\n")


def test_run_of_linked_headlines_goes_with_its_label() -> None:
    text = f"{P1}\n\n{P2}\n\n{HEADLINES}\n"
    assert clean_text(text) == f"{P1}\n\n{P2}\n"
    with switched_off("linked-headline-run"):
        assert "Also on Waterwatch" in clean_text(text) and "Old Pipes" in clean_text(text)


def test_a_list_of_advice_with_links_stays() -> None:
    advice = ("- The board should publish [the leak map](https://example.org/a) every month.\n"
              "- Fund repairs from [the reserve](https://example.org/b), not from fares\n"
              "- Ask [the auditor](https://example.org/c) to check the figures")
    assert "the reserve" in clean_text(f"{P1}\n\n{advice}\n\n{P2}\n")


@pytest.mark.parametrize("item,is_headline", [
    ("[The Reservoir Nobody Visits](https://example.org/b)", True),
    ("Is [Bottled Water](https://example.org/c) Worth It?", True),
    ("[Storm prompts airlines to relax travel policies](https://example.org/d)", True),
    ("Fund repairs from [the reserve](https://example.org/b), not from fares", False),
    ("See [the map](https://example.org/b).", False),
    ("No link here at all", False),
])
def test_linked_headline_shape(item: str, is_headline: bool) -> None:
    assert linked_headline(item) is is_headline


def test_a_list_counts_its_items_only_when_every_item_is_a_headline() -> None:
    assert headlines(HEADLINES.split("\n\n")[1]) == 3
    assert headlines("- [A Headline Here](https://example.org/a)\n- The board should act now.") == 0


@pytest.mark.parametrize("block", [
    "Write to Dana Reyes at [dana@example.org](mailto:dana@example.org)",
    "dana.reyes@example.org",
])
def test_closing_contact_line_goes(block: str) -> None:
    text = f"{P1}\n\n{P2}\n\n{block}\n"
    assert clean_text(text) == f"{P1}\n\n{P2}\n"
    with switched_off("closing-email-line"):
        assert "example.org" in clean_text(text)


def test_a_short_sentence_naming_an_address_stays() -> None:
    sentence = "Residents can write to leaks@example.org today."
    assert sentence in clean_text(f"{P1}\n\n{P2}\n\n{sentence}\n")


def test_a_longer_invitation_with_an_address_stays() -> None:
    invitation = ("Members of the water users' association can join the leak working group; please email "
                  "leaks@example.org for the next meeting's agenda")
    assert invitation in clean_text(f"{P1}\n\n{P2}\n\n{invitation}\n")


def test_a_byline_repeated_inside_the_body_goes() -> None:
    byline = 'By Dana "Dee" Reyes November 19, 2023 7:18 pm'
    text = f"{P1}\n\n{byline}\n\n{P2}\n\n{P2}\n\n{P2}\n\n{P2}\n\n{P2}\n\n{P2}\n"
    assert byline not in clean_text(text)
    with switched_off("stray-byline"):
        assert byline in clean_text(text)


def test_a_sentence_opening_with_by_stays() -> None:
    sentence = "By Christmas Day, shoppers had spent more than in the whole of last year."
    assert sentence in clean_text(f"{P1}\n\n{sentence}\n\n{P2}\n\n{P2}\n\n{P2}\n\n{P2}\n\n{P2}\n\n{P2}\n")


@pytest.mark.parametrize("last", ["See more photos:", "**Loading tide data ...**", "The-Harbour-Wire", "(END)"])
def test_a_last_line_leading_on_to_nothing_goes(last: str) -> None:
    text = f"{P1}\n\n{P2}\n\n{last}\n"
    assert clean_text(text) == f"{P1}\n\n{P2}\n"
    with switched_off("dangling-end"):
        assert last in clean_text(text)


@pytest.mark.parametrize("last", ["Dana Reyes", "What the board should do next:\n\n- Publish the map."])
def test_a_signature_or_a_list_lead_in_stays(last: str) -> None:
    assert last in clean_text(f"{P1}\n\n{P2}\n\n{last}\n")
