"""Seed text → inert Markdown: what the author wrote appears as literal text, never as
live HTML, template code or page structure. Used as Jinja2 filters by the templates.

`md_text` escapes everything; `md_inline` keeps the author's links and emphasis, rebuilt
from markdown-it-py's tokens so nothing else (raw HTML, images, `javascript:` URLs) passes.
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

from markdown_it import MarkdownIt

INLINE = MarkdownIt("commonmark", {"html": False, "linkify": False})
MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!-])")  # Python-Markdown's escapable set
SAFE_SCHEMES = {"http", "https", "mailto", ""}
EMPHASIS = {"strong_open": "**", "strong_close": "**", "em_open": "*", "em_close": "*"}


def escape(text: str) -> str:
    """Escape Markdown and HTML in a run of text, folding (not trimming) white space."""
    text = MD_SPECIAL.sub(r"\\\1", html.escape(re.sub(r"\s+", " ", text), quote=False))
    return text.replace("|", "&#124;")  # entity, not backslash: tables split on a bare |


def md_text(value: object) -> str:
    """Any text → Markdown that renders exactly that text, on one line."""
    text = escape(" ".join(str(value or "").split()))
    return re.sub(r"^(\d+)\.", r"\1\\.", text)  # "1." opening a line would start a list


def safe_url(url: str) -> str | None:
    """A link target readers may follow (web, mail, relative), quoted; None for the rest."""
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in SAFE_SCHEMES or url.lower().startswith("//"):
        return None
    return quote(url, safe=":/?#@!$&*+,;=%~'-._")


def md_inline(value: object) -> str:
    """Body text → Markdown keeping only its links (safe targets) and emphasis."""
    text = " ".join(str(value or "").split())
    out: list[str] = []
    link_url: str | None = None
    for token in INLINE.parseInline(text)[0].children or []:
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
        else:  # text, code, an image's alt text: words only
            out.append(escape(token.content))
    return re.sub(r"^(\d+)\.", r"\1\\.", "".join(out))


def plain_text(value: object) -> str:
    """Body text → its words alone (links to their text, emphasis marks dropped)."""
    text = " ".join(str(value or "").split())
    return "".join(t.content for t in INLINE.parseInline(text)[0].children or []
                   if t.type in ("text", "code_inline", "image"))
