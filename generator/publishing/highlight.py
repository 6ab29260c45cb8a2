"""A paragraph of the body → Markdown with each recommendation and question marked in place.

Each item's sentence becomes `<mark id="at-<id>">…</mark>` followed by a small link back
to the item's entry, so a reader moves between the list and the text both ways. The
sentence's own words still pass through `md_inline` (seed text is untrusted); the only
HTML added is the mark with ids and classes the generator made itself.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .markdown_safe import md_inline


@dataclass(frozen=True, slots=True)
class Marked:
    """What to mark: an item's sentence, its id and its kind."""

    text: str
    id: str
    kind: str
    """"recommendation" or "question"."""
    number: int = 0
    """Its number among the brief's items of its kind (reading order, from 1)."""


def text_anchor(item_id: str) -> str:
    """The id of an item's sentence in the full text (the item's own id is its heading)."""
    return f"at-{item_id}"


def spans(text: str, items: Iterable[Marked]) -> list[tuple[int, int, Marked]]:
    """Where each item's sentence sits in the paragraph, in order, without overlaps."""
    found = []
    for item in items:
        start = text.find(item.text) if item.text else -1
        if start >= 0:
            found.append((start, start + len(item.text), item))
    kept: list[tuple[int, int, Marked]] = []
    for start, end, item in sorted(found, key=lambda s: (s[0], -s[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, item))
    return kept


def inline(run: str) -> str:
    """A run of body text → safe Markdown, keeping the spaces at its edges."""
    if not run.strip():
        return " " if run else ""
    lead = " " if run[0].isspace() else ""
    trail = " " if run[-1].isspace() else ""
    return lead + md_inline(run) + trail


def mark(item: Marked) -> str:
    """The opening of a marked sentence, kept out of search: the item is found once, as its
    own entry in the list above (issue 12), not a second time in the full text."""
    return (f'<mark class="brief-mark brief-mark-{item.kind}" data-search-exclude'
            f' id="{text_anchor(item.id)}">')


def item_name(item: Marked) -> str:
    """How the page names an item to a screen reader: "recommendation 3", "open question 1"."""
    kind = "open question" if item.kind == "question" else item.kind
    return f"{kind} {item.number}" if item.number else f"the {kind}"


def backlink(item: Marked) -> str:
    """The small link from a marked sentence back to its entry, named for where it goes
    (a page of "↑" links all alike says nothing to a screen reader)."""
    name = f"Back to {item_name(item)}"
    return f'[↑](#{item.id} "{name}"){{ .brief-backlink aria-label="{name}" }}'


def highlight_paragraph(text: str, items: Iterable[Marked]) -> str:
    """One paragraph as Markdown, with every item found in it marked; others untouched."""
    out, pos = [], 0
    for start, end, item in spans(text, items):
        out.append(inline(text[pos:start]))
        out.append(mark(item) + md_inline(text[start:end]) + "</mark>" + backlink(item))
        pos = end
    out.append(inline(text[pos:]))
    return "".join(out).strip()
