"""Metadata stated outside a byline: field lines, signatures, blog sign-offs, wire datelines,
house-editorial titles, bios under the title (invented text). Each rule switched off loses
what it finds."""
from __future__ import annotations

import pytest

from generator.reading.clean import clean_text
from generator.reading.metadata import find_metadata
from generator.rules import switched_off

BODY = ("The county should publish every road contract online, because residents deserve to see "
        "who is paid, for which stretch of asphalt, and how the price compares with the last bid.")
MORE = ("Open books cost little, and the savings from sharper bidding would pay for the web page "
        "many times over within the first year of the change, as other counties have found.")


def read(text: str):
    return find_metadata(clean_text(text))


def test_field_line_gives_date_and_publisher_and_leaves_the_body() -> None:
    text = (f"# Paving Costs\n\n**Report:** AB-22-1234 | **Published:** 2022-05-09 | **Source:** "
            f"[County Audit Office](https://example.org/ab)\n\n{BODY}\n\n{MORE}")
    meta, body = read(text)
    assert (meta.date, meta.publication) == ("2022-05-09", "County Audit Office")
    assert "AB-22-1234" not in body
    with switched_off("field-line"):
        assert read(text)[0].date is None


def test_signature_names_the_author_when_no_byline_does() -> None:
    text = f"# Paving Costs\n\n{BODY}\n\n{MORE}\n\nMarta Quell\nDirector, Roads and Transit Audits"
    meta, body = read(text)
    assert [a.name for a in meta.authors] == ["Marta Quell"] and "Director" not in body
    with switched_off("signature"):
        assert read(text)[0].authors == ()


def test_blog_sign_off_gives_byline_and_date_and_ends_the_post() -> None:
    text = (f"# Paving Costs\n\n{BODY}\n\n{MORE}\n\n{MORE}\n\nPosted on Friday 3 June 2022 at 10:15 "
            "by Lio Farrant.\n\nSend your comments on this post to the author.\n\n`disclaimer();`")
    meta, body = read(text)
    assert [a.name for a in meta.authors] == ["Lio Farrant"] and meta.date == "2022-06-03"
    assert "comments" not in body and "disclaimer" not in body and MORE in body


@pytest.mark.parametrize("lead,publication", [
    ("(WNS) -- ", "WNS"),
    ("PORTVILLE (Coast Wire) - ", "Coast Wire"),
    ("Port Ville (WNS) — ", "WNS"),
    ("", None),
])
def test_wire_dateline_names_the_publisher(lead: str, publication: str | None) -> None:
    meta, _ = read(f"Paving Costs Rise Again\n\n{lead}{BODY}\n\n{MORE}")
    assert meta.publication == publication


def test_house_view_title_names_the_publication() -> None:
    meta, _ = read(f"The Harbour Lantern view on paving: open the books\n\n{BODY}\n\n{MORE}")
    assert meta.publication == "The Harbour Lantern"


@pytest.mark.parametrize("bio", [
    "Editor's note: Ines Varga is director of the Open Roads Project. She was a county engineer.",
    "Ines Varga (@ivarga) is a professor of civil engineering at Lakeside University.",
])
def test_bio_under_the_title_is_the_author_not_the_opening(bio: str) -> None:
    meta, body = read(f"Open the Paving Books\n\n{bio}\n\n{BODY}\n\n{MORE}")
    assert [a.name for a in meta.authors] == ["Ines Varga"] and "Varga" not in body
    with switched_off("author-bio-header"):
        assert "Varga" in read(f"Open the Paving Books\n\n{bio}\n\n{BODY}\n\n{MORE}")[1]


def test_story_about_a_person_keeps_its_opening() -> None:
    lead = "Ines Varga is a bus driver who has crossed the county's worst road twice a day."
    meta, body = read(f"Open the Paving Books\n\n{lead}\n\n{BODY} Varga agrees.\n\n{MORE}")
    assert meta.authors == () and lead in body


def test_front_matter_author_loses_its_role_and_takes_the_text_spelling() -> None:
    from generator.reading.read import split_front_matter
    text = ("---\ntitle: Roads\nauthors:\n  - Jon R. Burdon (roads and bridges)\n  - Ana Pell (transit)\n"
            f"---\n\n## 1: Roads\n\n{BODY}\n\n## 1.1: Jon R. Burton\n\n{MORE}\n")
    rest, pairs = split_front_matter(text, "x.md")
    meta, _ = find_metadata(clean_text(rest), pairs)
    assert [a.name for a in meta.authors] == ["Jon R. Burton", "Ana Pell"]
