"""What a block of a saved page looks like — heading, article paragraph, prose, menu,
title candidate, endnote — judged from its text alone, for the metadata stage.
"""
from __future__ import annotations

import re

from .bylines import byline, meta_line, patterns
from .blocktext import folded, unlinked
from .dates import parse_date

ENDS_SENTENCE = re.compile(r"[.!?\"”’)](?:\[?\^?\d{1,3}\]?)?$")
"""Prose ends as a sentence ends, perhaps with a footnote mark after it ("… in 2019.[3]")."""
NOTE = re.compile(r"^(?:\[\^\w{1,12}\]:?|\[\d{1,3}\]|\^\d{1,3}|\(\d{1,3}\))\s+\S")
"""An endnote at the foot of the page: "[1] Source …", "[^1]: …" (numbered lists "1. …" are
not notes)."""
ROOT_LINK = re.compile(r"^\[[^\]]+\]\(https?://[^/)\s]+/?\)$")


def heading_text(block: str) -> str | None:
    """The text of a Markdown ATX heading, or None."""
    found = re.match(r"^#{1,6}\s+(.*?)\s*#*$", block)
    return found.group(1).strip() if found else None


def is_article_paragraph(block: str) -> bool:
    """Where the body begins: a real paragraph (many words, ending as prose ends)."""
    words = folded(block).split()
    return len(words) >= 20 and bool(ENDS_SENTENCE.search(folded(block)))


def is_prose(block: str) -> bool:
    """A sentence, a long block or a heading after the title starts the body; short labels
    do not."""
    words = folded(block).split()
    return heading_text(block) is not None or len(words) >= 25 or (len(words) >= 6 and bool(
        ENDS_SENTENCE.search(words[-1]) or words[-1].endswith(":")))


def is_navigation(block: str) -> bool:
    """A menu saved as lines of a word or three, or as a list of links."""
    lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
    only_links = re.sub(r"\[[^\]\n]{1,40}\]\([^)\s]*\)|[\s|·•,/]", "", block) == ""
    return (len(lines) >= 2 and all(len(unlinked(ln).split()) <= 3 for ln in lines)) or \
        bool(re.match(r"[-*+] \[", block)) or only_links


def is_title_like(block: str) -> bool:
    """A line that could be the title: a heading, or a short line that is not a sentence,
    a label ("Introduction", "Energy & Climate"), a date, a byline or a menu."""
    line = unlinked(heading_text(block) or folded(block))
    if line.lower().strip(" :") in patterns()["section_headings"]:
        return False
    if heading_text(block) is not None:
        return True
    return (2 <= len(line.split()) <= 25 and not line.endswith(".") and not is_navigation(block)
            and not any(p.match(line) for p in patterns()["topic_labels"])
            and line.lower() not in patterns()["kinds"] and not parse_date(line)
            and byline(block) is None and meta_line(block) is None)


def leads_list(blocks: list[str], i: int) -> bool:
    """A short line over a list ("Key Takeaways") is the list's heading: body, not header."""
    return i + 1 < len(blocks) and bool(re.match(r"([-*+]|\d+[.)])\s", blocks[i + 1]))


def is_memo_head(block: str) -> bool:
    """A memo's address block ("To: The Governor / From: …") opens the memo's text."""
    return bool(patterns()["memo_head"].match(block))


def split_fields(blocks: list[str]) -> list[str]:
    """A block of 'Label: value' lines (a blog's 'Author: …', 'Date: …') → one block each;
    a memo's address block stays whole."""
    out: list[str] = []
    for block in blocks:
        lines = block.splitlines()
        fields = len(lines) > 1 and not is_memo_head(block) and all(
            re.match(r"[A-Z][\w ]{0,24}:\s+\S", ln) for ln in lines)
        out += lines if fields else [block]
    return out


def is_dek(blocks: list[str], i: int) -> bool:
    """A one-sentence standfirst between the title and the byline is not the article's text."""
    nxt = blocks[i + 1] if i + 1 < len(blocks) else ""
    line = unlinked(folded(nxt))
    return heading_text(blocks[i]) is None and len(folded(blocks[i]).split()) < 20 and bool(
        byline(nxt) is not None or meta_line(nxt) or (len(line.split()) <= 14 and parse_date(line)))
