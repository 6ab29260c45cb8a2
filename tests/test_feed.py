"""The Atom feed (feed.xml): valid XML, every brief newest first (the newest 50 at most),
seed text only ever as text, links that work served under site_url and opened from disk,
and a link to it in every page's <head> and on the home page."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import pytest
from mkdocs.config import load_config

from generator.model import Author, Brief, Metadata, Paragraph, Recommendation, Site
from generator.publishing.feed import FEED_ENTRIES, atom_date, brief_link, feed_xml
from generator.publishing.markdown_safe import folded
from generator.publishing.render import render_site
from siteproject import ROOT, build_copy
from test_escaping import EVIL, evil_brief

NS = {"a": "http://www.w3.org/2005/Atom", "x": "http://www.w3.org/1999/xhtml"}


def brief(n: int, date: str | None, title: str | None = None) -> Brief:
    """A small brief of our own: one summary sentence, one recommendation with an id."""
    text = f"The council should fund harbor wall number {n}."
    return Brief(slug=f"brief-{n}", source_file=f"seeds/{n}.txt",
                 meta=Metadata(title=title or f"Brief {n}", date=date, authors=(Author("Ana Ruiz"),)),
                 body=(Paragraph(1, text),), summary=(text,),
                 recommendations=(Recommendation(text, "Council", "should", 1, 0, f"id{n:04d}"),))


def parsed(xml: str) -> ET.Element:
    """The feed parsed by the standard library (it raises on anything not well-formed)."""
    return ET.fromstring(xml.encode("utf-8"))


def titles(feed: ET.Element) -> list[str]:
    return [e.findtext("a:title", namespaces=NS) for e in feed.findall("a:entry", NS)]


def links(feed: ET.Element) -> list[str]:
    """Every link target in the feed: entries' pages and the short links in their bodies."""
    return ([link.get("href") for link in feed.iterfind("a:entry/a:link", NS)]
            + [a.get("href") for a in feed.iterfind(".//x:a", NS)])


def test_newest_first_undated_last_by_title() -> None:
    briefs = [brief(1, None, "Zebra"), brief(2, "2021-06"), brief(3, "2023-01-05"),
              brief(4, None, "Apple"), brief(5, "2021")]
    feed = parsed(render_site(Site(briefs=tuple(briefs)), ROOT / "templates")["feed.xml"])
    assert titles(feed) == ["Brief 3", "Brief 2", "Brief 5", "Apple", "Zebra"]
    assert feed.findtext("a:updated", namespaces=NS) == "2023-01-05T00:00:00Z"
    undated = feed.findall("a:entry", NS)[-1]
    assert undated.find("a:published", NS) is None


def test_at_most_the_newest_entries() -> None:
    briefs = [brief(n, f"{2000 + n}-01-01") for n in range(FEED_ENTRIES + 10)]
    feed = parsed(feed_xml(briefs[::-1], "Briefs"))
    assert len(titles(feed)) == FEED_ENTRIES and titles(feed)[0] == f"Brief {FEED_ENTRIES + 9}"
    assert f"of {FEED_ENTRIES + 10} briefs" in feed.findtext("a:subtitle", namespaces=NS)


def test_each_entry_has_its_summary_and_short_links() -> None:
    feed = parsed(feed_xml([brief(7, "2020-07-01")], "Briefs", "https://example.org/sub"))
    entry = feed.find("a:entry", NS)
    body = entry.find("a:content/x:div", NS)
    assert body.findtext("x:p", namespaces=NS) == "The council should fund harbor wall number 7."
    short = body.find("x:ul/x:li/x:a", NS)
    assert short.get("href") == "https://example.org/sub/r/id0007/"
    assert entry.find("a:link", NS).get("href") == "https://example.org/sub/briefs/brief-7/"
    assert entry.findtext("a:author/a:name", namespaces=NS) == "Ana Ruiz"


@pytest.mark.parametrize("site_url, directory_urls, page, short", [
    ("https://example.org/", True, "https://example.org/briefs/brief-7/", "https://example.org/r/id0007/"),
    (None, True, "briefs/brief-7/", "r/id0007/"),
    ("https://example.org/", False, "briefs/brief-7.html", "r/id0007/index.html"),  # offline copy
])
def test_links_follow_the_site_url_and_url_style(site_url, directory_urls, page, short) -> None:
    feed = parsed(feed_xml([brief(7, None)], "Briefs", site_url, directory_urls))
    assert links(feed) == [page, short]


def test_hostile_text_stays_text() -> None:
    feed = parsed(feed_xml([evil_brief()], EVIL + "\x0b\ufffe"))
    assert feed.findtext("a:title", namespaces=NS) == folded(EVIL)
    assert titles(feed) == [folded(EVIL)]
    tags = {el.tag.split("}")[1] for el in feed.iter()}
    assert tags <= {"feed", "title", "subtitle", "id", "link", "updated", "published", "author",
                    "name", "entry", "content", "div", "p", "ul", "li", "a"}
    assert all(href.startswith("r/") or href.startswith("briefs/") for href in links(feed))


def test_partial_dates_start_their_month_or_year() -> None:
    assert [atom_date(d) for d in ("2020-07-01", "2021-06", "2021")] == [
        "2020-07-01T00:00:00Z", "2021-06-01T00:00:00Z", "2021-01-01T00:00:00Z"]


# ------------------------------------------------------------------ the built site

def site_briefs(site: Path) -> list[dict]:
    return json.loads((site / "briefs.json").read_text("utf-8"))["briefs"]


def local_file(site: Path, href: str, base: str) -> Path:
    """The file a feed link names, in a site built for `base`."""
    path = urljoin(base, href).removeprefix(base)
    return site / path / "index.html" if path.endswith("/") or not path else site / path


@pytest.mark.parametrize("build", ["built_site", "offline_site"])
def test_built_feed_lists_every_brief_with_working_links(build: str, request) -> None:
    site = request.getfixturevalue(build)
    feed = parsed((site / "feed.xml").read_text("utf-8"))
    briefs = site_briefs(site)
    online = build == "built_site"
    base = load_config(str(ROOT / "mkdocs.yml")).site_url if online else "file:///feed/"
    # Each brief once, by its page (an untitled brief's entry is titled as its page is).
    pages = [e.find("a:link", NS).get("href") for e in feed.findall("a:entry", NS)]
    every = {brief_link(b["slug"], base if online else "", online) for b in briefs}
    assert len(set(pages)) == len(pages) == min(len(every), FEED_ENTRIES)
    assert set(pages) <= every
    assert all(titles(feed))
    for href in links(feed):
        assert href.startswith(base) if build == "built_site" else "://" not in href
        assert local_file(site, href, base).is_file(), href


@pytest.mark.parametrize("build", ["built_site", "offline_site"])
def test_every_page_links_the_feed_in_its_head(build: str, request) -> None:
    # 404.html links from the site root (MkDocs: it is served at any depth); a copy opened
    # from disk never shows it.
    site = request.getfixturevalue(build)
    base = load_config(str(ROOT / "mkdocs.yml")).site_url if build == "built_site" else "file:///feed/"
    for page in sorted(site.rglob("*.html")):
        if page.parent.parent.name == "r" or (build == "offline_site" and page.name == "404.html"):
            continue  # short pages are redirects, not pages to subscribe from
        head = lxml.html.fromstring(page.read_bytes()).find("head")
        feeds = head.xpath('link[@rel="alternate"][@type="application/atom+xml"]')
        assert len(feeds) == 1, page
        page_url = urljoin(base, page.relative_to(site).as_posix())
        assert urljoin(page_url, feeds[0].get("href")) == urljoin(base, "feed.xml"), page


def test_home_page_links_the_feed(built_site: Path) -> None:
    home = lxml.html.fromstring((built_site / "index.html").read_bytes())
    assert home.xpath('//article//a[@href="feed.xml"]')


def test_feed_uses_the_site_url_when_set(tmp_path: Path) -> None:
    site = build_copy(tmp_path, SITE_URL="https://example.org/briefing/")
    feed = parsed((site / "feed.xml").read_text("utf-8"))
    assert all(href.startswith("https://example.org/briefing/") for href in links(feed))
    assert feed.find("a:link[@rel='self']", NS).get("href") == "https://example.org/briefing/feed.xml"


def test_feed_of_hostile_seeds_parses_and_lists_them(every_case_build) -> None:
    project, _ = every_case_build
    feed = parsed((project / "site" / "feed.xml").read_text("utf-8"))
    built = sorted((project / "site" / "briefs").glob("*/index.html"))
    assert len(titles(feed)) == min(len(built), FEED_ENTRIES)
    assert "Harbor Security <script>alert('title-pwned')</script> and the {{ config.site_name }} Test" \
        in titles(feed)
