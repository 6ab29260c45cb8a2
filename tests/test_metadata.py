"""The metadata stage: header and trailer lines become fields and leave the body."""
from __future__ import annotations

import pytest

from generator.reading.clean import clean_text
from generator.reading.dates import find_date, parse_date
from generator.reading.metadata import find_metadata

BODY = ("The government should fund the program for another decade, because the alternative "
        "is a slow collapse of the services that rural towns depend on every single day.")


@pytest.mark.parametrize("text,field,expected", [
    (f"# Saving Rural Hospitals\n\nby Jane Roe and John Doe\n\nMar 3, 2021\n\n{BODY}", "title", "Saving Rural Hospitals"),
    (f"# Saving Rural Hospitals\n\nby Jane Roe and John Doe\n\nMar 3, 2021\n\n{BODY}", "date", "2021-03-03"),
    (f"Saving Rural Hospitals\n\n{BODY}\n\nOriginally published in The Daily Ledger", "publication", "The Daily Ledger"),
    (f"Saving Rural Hospitals\n\n{BODY}\n\nThis article first appeared in Policy Review.", "publication", "Policy Review"),
    (f"{BODY}", "title", None),
    (f"Policy Analysis\n\n# Saving Rural Hospitals\n\n{BODY}", "kind", "Policy Analysis"),
    (f"news Saving Rural Hospitals By feeds.example.org Published On :: Tue, 02 Feb 2021 09:00:00 -0500 {BODY}",
     "title", "Saving Rural Hospitals"),
    (f"news Saving Rural Hospitals By feeds.example.org Published On :: Tue, 02 Feb 2021 09:00:00 -0500 {BODY}",
     "date", "2021-02-02"),
    (f"Saving Rural Hospitals\n\nSaving Rural Hospitals JANE ROE May 2020 {BODY}", "date", "2020-05"),
])
def test_field(text: str, field: str, expected: object) -> None:
    meta, _ = find_metadata(clean_text(text))
    assert getattr(meta, field) == expected


COPIED_HEADER = f"OPINION\nPublished 14 February 2022\n\nSaving Rural Hospitals\nWritten by Amara Okafor, Policy Analyst\n\n{BODY}"


@pytest.mark.parametrize("field,expected", [("title", "Saving Rural Hospitals"), ("date", "2022-02-14"),
                                            ("kind", "Opinion")])
def test_a_header_copied_as_lines_is_read_line_by_line(field: str, expected: str) -> None:
    meta, body = find_metadata(clean_text(COPIED_HEADER))
    assert getattr(meta, field) == expected
    assert [a.name for a in meta.authors] == ["Amara Okafor"] and body.strip() == BODY


def test_a_kind_label_beside_a_reading_time_is_no_title() -> None:
    meta, _ = find_metadata(clean_text(f"Commentary | 5 min read\n\nSaving Rural Hospitals\n\nBy Jane Roe\n\n{BODY}"))
    assert (meta.title, meta.kind) == ("Saving Rural Hospitals", "Commentary")


@pytest.mark.parametrize("shouted,name", [("LEE WONG", "Lee Wong"), ("ANNA O'NEIL III", "Anna O'Neil III"),
                                          ("J. R. SMITH", "J. R. Smith"), ("XI JINPING", "Xi Jinping"),
                                          ("Lee Wong", "Lee Wong")])
def test_a_shouted_byline_name_is_written_as_a_name(shouted: str, name: str) -> None:
    meta, _ = find_metadata(clean_text(f"# Saving Rural Hospitals\n\nBy {shouted}\n\n{BODY}"))
    assert [a.name for a in meta.authors] == [name]


def test_a_byline_gives_its_date_after_a_bar() -> None:
    meta, _ = find_metadata(clean_text(f"# Saving Rural Hospitals\n\nBy Jane Roe and John Doe | March 3, 2024\n\n{BODY}"))
    assert ([a.name for a in meta.authors], meta.date) == (["Jane Roe", "John Doe"], "2024-03-03")


def test_byline_names_every_author() -> None:
    meta, body = find_metadata(clean_text(f"# A Title Here\n\nBy Jane Roe, John Doe and Ann Lee\n\n{BODY}"))
    assert [a.name for a in meta.authors] == ["Jane Roe", "John Doe", "Ann Lee"]
    assert body.strip() == BODY


def test_bio_at_the_end_names_the_author_and_leaves_the_body() -> None:
    bio = "Jane Roe is a senior fellow at the Institute for Rural Policy."
    meta, body = find_metadata(clean_text(f"A Title Here\n\n{BODY}\n\n{bio}"))
    assert meta.authors[0].name == "Jane Roe" and meta.authors[0].bio == bio
    assert bio not in body


def test_author_section_gives_bios_and_leaves_the_body() -> None:
    bio = "Jane Roe is a researcher and a journalist who covers rural health."
    text = f"# A Title Here\n\nby Jane Roe\n\n## About the Author\n\nJane Roe\n\n{bio}\n\nBrief Analysis\n\n{BODY}"
    meta, body = find_metadata(clean_text(text))
    assert [(a.name, a.bio) for a in meta.authors] == [("Jane Roe", bio)]
    assert meta.kind == "Brief Analysis" and body.strip() == BODY


def test_front_matter_wins() -> None:
    meta, _ = find_metadata(clean_text(f"# Chapter 9: Hospitals\n\n{BODY}"),
                            (("title", "Hospitals"), ("author", "Ann Lee"), ("date", "2020-01-02")))
    assert (meta.title, meta.authors[0].name, meta.date) == ("Hospitals", "Ann Lee", "2020-01-02")


def test_a_cover_run_into_the_text_gives_author_and_repairs_the_drop_cap() -> None:
    text = "Saving Rural Hospitals\n\nSaving Rural Hospitals JANE ROE May 2020 hen the government W decides " + BODY
    meta, body = find_metadata(clean_text(text))
    assert [a.name for a in meta.authors] == ["Jane Roe"]
    assert body.startswith("When the government decides")


@pytest.mark.parametrize("text,iso", [
    ("Jul 1, 2020", "2020-07-01"), ("1 July 2020", "2020-07-01"), ("June 2021", "2021-06"),
    ("2020-07-01", "2020-07-01"), ("Published: March 3rd, 2019", "2019-03-03"),
    ("Mon, 11 Jul 2016 17:01:00 -0400", "2016-07-11"), ("2021", None), ("Not a date", None),
    ("February 30, 2020", None), ("Posted on 2021-03-03", "2021-03-03"),
    ("Updated: March 3, 2021 at 5:12 p.m.", "2021-03-03"), ("Aug. 15, 2022, 9:30 a.m. PT", "2022-08-15"),
    ("2019-10-15T09:11:00Z", "2019-10-15"), ("the 15th of October 2019", "2019-10-15"),
    ("2019/10/15", "2019-10-15"), ("15.10.2019", "2019-10-15"), ("31.02.2020", None),
    ("Posted on Tuesday 15 October 2019 at 09:11", "2019-10-15"),
])
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_find_date_takes_the_first() -> None:
    assert find_date("Posted Jan 5, 2019, updated Feb 6, 2020") == "2019-01-05"


@pytest.mark.parametrize("text,title", [
    (f"Saving Rural Hospitals\n\n# Introduction\n\n{BODY}", "Saving Rural Hospitals"),
    (f"Harbor Institute\n\nMenu\n\nCommentary\n\nSaving Rural Hospitals\n\nJane Roe | March 3, 2021\n\n{BODY}",
     "Saving Rural Hospitals"),
    (f"# [Harbor Review](https://harbor.example.com/)\n\n## Saving Rural Hospitals\n\nBy Jane Roe\n\n{BODY}",
     "Saving Rural Hospitals"),
    (f"Opinion | Saving Rural Hospitals\n\nBy Jane Roe\n\n{BODY}", "Saving Rural Hospitals"),
    (f"Energy & Climate\n\nSaving Rural Hospitals\n\nBy Jane Roe\n\n{BODY}", "Saving Rural Hospitals"),
])
def test_title_passes_over_site_names_and_section_headings(text: str, title: str) -> None:
    meta, body = find_metadata(clean_text(text))
    assert meta.title == title and body.strip().endswith(BODY) and title not in body


@pytest.mark.parametrize("header,names", [
    ("By Jane Roe\nSenior Fellow, Health Program", ["Jane Roe"]),
    ("Jane Roe\nJohn Q. Doe", ["Jane Roe", "John Q. Doe"]),
    ("Jane Roe\nSenior Fellow\n\nJohn Doe\nResearch Associate", ["Jane Roe", "John Doe"]),
    ("By Dr. Jane Roe, Ph.D., and John Doe Jr.", ["Jane Roe", "John Doe Jr."]),
    ("Jane Roe | March 3, 2021", ["Jane Roe"]),
    ("Posted on March 3, 2021 by Jane Roe", ["Jane Roe"]),
    ("By the Editorial Board", []),
])
def test_header_names(header: str, names: list[str]) -> None:
    meta, body = find_metadata(clean_text(f"Health Policy Program\n\n# Saving Rural Hospitals\n\n{header}\n\n{BODY}"))
    assert [a.name for a in meta.authors] == names and body.strip() == BODY


@pytest.mark.parametrize("last,publication,kept", [
    ("© 2021 The Harbor Council. All rights reserved.", "The Harbor Council", False),
    ("Copyright 2020 Westbrook Institute", "Westbrook Institute", False),
    ("Copyright law has not kept pace with the cloud, and Congress should act.", None, True),
])
def test_copyright_line_names_the_site(last: str, publication: str | None, kept: bool) -> None:
    meta, body = find_metadata(clean_text(f"# Saving Rural Hospitals\n\n{BODY}\n\n{last}"))
    assert meta.publication == publication and (last in body) == kept


def test_short_first_paragraph_with_a_footnote_mark_is_body() -> None:
    lead = "Rural hospitals closed at a record pace in 2019.[1]"
    meta, body = find_metadata(clean_text(f"# Saving Rural Hospitals\n\nBy Jane Roe\n\n{lead}\n\n{BODY}"))
    assert body.startswith(lead)


def test_a_memo_address_block_opens_the_body() -> None:
    memo = "To: The Governor\nFrom: Office of Policy"
    meta, body = find_metadata(clean_text(f"Memo: Saving Rural Hospitals\n\n{memo}\n\n{BODY}"))
    assert meta.authors == () and body.startswith(memo)


def test_seed_headings_stay_headings_in_the_body() -> None:
    from generator.reading.paragraphs import split_paragraphs
    text = (f"# Saving Rural Hospitals\n\nBy Jane Roe\n\n{BODY}\n\n## What Congress Can Do\n\n{BODY}\n\n"
            f"Why It Matters\n--------------\n\n{BODY}\n")
    _, body = find_metadata(clean_text(text))
    headings = [p.text for p in split_paragraphs(body) if p.heading]
    assert headings == ["What Congress Can Do", "Why It Matters"]


def test_weekday_sentence_at_the_end_is_no_author_bio() -> None:
    from generator.rules import switched_off
    closing = ("On Friday, the harbor commission will publish its findings, and the ferry "
               "operators expect the fare question to return soon.")
    text = f"Saving Rural Hospitals\n\n{BODY}\n\n{closing}\n"
    meta, _ = find_metadata(clean_text(text))
    assert meta.authors == ()
    with switched_off("weekday-not-name"):
        assert find_metadata(clean_text(text))[0].authors != ()


def test_syndicate_copyright_is_no_publication() -> None:
    from generator.rules import switched_off
    text = f"Saving Rural Hospitals\n\n{BODY}\n\n(c) 2019 NORTHWIND FEATURES SYNDICATE, INC.\n"
    meta, body = find_metadata(clean_text(text))
    assert meta.publication is None and "NORTHWIND" not in body
    with switched_off("syndicate-not-publication"):
        assert find_metadata(clean_text(text))[0].publication


def test_image_counter_lines_are_not_part_of_the_title() -> None:
    text = f"Saving Rural Hospitals\n\nnext Image 1 of 3\n\nprev Image 3 of 3\n\n{BODY}\n"
    meta, body = find_metadata(clean_text(text))
    assert meta.title == "Saving Rural Hospitals" and "Image" not in body


def test_name_line_whose_surname_labels_the_highlights_is_the_author() -> None:
    from generator.rules import switched_off
    second = ("The ferry fares rose twice last year while the service hours fell, and riders "
              "noticed that the board never explained either change to them.")
    text = (f"Saving Rural Hospitals\n\nHighlights Mara Quill: Rural clinics need steady funding\n\n"
            f"Quill: The state should stop one-year grants\n\n{BODY}\n\nMara Quill\n\n{second}\n")
    meta, body = find_metadata(clean_text(text))
    assert [a.name for a in meta.authors] == ["Mara Quill"] and "\n\nMara Quill\n\n" not in body
    with switched_off("name-line-author"):
        assert find_metadata(clean_text(text))[0].authors == ()


def test_lone_name_line_without_labels_is_no_author() -> None:
    text = f"Saving Rural Hospitals\n\n{BODY}\n\nMara Quill\n\n{BODY}\n"
    assert find_metadata(clean_text(text))[0].authors == ()


def test_follow_us_handle_names_the_publication_and_leaves_the_body() -> None:
    from generator.rules import switched_off
    text = f"Saving Rural Hospitals\n\n{BODY}\n\n{BODY}\n\nFollow us on Twitter @HarborViews\n"
    meta, body = find_metadata(clean_text(text))
    assert meta.publication == "Harbor Views" and "@HarborViews" not in body
    with switched_off("follow-us-handle"):
        assert find_metadata(clean_text(text))[0].publication is None
