"""A saved web page → its article as Markdown (links kept) and its metadata, via trafilatura.

trafilatura drops the page's furniture (navigation, sidebars, footers, scripts) and
returns the main text; its metadata (title, author, date, site name as "site", canonical URL) become
the same `(key, value)` pairs that Markdown front matter gives. trafilatura only logs why
it gave up; here the reason is raised as a SeedError instead, and its logging is kept off
the build's output (one line per bad seed, and that line is ours).
"""
from __future__ import annotations

import logging
import re
from contextlib import suppress
from functools import partial

import lxml.html
import trafilatura
from lxml.etree import LxmlError
from trafilatura.utils import load_html

from .metadata import first
from .pagehead import TITLE_SEPARATOR, drop_site_suffix, head_meta, person_names
from ..model import SeedError
from ..parallel import forked, worth_forking

LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")
META_FIELDS = (("title", "title"), ("author", "author"), ("date", "date"),
               ("sitename", "site"), ("url", "url"))
HEAD_STOP = {"h1", "h2", "h3", "figure", "table", "blockquote", "article", "section"}
MAX_HEAD_WORDS = 30
"""A byline or a date line is short: a longer element under the title is the article."""


def silence_library_logs() -> None:
    """Keep trafilatura's own log lines out of the build (we report the reason ourselves)."""
    for name in LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


def words_of(element: lxml.html.HtmlElement) -> str:
    """An element's text on one line; list items joined with commas (a list of authors)."""
    items = element.findall("li")
    parts = [" ".join(li.itertext()) for li in items] if items else [" ".join(element.itertext())]
    return ", ".join(" ".join(p.split()) for p in parts if p.split())


def header_lines(tree: lxml.html.HtmlElement) -> list[str]:
    """The short lines right under the page's <h1> or first <h2> (byline, date, authors), which
    trafilatura leaves out of the article: the metadata stage reads them as in a text seed."""
    h1 = next(tree.iter("h1"), None)
    h1 = h1 if h1 is not None else next(tree.iter("h2"), None)  # blog themes title in <h2>
    if h1 is None:
        return []
    parent = h1.getparent()
    siblings = list(h1.itersiblings())
    if not siblings and parent is not None:
        siblings = list(parent.itersiblings())
    lines: list[str] = []
    for element in siblings[:8]:
        text = words_of(element) if isinstance(element.tag, str) else ""
        if element.tag in HEAD_STOP or len(text.split()) > MAX_HEAD_WORDS:
            break
        lines += [text] if text else []
    return lines


def title_site(tree: lxml.html.HtmlElement | None, title: str | None) -> str | None:
    """'Title | Site' in the <title> tag → 'Site', when the other part is the title."""
    if tree is None:
        return None
    parts = TITLE_SEPARATOR.split(" ".join((tree.findtext(".//title") or "").split()))
    fold = lambda s: re.sub(r"\W+", " ", s).strip().lower()
    rest = [p for p in parts if fold(p) != fold(title or "")]
    return rest[-1] if title and len(parts) == 2 and len(rest) == 1 else None


def page_meta(html: str, tree: lxml.html.HtmlElement | None) -> tuple[tuple[str, str], ...]:
    """The page's title, authors, date, site and URL as metadata pairs: what its <head>
    states first, then what trafilatura reads. Only dates the page states count (no guess
    from a copyright year); author values that are no person's name are dropped."""
    found = trafilatura.extract_metadata(html, extensive=False)
    head = head_meta(tree) if tree is not None else {}
    library = {key: str(getattr(found, attr, None) or "").strip() for attr, key in META_FIELDS}
    sites = [*head.get("site", []), library["site"]]
    h1 = next((words_of(h) for h in tree.iter("h1")), None) if tree is not None else None
    title = first(*head.get("title", []), drop_site_suffix(library["title"], sites, h1))
    authors = head.get("author") or person_names(library["author"])
    pairs = [("title", title), *[("author", a) for a in authors],
             ("date", first(*head.get("date", []), library["date"])),
             ("site", first(*head.get("site", []), library["site"])), ("url", library["url"])]
    pairs = [(k, v) for k, v in pairs if v]
    site = None if dict(pairs).get("site") else title_site(tree, dict(pairs).get("title"))
    return tuple(pairs) + ((("site", site),) if site else ())


def with_header(text: str, lines: list[str]) -> str:
    """The article with the header lines it lacks put back under its title."""
    missing = [ln for ln in lines if " ".join(ln.split()) not in " ".join(text.split())]
    if not missing:
        return text
    title = re.search(r"(?m)^#{1,2} .*\n", text)
    at = title.end() if title else 0
    return text[:at] + "\n" + "\n\n".join(missing) + "\n\n" + text[at:]


def page_head(html: str) -> tuple[list[str], tuple[tuple[str, str], ...]]:
    """The header lines trafilatura leaves out of the article, and the page's metadata
    pairs, read from the page as trafilatura parses it (XHTML declarations too)."""
    tree = load_html(html)
    return (header_lines(tree) if tree is not None else []), page_meta(html, tree)


def read_webpage(html: str, path: object) -> tuple[str, tuple[tuple[str, str], ...]]:
    """HTML text → (main text as Markdown, metadata pairs); SeedError when there is no
    article. A large page's head is read meanwhile in a forked copy of the process."""
    silence_library_logs()
    head = forked(partial(page_head, html)) if worth_forking(len(html)) else None
    try:
        try:
            text = trafilatura.extract(html, output_format="markdown", include_links=True,
                                       include_comments=False, include_tables=True)
        except BaseException:
            if head:
                with suppress(BaseException):
                    head()  # the copy is waited for before the error goes on
            raise
        meta: tuple[tuple[str, str], ...] = ()
        if text:
            lines, meta = head() if head else page_head(html)
            text = with_header(text, lines)
        elif head:
            with suppress(ValueError, LxmlError):
                head()  # the copy is waited for; a page with no text needs no head
    except (ValueError, LxmlError) as err:  # lxml refusing the document
        raise SeedError(path, f"unreadable web page ({err})") from err
    if not text or not text.strip():
        raise SeedError(path, "no article text found in the web page")
    return text, meta
