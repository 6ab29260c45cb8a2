"""A headline for a brief whose article states no title, so no page shows a file name.

A reader scanning a list expects words from the article, as a mail client shows a message
without a subject by its first line: the first sentence of the body, cut to headline length
at a word boundary. Only when the body has no usable sentence does the file name stand in,
made readable ("003-sbsun-energy-editorial" → "Sbsun energy editorial").
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Sentence
from .footnotes import strip_footnote_marks

MAX_WORDS = 12
"""Longer than this, a sentence is cut: a headline reads at a glance."""
MIN_WORDS = 4
"""Shorter lines are labels or fragments, not a lead."""
DATELINE = re.compile(r"^(?:\([A-Z][\w ]*\)|[A-Z][A-Z .,'-]{2,})\s*(?:--|—|–|-)\s*")
"""A news dateline before the lead: "CAIRO — ", "(CNN) -- "."""
TRAILING = frozenset("""a an and as at but by for from in into of on or over than that the
their this to under was were which who with its is are be should must will would could
can""".split())
"""Words a cut headline must not end on."""
FILE_NOISE = re.compile(r"\d+|[0-9a-f]{8,}")
"""A file name's numbering and content hashes."""


def lead_sentence(sentences: Sequence[Sentence]) -> str | None:
    """The first sentence of running text (no heading, no list item, long enough)."""
    for s in sentences:
        words = s.plain.split()
        if not s.heading and not s.list_item and len(words) >= MIN_WORDS:
            return DATELINE.sub("", strip_footnote_marks(s.plain)).strip()
    return None


def shorten(text: str) -> str:
    """A sentence cut to MAX_WORDS at a word boundary, ending on a content word, with "…"
    when cut; a short sentence whole, without its full stop."""
    words = text.split()
    if len(words) <= MAX_WORDS:
        return text.rstrip(" .")
    kept = words[:MAX_WORDS]
    while len(kept) > MIN_WORDS and kept[-1].lower().strip(",;:—–-") in TRAILING:
        kept.pop()
    return " ".join(kept).rstrip(",;:—–- ") + "…"


def humanize_stem(stem: str) -> str | None:
    """A file name as words: numbering, hashes and separators out, first letter capital."""
    words = [w for w in re.split(r"[-_.\s]+", stem) if w and not FILE_NOISE.fullmatch(w)]
    return " ".join(words).capitalize() if words else None


def fallback_title(sentences: Sequence[Sentence], stem: str) -> str:
    """The headline a brief without a title is shown under."""
    lead = lead_sentence(sentences)
    if lead:
        return shorten(lead)
    return humanize_stem(stem) or "Untitled brief"
