"""Long lists → pages of bounded size, so no page of the site grows with the corpus.

A cross-brief list (all recommendations, open questions, ids, briefs by date…) that fits
one page stays one page, as it always was. A longer one becomes an index page at the
list's usual address plus numbered pages under a folder of the same name
(`recommendations.md` → `recommendations/1.md`, `recommendations/2.md`, …), each holding at
most `size` items; a group (an actor, a year) that does not fit continues on the next page
under its own heading again. Pure functions: the templates lay the pages out.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

ITEMS_PER_PAGE = 200
"""Recommendations, questions or ids on one page: ~150 KB of HTML at most."""
BRIEFS_PER_PAGE = 100
"""Briefs on one list page (a brief line is longer than an item line)."""
TAG_ENTRIES_PER_PAGE = 1000
"""Briefs listed on one page of the tags plugin's listing (~190 bytes each)."""


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list: its number, where it is written, and its groups' items on it."""

    number: int
    count: int
    """How many pages the whole list has."""
    path: str
    """The Markdown file under site_src/, e.g. `recommendations/2.md`."""
    groups: tuple[tuple[Any, tuple[Any, ...]], ...]
    """(group, its items on this page), in list order."""

    @property
    def root(self) -> str:
        """The relative path from this page up to the site root ("" or "../" …)."""
        return "../" * self.path.count("/")

    @property
    def items(self) -> int:
        """How many items this page holds."""
        return sum(len(items) for _, items in self.groups)


def cut(groups: Sequence[tuple[Any, Sequence[Any]]], size: int) -> list[list[tuple[Any, list]]]:
    """Groups' items in order, cut every `size` items; a group split by a cut reappears."""
    chunks: list[list[tuple[Any, list]]] = [[]]
    filled = 0
    for group, items in groups:
        for item in items:
            if filled == size:
                chunks.append([])
                filled = 0
            if not chunks[-1] or chunks[-1][-1][0] is not group:
                chunks[-1].append((group, []))
            chunks[-1][-1][1].append(item)
            filled += 1
    return chunks


def paginate(groups: Sequence[tuple[Any, Sequence[Any]]], base: str, size: int,
             folder: str | None = None) -> list[Page]:
    """A grouped list as pages: one page at `base` when it fits, else numbered pages under
    `folder` (default: `base` without `.md`) and `base` left to be the list's index."""
    if size < 1:
        raise ValueError("a page holds at least one item")
    chunks = cut(groups, size)
    folder = folder or base.removesuffix(".md")
    paths = [base] if len(chunks) == 1 else [f"{folder}/{n}.md" for n in range(1, len(chunks) + 1)]
    return [Page(n, len(chunks), path, tuple((g, tuple(items)) for g, items in chunk))
            for n, (path, chunk) in enumerate(zip(paths, chunks), 1)]


def first_pages(pages: Sequence[Page]) -> dict[Any, Page]:
    """Each group → the page where it starts (for an index that links every group)."""
    starts: dict[Any, Page] = {}
    for page in pages:
        for group, _ in page.groups:
            starts.setdefault(group, page)
    return starts


def ranges(pages: Sequence[Page], label: Callable[[Any, Any], str]) -> list[tuple[Page, str, str]]:
    """Each page with the labels of its first and last entry, `label(group, item)`: what
    the index of a paginated list shows for every page."""
    return [(p, label(p.groups[0][0], p.groups[0][1][0]), label(p.groups[-1][0], p.groups[-1][1][-1]))
            for p in pages]


def pack(groups: Sequence[tuple[Any, Sequence[Any]]], base: str, size: int,
         folder: str | None = None) -> list[Page]:
    """Like paginate, but a group is never split (a listing another plugin lays out whole):
    whole groups in order, a page closed when the next group would take it past `size`."""
    chunks: list[list[tuple[Any, tuple]]] = [[]]
    filled = 0
    for group, items in groups:
        if chunks[-1] and filled + len(items) > size:
            chunks.append([])
            filled = 0
        chunks[-1].append((group, tuple(items)))
        filled += len(items)
    folder = folder or base.removesuffix(".md")
    paths = [base] if len(chunks) == 1 else [f"{folder}/{n}.md" for n in range(1, len(chunks) + 1)]
    return [Page(n, len(chunks), path, tuple(chunk))
            for n, (path, chunk) in enumerate(zip(paths, chunks), 1)]


def group_name(group: Any, _item: Any) -> str:
    """A page's entry labelled by its group (an actor, a year, a tag)."""
    return group


def render_pages(template: Any, pages: Sequence[Page], index: str,
                 label: Callable[[Any, Any], str] = group_name, **context: Any) -> dict[str, str]:
    """{path: Markdown} for a list's pages through its Jinja2 template, and its index at
    `index` (`page` None, with `starts` and `ranges`) when it takes more than one page."""
    files = {p.path: template.render(page=p, **context) for p in pages}
    if len(pages) > 1:
        files[index] = template.render(page=None, starts=first_pages(pages),
                                      ranges=ranges(pages, label), **context)
    return files
