"""Seed text → inert Markdown: what the author wrote appears as literal text, never as
live HTML, template code or page structure. Used as Jinja2 filters by the templates.

`md_text` escapes everything; `md_inline` keeps the author's links and emphasis, rebuilt
from markdown-it-py's tokens so nothing else (raw HTML, images, `javascript:` URLs) passes.

What is escaped does not depend on which Markdown extensions mkdocs.yml enables: every
ASCII punctuation character of seed text leaves as a character reference (`<` `>` `&` as
`&lt;` `&gt;` `&amp;`, the rest as `&#x2A;` …). Every Markdown syntax, Python-Markdown's
own and every extension's (md_in_html, attr_list, tables, admonition, def_list, footnotes,
pymdownx.snippets' `--8<--` includes, superfences, critic, emoji, magiclink …), is made of
ASCII punctuation, and parsers match characters, not references, so none of it can form;
the browser shows the characters the author typed. A per-extension escape table would go
stale the day an extension is added; this costs a few bytes per punctuation mark instead.
Emphasis that did not form is dropped too: a mark whose partner lies in another sentence
(an item cut out of a bold paragraph: "**Let us talk." shows as "Let us talk.").
Control characters are dropped (HTML cannot show them; \x02…\x03 mark Python-Markdown's
stash of raw HTML, so they must never reach it from a seed). Character references the
author typed (`&lt;`) stay the literal text they wrote.

Most sentences hold none of the characters where one of the parser's inline rules can
start (INLINE_MARKUP): the parser would give them back as one text token, as they are, so
`md_inline` and `plain_text` skip it for them (a build of 1,000 briefs asks for some
100,000 such texts); tests/test_properties.py checks both ways agree on any text.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import quote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..extraction.footnotes import strip_footnote_marks

INLINE = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable("entity")
PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")  # every ASCII punctuation character
NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SAFE_SCHEMES = frozenset({"http", "https", "mailto", ""})
WEB_SCHEMES = frozenset({"http", "https"})
STRAY_EMPHASIS = re.compile(r"(?<!\S)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?!\S)")
"""`*`, `**`, `_` … at a word's edge that markdown-it left as text: its partner is elsewhere."""
EMPHASIS = {"strong_open": "**", "strong_close": "**", "em_open": "*", "em_close": "*"}
SHOWN_TEXTS = 1 << 16
"""Item sentences whose shown words are remembered: each is shown on four or five pages
(its brief, its short page, the ids, recommendations and entity lists)."""
INLINE_MARKUP = re.compile(r"[\\`*_\[<\n]")
"""Where an inline rule of INLINE can start: escape, code span, emphasis, link (and image,
whose `!` needs a `[`), autolink, line break; entities and raw HTML are off. Without any
of these, INLINE parses a text into one text token holding it unchanged."""


WHITE_SPACE = re.compile(r"\s+")


def reference(char: str) -> str:
    """One punctuation character as the character reference that shows it."""
    return NAMED.get(char) or f"&#x{ord(char):X};"


REFERENCES = str.maketrans({chr(c): reference(chr(c)) for c in range(128)
                            if PUNCTUATION.fullmatch(chr(c))})
"""Every ASCII punctuation character → its reference, for str.translate (one pass in C)."""


def escape(text: str) -> str:
    """Escape Markdown and HTML in a run of text, folding (not trimming) white space."""
    return WHITE_SPACE.sub(" ", text).translate(REFERENCES)


def folded(value: object) -> str:
    """Any value as one line of text: white space folded, control characters dropped."""
    return " ".join(CONTROLS.sub("", str(value or "")).split())


def md_text(value: object) -> str:
    """Any text → Markdown that renders exactly that text, on one line."""
    return escape(folded(value))


def scheme_of(url: str) -> str | None:
    """A URL's scheme, lower-case ("" for a relative one); None when it does not parse."""
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:
        return None


def safe_url(url: str, schemes: frozenset[str] = SAFE_SCHEMES) -> str | None:
    """A link target readers may follow (web, mail, relative), quoted; None for the rest.

    The scheme is checked as written and as a browser reads it after decoding character
    references ("javascript&colon;…"), and every `&` leaves as `&amp;`, so no reference
    in a target can become live.
    """
    url = url.strip()
    as_read = (url, html.unescape(url))
    if url.lower().startswith("//") or any(scheme_of(u) not in schemes for u in as_read):
        return None
    return quote(url, safe=":/?#@!$&*+,;=%~'-._").replace("&", "&amp;")


def web_url(value: object) -> str | None:
    """An absolute http(s) address for a "Read the original" link; None for anything else."""
    return safe_url(str(value or ""), WEB_SCHEMES) if value else None


def formed(text: str) -> str:
    """A text token without emphasis marks that did not form (their partner is elsewhere)."""
    return STRAY_EMPHASIS.sub("", text)


def inline_tokens(text: str) -> list[Token]:
    """The inline parser's tokens for one line of text."""
    return INLINE.parseInline(text)[0].children or []


def md_inline(value: object) -> str:
    """Body text → Markdown keeping only its links (safe targets) and emphasis."""
    text = folded(value)
    if not INLINE_MARKUP.search(text):
        return escape(text)  # one text token, and no * or _ for formed() to drop
    return markdown_of(inline_tokens(text))


def markdown_of(tokens: list[Token]) -> str:
    """Inline tokens → Markdown of their links (safe targets), emphasis and escaped text."""
    out: list[str] = []
    link_url: str | None = None
    for token in tokens:
        if token.type == "link_open":
            url = safe_url(str(token.attrGet("href") or ""))
            out.append("[" if url else "")
            link_url = url
        elif token.type == "link_close":
            out.append(f"]({link_url})" if link_url else "")
        elif token.type in EMPHASIS:
            out.append(EMPHASIS[token.type])
        elif token.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif token.type == "text":
            out.append(escape(formed(token.content)))
        else:  # code, an image's alt text: words only
            out.append(escape(token.content))
    return "".join(out)


def plain_text(value: object) -> str:
    """Body text → its words alone (links to their text, emphasis marks dropped)."""
    text = folded(value)
    if not INLINE_MARKUP.search(text):
        return text  # one text token, and no * or _ for formed() to drop
    return words_of(inline_tokens(text))


def words_of(tokens: list[Token]) -> str:
    """Inline tokens → their words: text (stray emphasis marks dropped), code, alt text."""
    return "".join(formed(t.content) if t.type == "text" else t.content
                   for t in tokens if t.type in ("text", "code_inline", "image"))


def item_text(value: object) -> str:
    """An item's sentence shown on its own (its heading, the index pages, its short page,
    the feed): its words, without footnote markers."""
    return words_shown(str(value))


@lru_cache(maxsize=SHOWN_TEXTS)
def words_shown(text: str) -> str:
    """item_text of a string, worked out once for the several pages that show it."""
    return plain_text(strip_footnote_marks(text))
