"""Saved web pages: the header lines trafilatura drops come back, the site comes from the
<title> when no <meta> names it, and XHTML declarations are read like any page."""
from __future__ import annotations

import pytest

from generator.reading.webpage import read_webpage

PARAGRAPH = ("<p>City councils should allow small backyard homes on every residential lot, because "
             "they add housing where roads, pipes and schools already exist and cost little.</p>")


def page(head: str, header: str, prolog: str = "") -> str:
    """A small saved page: head elements, then an article with a header and one paragraph."""
    return (f"{prolog}<html><head>{head}</head><body><article><h1>Backyard Homes Now</h1>"
            f"{header}{PARAGRAPH}{PARAGRAPH.replace('City', 'Town')}</article></body></html>")


@pytest.mark.parametrize("header,line", [
    ('<p class="byline">By <a href="/a">Ann Lee</a> and Bo Kim</p>', "By Ann Lee and Bo Kim"),
    ('<ul class="authors"><li>Ann Lee</li><li>Bo Kim</li></ul>', "Ann Lee, Bo Kim"),
    ('<div class="meta"><span>Ann Lee</span> | <span>3/3/2021</span></div>', "Ann Lee | 3/3/2021"),
])
def test_header_lines_under_the_title_come_back(header: str, line: str) -> None:
    text, _ = read_webpage(page("<title>Backyard Homes Now</title>", header), "x.html")
    assert text.index("# Backyard Homes Now") < text.index(line) < text.index("City councils")


@pytest.mark.parametrize("title,site", [
    ("Backyard Homes Now | Civic Ground", "Civic Ground"),
    ("Civic Ground - Backyard Homes Now", "Civic Ground"),
    ("Backyard Homes Now", None),
])
def test_site_from_the_title_tag(title: str, site: str | None) -> None:
    _, meta = read_webpage(page(f"<title>{title}</title>", ""), "x.html")
    assert dict(meta).get("site") == site


def test_xhtml_declaration_is_read() -> None:
    html = page("<title>Backyard Homes Now | Civic Ground</title>", "<p>By Ann Lee</p>",
                '<?xml version="1.0" encoding="utf-8"?>\n')
    text, meta = read_webpage(html, "x.html")
    assert "By Ann Lee" in text and dict(meta).get("site") == "Civic Ground"
