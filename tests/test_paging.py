"""Long lists cut into pages (publishing/pages.py), and which search a site gets
(publishing/search.py)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.publishing.pages import first_pages, pack, paginate, ranges
from generator.publishing.search import choose_engine, excluded, pagefind_body


def test_a_list_that_fits_stays_one_page_at_its_address() -> None:
    pages = paginate([("a", [1, 2]), ("b", [3])], "recommendations.md", 3)
    assert [(p.path, p.number, p.count, p.root) for p in pages] == [("recommendations.md", 1, 1, "")]
    assert pages[0].groups == (("a", (1, 2)), ("b", (3,)))


def test_a_long_list_becomes_numbered_pages_and_a_group_continues() -> None:
    pages = paginate([("a", [1, 2, 3]), ("b", [4, 5])], "by-date.md", 2)
    assert [p.path for p in pages] == ["by-date/1.md", "by-date/2.md", "by-date/3.md"]
    assert [p.groups for p in pages] == [(("a", (1, 2)),), (("a", (3,)), ("b", (4,))), (("b", (5,)),)]
    assert {p.root for p in pages} == {"../"}
    assert {g: p.number for g, p in first_pages(pages).items()} == {"a": 1, "b": 2}
    assert [(p.number, first, last) for p, first, last in ranges(pages, lambda g, _: g)] == [
        (1, "a", "a"), (2, "a", "b"), (3, "b", "b")]


def test_pages_of_an_index_page_go_to_the_folder_given() -> None:
    pages = paginate([("People", list(range(5)))], "entities/index.md", 2, "entities/all")
    assert [p.path for p in pages] == ["entities/all/1.md", "entities/all/2.md", "entities/all/3.md"]
    assert pages[0].root == "../../"


def test_packing_keeps_each_group_whole() -> None:
    pages = pack([("a", [1, 2]), ("b", [3, 4, 5, 6]), ("c", [7]), ("d", [8])], "tags.md", 3)
    assert [p.path for p in pages] == ["tags/1.md", "tags/2.md", "tags/3.md"]
    assert [[g for g, _ in p.groups] for p in pages] == [["a"], ["b"], ["c", "d"]]
    assert [p.path for p in pack([("a", [1])], "tags.md", 3)] == ["tags.md"]


def test_no_items_is_one_empty_page() -> None:
    assert paginate([], "questions.md", 10)[0].groups == ()
    with pytest.raises(ValueError):
        paginate([], "questions.md", 0)


@given(st.lists(st.integers(0, 30), max_size=12), st.integers(1, 25))
def test_every_item_on_exactly_one_page_in_order_none_over_size(sizes: list[int], size: int) -> None:
    groups = [(f"g{i}", list(range(n))) for i, n in enumerate(sizes)]
    pages = paginate(groups, "list.md", size)
    assert [(g, i) for p in pages for g, items in p.groups for i in items] == [
        (g, i) for g, items in groups for i in items]
    assert all(p.items <= size for p in pages) and all(p.items for p in pages[1:])
    assert len(pages) == max(1, -(-sum(sizes) // size))


@pytest.mark.parametrize("option, seeds, offline, expected", [
    ("auto", 199, False, "material"), ("auto", 200, False, "pagefind"),
    ("pagefind", 2, False, "pagefind"), ("material", 5000, False, "material"),
    ("pagefind", 2, True, "material"), ("auto", 5000, True, "material"),  # from disk: Material
])
def test_search_engine_choice(option: str, seeds: int, offline: bool, expected: str) -> None:
    assert choose_engine(option, seeds, offline) == expected


def test_pagefind_indexes_what_material_indexes() -> None:
    assert pagefind_body("<p>x</p>", {}) == "<div data-pagefind-body><p>x</p></div>"
    assert pagefind_body("<p>x</p>", {"search": {"exclude": True}}) == "<p>x</p>"
    assert excluded({"search": {"exclude": True}}) and not excluded({"search": "exclude"})
