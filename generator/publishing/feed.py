"""The briefs as an Atom feed (`feed.xml`), for readers who subscribe rather than visit.

Written by the generator from the briefs it has, like the pages: a feed plugin such as
mkdocs-rss-plugin dates pages from git or front matter, and can put neither a brief's
recommendations nor their short links in an entry. Entries run newest first, undated
briefs last (the home page's order), and stop at the newest FEED_ENTRIES: a reader polls
the feed often, so at 1,000 briefs it stays the size of 50.

The XML is built as an element tree (lxml), never by pasting strings: seed text only
ever lands in text nodes, so markup in it stays text. Links are absolute under site_url
when the site is served with directory URLs; the offline copy (file://, `.html` URLs)
gets links relative to feed.xml, which resolve wherever the copy is opened.
"""
from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from urllib.parse import quote

from lxml import etree

from .markdown_safe import folded, item_text, plain_text
from ..model import Brief
from .shortlinks import SHORT_DIR, short_path
from .views import brief_title

FEED_PATH = "feed.xml"
FEED_ENTRIES = 50
ATOM = "http://www.w3.org/2005/Atom"
XHTML = "http://www.w3.org/1999/xhtml"
UNDATED = "1970-01-01T00:00:00Z"
"""Atom requires a date on every entry: an undated brief gets the epoch, which says
"unknown" and sorts it last in feed readers too (never the build time: builds repeat)."""
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: object) -> str:
    """Any value as one line of text XML 1.0 can hold (it has no escape for some characters)."""
    return NOT_XML.sub("", folded(value))


def atom_date(iso: str | None) -> str:
    """"2020-07" → "2020-07-01T00:00:00Z": a partial date starts its month or year."""
    if not iso:
        return UNDATED
    parts = (iso.split("-") + ["01", "01"])[:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def site_base(site_url: str | None, directory_urls: bool) -> str:
    """What links start with: the site's address, or "" for links relative to feed.xml."""
    if not site_url or not directory_urls:
        return ""
    return site_url if site_url.endswith("/") else site_url + "/"


def brief_link(slug: str, base: str, directory_urls: bool) -> str:
    """A brief page's address, as MkDocs writes it."""
    return base + (f"briefs/{quote(slug)}/" if directory_urls else f"briefs/{quote(slug)}.html")


def short_link(rid: str, base: str, directory_urls: bool) -> str:
    """An item's permanent short link (r/<id>/)."""
    return base + (f"{SHORT_DIR}/{quote(rid)}/" if directory_urls else short_path(quote(rid)))


def add(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """A child element of the Atom namespace, with its text (as text, always) and attributes."""
    element = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    element.text = text
    return element


def entry_content(brief: Brief, base: str, directory_urls: bool) -> etree._Element:
    """The entry's body in XHTML: the summary, then each recommendation with its short link."""
    div = etree.Element(f"{{{XHTML}}}div", nsmap={None: XHTML})
    etree.SubElement(div, f"{{{XHTML}}}p").text = xml_text(" ".join(
        plain_text(s) for s in brief.summary)) or None
    if brief.recommendations:
        items = etree.SubElement(div, f"{{{XHTML}}}ul")
        for rec in brief.recommendations:
            li = etree.SubElement(items, f"{{{XHTML}}}li")
            link = etree.SubElement(li, f"{{{XHTML}}}a", href=short_link(rec.id, base, directory_urls))
            link.text = xml_text(item_text(rec.text))
            link.tail = xml_text(f" ({rec.actor or 'actor not stated'}, {rec.strength})")
    return div


def add_entry(feed: etree._Element, brief: Brief, base: str, directory_urls: bool) -> None:
    """One brief as an Atom entry: title, permanent id, link, dates, authors, and its body."""
    entry = add(feed, "entry")
    add(entry, "title", xml_text(brief_title(brief)))
    add(entry, "id", uuid.uuid5(uuid.NAMESPACE_URL, f"briefs/{brief.slug}").urn)
    add(entry, "link", rel="alternate", type="text/html",
        href=brief_link(brief.slug, base, directory_urls))
    add(entry, "updated", atom_date(brief.meta.date))
    if brief.meta.date:
        add(entry, "published", atom_date(brief.meta.date))
    for author in brief.meta.authors:
        add(add(entry, "author"), "name", xml_text(author.name))
    add(entry, "content", type="xhtml").append(entry_content(brief, base, directory_urls))


def feed_xml(briefs: Sequence[Brief], site_name: str, site_url: str | None = None,
             directory_urls: bool = True) -> str:
    """The Atom feed of `briefs` (already newest first), at most FEED_ENTRIES of them."""
    base = site_base(site_url, directory_urls)
    shown = briefs[:FEED_ENTRIES]
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    add(feed, "title", xml_text(site_name))
    add(feed, "subtitle", f"The newest {len(shown)} of {len(briefs)} briefs, newest first.")
    add(feed, "id", base + FEED_PATH if base else
        uuid.uuid5(uuid.NAMESPACE_URL, f"feed/{xml_text(site_name)}").urn)
    add(feed, "link", rel="self", type="application/atom+xml", href=base + FEED_PATH)
    add(feed, "link", rel="alternate", type="text/html", href=base or "index.html")
    add(feed, "updated", max((atom_date(b.meta.date) for b in shown), default=UNDATED))
    add(add(feed, "author"), "name", xml_text(site_name))
    for brief in shown:
        add_entry(feed, brief, base, directory_urls)
    return etree.tostring(feed, xml_declaration=True, encoding="UTF-8",
                          pretty_print=True).decode("utf-8")
