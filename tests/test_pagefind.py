"""Pagefind search (`search: pagefind`) in a real Chromium: the header's search box finds a
recommendation by its words and lands on its anchor, fetching only a little.

The site is the repo's seeds built with BRIEFS_SEARCH=pagefind and served on 127.0.0.1.
The bytes a first search fetches are printed (run with -s to see them): what a reader
downloads for one query, which Material's search makes the whole index.
"""
from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from generator.publishing.shortlinks import SHORT_DIR
from siteproject import build_copy
from conftest import QuietHandler
from test_browser import (TIMEOUT_MS, Watch, expect_item_in_view, first_items, points_at,
                          search_words)

FIRST_SEARCH_BUDGET = 400_000
"""Bytes a first search may fetch (issue 11), for a small site well under it."""


def search(page, sentence: str):
    """Type words of `sentence` into the open search box; the first heading result once
    the results are those of the whole query."""
    query = " ".join(search_words(sentence))
    page.locator("#briefs-search-input").press_sequentially(query)
    page.locator(".briefs-search__status", has_text=f"“{query}”").wait_for()
    return page.locator(".briefs-search__heading a").first


@pytest.fixture(scope="module")
def pagefind_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The seeds' site with Pagefind search, served on a free port of 127.0.0.1."""
    dest = tmp_path_factory.mktemp("pagefind")
    handler = functools.partial(QuietHandler, directory=str(dest / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    site = build_copy(dest, SITE_URL=base, BRIEFS_SEARCH="pagefind")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base, site
    server.shutdown()
    server.server_close()


@pytest.fixture
def browser_page(chromium) -> Iterator[tuple[object, Watch]]:
    """A fresh page (own context) that records problems."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    watch = Watch()
    context.route("**/*", watch.route)
    page = context.new_page()
    page.on("console", watch.console)
    page.on("pageerror", lambda err: watch.problems.append(f"script error: {err}"))
    yield page, watch
    context.close()


def test_short_link_pages_are_not_read_by_pagefind() -> None:
    assert SHORT_DIR == "r"  # search.PAGES leaves out r/ by this name


def test_pagefind_site_has_no_material_index(pagefind_served: tuple[str, Path]) -> None:
    _, site = pagefind_served
    assert not (site / "search" / "search_index.json").exists()
    assert (site / "pagefind" / "pagefind.js").is_file()
    brief = next((site / "briefs").glob("*/index.html")).read_text("utf-8")
    assert "data-pagefind-body" in brief and "pagefind-search.js" in brief
    assert "data-pagefind-body" not in (site / "ids" / "index.html").read_text("utf-8")


@pytest.mark.parametrize("n", [0, 1])
def test_pagefind_search_lands_on_the_recommendation(browser_page, pagefind_served, n: int) -> None:
    page, watch = browser_page
    base_url, site = pagefind_served
    brief, rec = first_items(site)[n]
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    fetched: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: fetched.append((r.url, len(r.response().body()))))
    page.get_by_role("button", name="Search", exact=True).click()
    first = search(page, rec["text"])
    assert points_at(first.get_attribute("href"), f"briefs/{brief['slug']}/", rec["id"])
    total = sum(size for _, size in fetched)
    print(f"\nfirst Pagefind search fetched {total:,} bytes in {len(fetched)} responses: "
          + ", ".join(f"{urlsplit(u).path.rsplit('/', 1)[-1]} {s:,}" for u, s in fetched))
    assert all("/pagefind/" in urlsplit(u).path for u, _ in fetched)
    assert total < FIRST_SEARCH_BUDGET
    first.click()
    page.wait_for_url(re.compile(re.escape(f"briefs/{brief['slug']}/") + r".*#" + rec["id"] + "$"))
    expect_item_in_view(page, rec["id"])
    assert not watch.problems


def test_pagefind_lists_a_recommendation_once(browser_page, pagefind_served) -> None:
    page, watch = browser_page
    base_url, site = pagefind_served
    brief, rec = first_items(site)[0]
    page.goto(base_url)
    page.keyboard.press("/")
    search(page, rec["text"])
    hrefs = page.locator(".briefs-search__results a").evaluate_all("as => as.map(a => a.href)")
    assert sum(urlsplit(h).fragment == rec["id"] for h in hrefs) == 1
    assert not [h for h in hrefs if "/briefs/" not in h and "/entities/" not in h
                and "/recommendations/" not in h]
    assert not watch.problems
