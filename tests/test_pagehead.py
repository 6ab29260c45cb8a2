"""A saved page's <head> (meta tags, JSON-LD) is read before the visible text, and values
that are not what their field promises are dropped (invented pages)."""
from __future__ import annotations

import json

import pytest

from generator.reading.pagehead import drop_site_suffix, person_names, without_tagline
from generator.reading.webpage import read_webpage
from generator.rules import switched_off

BODY = ("<p>Harbour towns should publish every dredging contract online, so residents can see "
        "who is paid, for what work, and how the price compares with the last tender.</p>")


def page(head: str, header: str = "") -> str:
    """A small page: <head> elements, an <h1> headline, an optional header, two paragraphs."""
    return (f"<html><head>{head}</head><body><div class='site'>Tidewater Review</div><article>"
            f"<h1>Open the Dredging Books</h1>{header}{BODY}{BODY.replace('Harbour', 'River')}"
            "</article></body></html>")


def meta_of(html: str) -> dict[str, list[str]]:
    _, pairs = read_webpage(html, "x.html")
    out: dict[str, list[str]] = {}
    for key, value in pairs:
        out.setdefault(key, []).append(value)
    return out


def test_json_ld_article_gives_headline_authors_date_and_publisher() -> None:
    ld = {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "x"}, {
        "@type": "NewsArticle", "headline": "Open the Dredging Books",
        "author": [{"@type": "Person", "name": "Mara Quint"}, {"name": "Olu Brandt"}],
        "datePublished": "2022-04-05T09:30:00-04:00", "publisher": {"name": "Tidewater Review"}}]}
    meta = meta_of(page(f'<script type="application/ld+json">{json.dumps(ld)}</script>'))
    assert meta["title"] == ["Open the Dredging Books"]
    assert meta["author"] == ["Mara Quint", "Olu Brandt"]
    assert meta["date"] == ["2022-04-05"] and meta["site"] == ["Tidewater Review"]


def test_og_title_loses_the_site_suffix() -> None:
    head = ('<meta property="og:title" content="Open the Dredging Books | TR">'
            '<meta property="og:site_name" content="TR">'
            '<meta property="article:published_time" content="2021-11-30T23:10:00+00:00">')
    meta = meta_of(page(head))
    assert meta["title"] == ["Open the Dredging Books"] and meta["date"] == ["2021-11-30"]


def test_suffix_rule_switched_off_keeps_the_tab_title() -> None:
    with switched_off("title-site-suffix"):
        assert drop_site_suffix("Open the Books | TR", ["TR"], None) == "Open the Books | TR"
    assert drop_site_suffix("Open the Books | TR", ["TR"], None) == "Open the Books"
    assert drop_site_suffix("Tidewater Review - Open the Books", [], "Open the Books") == \
        "Open the Books"
    assert drop_site_suffix("Ports: A Plan - Or Not", [], None) == "Ports: A Plan - Or Not"
    assert drop_site_suffix("Open the Books - The Tidewater Review", ["Tidewater Review"], None) == \
        "Open the Books"


@pytest.mark.parametrize("value,names", [
    ("Mara Quint (https://example.org/mq/)", ["Mara Quint"]),
    ("By Mara Quint and Olu Brandt", ["Mara Quint", "Olu Brandt"]),
    ("Username", []),
    ("https://example.org/people/mq", []),
    ("@maraquint", []),
])
def test_author_fields_keep_only_person_names(value: str, names: list[str]) -> None:
    assert person_names(value) == names


def test_junk_author_meta_falls_back_to_the_marked_byline() -> None:
    head = '<meta name="author" content="Username">'
    meta = meta_of(page(head, '<span class="pb-byline">By <a href="/p/mq">Mara Quint</a></span>'))
    assert meta["author"] == ["Mara Quint"]


def test_a_double_dash_also_separates_the_site_name() -> None:
    assert drop_site_suffix("Open the Books -- Tidewater Review", ["Tidewater Review"], None) == "Open the Books"


def test_site_name_loses_its_slogan() -> None:
    head = '<meta property="og:site_name" content="Tidewater Review | the coast\'s daily paper">'
    assert meta_of(page(head))["site"] == ["Tidewater Review"]
    with switched_off("site-name-tagline"):
        assert meta_of(page(head))["site"] == ["Tidewater Review | the coast's daily paper"]
    assert without_tagline("Tidewater Review | Harbour Edition") == "Tidewater Review | Harbour Edition"


def test_an_author_tag_naming_the_copyright_holder_is_not_a_writer() -> None:
    head = ('<meta name="author" content="Mara Quint"><meta name="author" content="Harbour Media">'
            '<meta name="copyright" content="Copyright (c) Harbour Media 2023">')
    assert meta_of(page(head))["author"] == ["Mara Quint"]
    with switched_off("owner-not-author"):
        assert meta_of(page(head))["author"] == ["Mara Quint", "Harbour Media"]
