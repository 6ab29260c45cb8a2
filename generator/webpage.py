"""A saved web page → its article as Markdown (links kept) and its metadata, via trafilatura.

trafilatura drops the page's furniture (navigation, sidebars, footers, scripts) and
returns the main text; its metadata (title, author, date, site name as "site", canonical URL) become
the same `(key, value)` pairs that Markdown front matter gives. trafilatura only logs why
it gave up; here the reason is raised as a SeedError instead, and its logging is kept off
the build's output (one line per bad seed, and that line is ours).
"""
from __future__ import annotations

import logging

import trafilatura
from lxml.etree import LxmlError

from .model import SeedError

LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")
META_FIELDS = (("title", "title"), ("author", "author"), ("date", "date"),
               ("sitename", "site"), ("url", "url"))


def silence_library_logs() -> None:
    """Keep trafilatura's own log lines out of the build (we report the reason ourselves)."""
    for name in LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


def page_meta(html: str) -> tuple[tuple[str, str], ...]:
    """The page's title, authors, date, publication and URL as metadata pairs."""
    found = trafilatura.extract_metadata(html)
    pairs: list[tuple[str, str]] = []
    for attr, key in META_FIELDS:
        value = getattr(found, attr, None) if found else None
        values = str(value).split(";") if attr == "author" and value else [value]
        pairs += [(key, str(v).strip()) for v in values if v and str(v).strip()]
    return tuple(pairs)


def read_webpage(html: str, path: object) -> tuple[str, tuple[tuple[str, str], ...]]:
    """HTML text → (main text as Markdown, metadata pairs); SeedError when there is no article."""
    silence_library_logs()
    try:
        text = trafilatura.extract(html, output_format="markdown", include_links=True,
                                   include_comments=False, include_tables=True)
        meta = page_meta(html) if text else ()
    except (ValueError, LxmlError) as err:  # lxml refusing the document
        raise SeedError(path, f"unreadable web page ({err})") from err
    if not text or not text.strip():
        raise SeedError(path, "no article text found in the web page")
    return text, meta
