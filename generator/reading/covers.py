"""Text that PDF and feed extraction fuse into the article: a feed item's header run onto
its first line, a PDF cover (title, author in capitals, date) run into the first paragraph,
and the drop cap such a cover leaves mid-sentence. Each takes the metadata off the text.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .bylines import patterns, split_names
from .dates import find_date

if TYPE_CHECKING:
    from .metadata import Reading


def publisher_name(domain: str) -> str | None:
    """A known publisher's name for a web domain (sub-domains included)."""
    known = patterns()["publishers"]
    domain = domain.lower().removeprefix("www.")
    return known.get(domain) or known.get(".".join(domain.split(".")[-2:]))


def split_feed_header(blocks: list[str], found: Reading) -> list[str]:
    """A feed item fused on one line: take title, source and date off it (it leads the
    text, perhaps after an editor's note or two)."""
    for i, block in enumerate(blocks[:3]):
        for pat in patterns()["feed_headers"]:
            hit = pat.match(block)
            if hit:
                found.title = hit.group("title").strip()
                found.date = find_date(hit.group("date"))
                found.publication = publisher_name(hit.group("source")) or hit.group("source")
                return [*blocks[:i], hit.group("body").strip(), *blocks[i + 1:]]
    return blocks


def split_cover(block: str, found: Reading) -> str:
    """A PDF cover run into the first paragraph: drop title repeats, take author and date."""
    title = found.title
    while title and block.startswith(title + " "):
        block = block[len(title) + 1:]
    for pat in patterns()["cover_lines"]:
        hit = pat.match(block)
        if hit and block != hit.group("body"):
            found.names += [n.title() for n in split_names(hit.group("names"))]
            found.date = found.date or find_date(hit.group("date"))
            return restore_drop_cap(hit.group("body"))
    return block


def restore_drop_cap(block: str) -> str:
    """A PDF's drop cap lands mid-sentence ("hen the … deep W corruption"): put it back."""
    stray = re.search(r" ([B-HJ-Z]) (?=[a-z])", block[:400])
    if block[:1].islower() and stray:
        return stray.group(1) + block[:stray.start()] + block[stray.end() - 1:]
    return block
