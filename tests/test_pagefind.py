"""Pagefind search (`search: pagefind`) in a real Chromium: the header's search box finds a
recommendation by its words and lands on its anchor, fetching only a little.

The site is the repo's seeds built with BRIEFS_SEARCH=pagefind and served on 127.0.0.1.
The bytes a first search fetches are printed (run with -s to see them): what a reader
downloads for one query, which Material's search makes the whole index.
"""
from __future__ import annotations

import contextlib
import functools
import json
import re
import threading
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from generator.publishing.search import OUTPUT, PARTS_FILE, bundles, run_pagefind
from siteproject import build_copy, copy_project, mkdocs_build
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


@contextlib.contextmanager
def serving(site: Path, build: Callable[[str], Path]) -> Iterator[tuple[str, Path]]:
    """`build(address)` with `site` served on a free port of 127.0.0.1; the address and the
    site it built, while the tests use them."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    built = build(base)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield base, built
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def pagefind_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The seeds' site with Pagefind search, served on a free port of 127.0.0.1."""
    dest = tmp_path_factory.mktemp("pagefind")
    with serving(dest / "site", lambda base: build_copy(dest, SITE_URL=base, BRIEFS_SEARCH="pagefind")) as served:
        yield served


@pytest.fixture(scope="module")
def pagefind_parts_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The seeds' site indexed one page per part (a big site's layout, in small), served."""
    project = copy_project(tmp_path_factory.mktemp("pagefind-parts"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "      search: !ENV [BRIEFS_SEARCH, auto]\n",
        "      search: pagefind\n      pagefind_bundle_pages: 1\n"), "utf-8")

    def build(base: str) -> Path:
        result = mkdocs_build(project, "--strict", SITE_URL=base)
        assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
        return project / "site"
    with serving(project / "site", build) as served:
        yield served


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


@given(st.lists(st.text(min_size=1), unique=True, max_size=40), st.integers(1, 7))
def test_bundles_take_each_page_once(pages: list[str], per_bundle: int) -> None:
    parts = bundles(pages, per_bundle)
    assert sorted(p for _, chunk in parts for p in chunk) == sorted(pages)
    assert all(len(chunk) <= per_bundle for _, chunk in parts)
    assert len(parts) == max(1, -(-len(pages) // per_bundle))  # as few as hold them
    sizes = [len(chunk) for _, chunk in parts]
    assert max(sizes) - min(sizes) <= 1  # even: no run holds more than it must
    assert [out for out, _ in parts] == [OUTPUT] + [f"{OUTPUT}/part-{n}" for n in range(1, len(parts))]


def test_pagefind_reads_only_the_pages_given_in_parts(tmp_path: Path) -> None:
    page = "<html lang='en'><body><div data-pagefind-body><h1 id='t'>{}</h1><p>{}</p></div></body></html>"
    given_pages = ["index.html", "a/index.html", "odd {x},[1]/index.html"]
    for rel in [*given_pages, "r/abc123/index.html"]:  # a short-link page, not given
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(page.format(rel, "harbour dredging contracts"), "utf-8")
    assert run_pagefind(tmp_path, given_pages, per_bundle=2) == "1 + 2 pages indexed in 2 run(s)"
    bundle = tmp_path / OUTPUT
    assert json.loads((bundle / PARTS_FILE).read_text("utf-8")) == ["part-1/"]
    counts = [json.loads((b / "pagefind-entry.json").read_text("utf-8"))["languages"]["en"]["page_count"]
              for b in (bundle, bundle / "part-1")]
    assert counts == [1, 2]


def test_pagefind_site_has_no_material_index(pagefind_served: tuple[str, Path]) -> None:
    _, site = pagefind_served
    assert not (site / "search" / "search_index.json").exists()
    assert (site / "pagefind" / "pagefind.js").is_file()
    brief = next((site / "briefs").glob("*/index.html")).read_text("utf-8")
    assert "data-pagefind-body" in brief and "pagefind-search.js" in brief
    assert "data-pagefind-body" not in (site / "ids" / "index.html").read_text("utf-8")
    assert json.loads((site / "pagefind" / PARTS_FILE).read_text("utf-8")) == []  # one bundle


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


def test_pagefind_in_parts_finds_a_recommendation_of_a_later_part(browser_page, pagefind_parts_served) -> None:
    page, watch = browser_page
    base_url, site = pagefind_parts_served
    parts = json.loads((site / "pagefind" / PARTS_FILE).read_text("utf-8"))
    assert len(parts) >= 2
    brief, rec = first_items(site)[1]  # the second brief page: in part-1, not the first bundle
    page.goto(base_url)
    page.get_by_role("button", name="Search", exact=True).click()
    first = search(page, rec["text"])
    assert points_at(first.get_attribute("href"), f"briefs/{brief['slug']}/", rec["id"])
    hrefs = page.locator(".briefs-search__results a").evaluate_all("as => as.map(a => a.href)")
    assert sum(urlsplit(h).fragment == rec["id"] for h in hrefs) == 1
    assert not watch.problems
