"""The built site in a real browser: Debian's headless Chromium driven by Playwright.

The site is built once per session for a free port of 127.0.0.1 and served there
(conftest's `served`; the offline copy, conftest's `offline_site`, is opened from disk).
Every request to another host is refused and counted as a failure. Without
/usr/bin/chromium these tests fail, never skip (conftest's `chromium`; `make test` installs it).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

ARTIFACTS = Path(__file__).parent / "artifacts"
TIMEOUT_MS = 15_000
STOP_WORDS = set("""able about across after almost also among because been cannot could dear
does either else ever every from have hers however into just least like likely might most
must neither often only other rather said says should since some than that their them then
there these they this twas wants were what when where which while whom will with would your
""".split())
"""lunr's English stop words of four letters or more (search drops them from a query)."""


class Watch:
    """What went wrong on a page: console errors, script errors, requests to other hosts."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console: {message.text} ({message.location.get('url')})")

    def route(self, route) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in ("http", "https") and url.hostname != "127.0.0.1":
            self.problems.append(f"request to another host: {route.request.url}")
            route.abort()
        else:
            route.continue_()


@pytest.fixture
def page(chromium) -> Iterator[tuple[object, Watch]]:
    """A fresh page (own context) whose problems the test checks at the end."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    watch = Watch()
    context.route("**/*", watch.route)
    page = context.new_page()
    page.on("console", watch.console)
    page.on("pageerror", lambda err: watch.problems.append(f"script error: {err}"))
    yield page, watch
    context.close()


def site_briefs(site: Path) -> list[dict]:
    """The briefs the site was built from, read from its own export."""
    return json.loads((site / "briefs.json").read_text("utf-8"))["briefs"]


def first_items(site: Path) -> list[tuple[dict, dict]]:
    """The first recommendation of each brief that has one."""
    return [(b, b["recommendations"][0]) for b in site_briefs(site) if b["recommendations"]]


FEWEST_SEARCH_WORDS = 3
"""An item is looked for by its words when it has this many that search keeps: "It should
be fun too." has none, and "We don't know what we don't know" only "know", which any page
may hold (lunr drops short and common words)."""


def search_words(text: str, count: int = 6) -> list[str]:
    """A run of words from the middle of a sentence, as a reader would remember them
    (no stop words, which search ignores)."""
    words = [w for w in re.findall(r"[A-Za-z]{4,}", text) if w.lower() not in STOP_WORDS]
    start = max(0, (len(words) - count) // 2)
    return words[start:start + count]


def best_section(page):
    """The best section among the search results: Material lists each matching page first
    (a link to its top), then its sections best first, so the first link with a #."""
    return page.locator('.md-search-result__list a.md-search-result__link[href*="#"]').first


def search(page, sentence: str):
    """Type words of `sentence` into the search box; the best section's result link once
    the results are those of the whole query (its last word highlighted in the link)."""
    words = search_words(sentence)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(" ".join(words))
    last = words[-1].lower()
    page.wait_for_function(
        """last => [...document.querySelectorAll('.md-search-result__link[href*="#"]')]
                   .some(a => new URL(a.href).searchParams.get('h')?.split(' ').includes(last))""",
        arg=last)
    return best_section(page)


def shared_search(page, base_url: str, sentence: str):
    """Open the site with a shared search link (?q=…); the best section's result link."""
    page.goto(base_url + "?q=" + quote(" ".join(search_words(sentence))))
    best_section(page).wait_for(state="attached")
    return best_section(page)


def points_at(href: str, path: str, item_id: str) -> bool:
    """True when a link goes to `path` (its end) and the item's anchor, whatever its query."""
    url = urlsplit(href)
    return url.path.endswith(path) and url.fragment == item_id


def expect_item_in_view(page, item_id: str) -> None:
    from playwright.sync_api import expect
    heading = page.locator(f'[id="{item_id}"]')
    expect(heading).to_be_visible()
    expect(heading).to_be_in_viewport()


@pytest.mark.parametrize("n", [0, 1])
def test_search_lands_on_the_recommendation(page, base_url: str, site: Path, n: int) -> None:
    page, watch = page
    items = first_items(site)
    assert len(items) > n, "fewer briefs with recommendations than cases"
    brief, rec = items[n]
    page.goto(base_url)
    first = search(page, rec["text"])
    assert points_at(first.get_attribute("href"), f"briefs/{brief['slug']}/", rec["id"])
    first.click()
    page.wait_for_url(re.compile(re.escape(f"briefs/{brief['slug']}/") + r".*#" + rec["id"] + "$"))
    expect_item_in_view(page, rec["id"])
    from playwright.sync_api import expect
    expect(page.locator(f'[id="{rec["id"]}"] mark[data-md-highlight]').first).to_be_visible()
    assert not watch.problems


def test_every_item_is_the_best_search_result_for_its_words(page, base_url: str,
                                                           site: Path) -> None:
    page, watch = page
    missed = []
    for brief in site_briefs(site):
        for item in brief["recommendations"] + brief["open_questions"]:
            if len(search_words(item["text"])) < FEWEST_SEARCH_WORDS:
                continue
            href = shared_search(page, base_url, item["text"]).get_attribute("href")
            if not points_at(href, f"briefs/{brief['slug']}/", item["id"]):
                missed.append((item["text"], href))
    assert not missed
    assert not watch.problems


def test_short_link_lands_on_the_item(page, base_url: str, site: Path) -> None:
    # Contract with the ids work: r/<id>/index.html sends the reader to briefs/<slug>/#<id>.
    assert (site / "r").is_dir(), "no r/ short pages in this build"
    page, watch = page
    brief, rec = first_items(site)[0]
    page.goto(f"{base_url}r/{rec['id']}/")
    page.wait_for_url(f"{base_url}briefs/{brief['slug']}/#{rec['id']}")
    expect_item_in_view(page, rec["id"])
    assert not watch.problems


def test_copy_link_copies_a_short_link_that_works(page, base_url: str, site: Path) -> None:
    # Contract with the ids work: a [data-permalink-copy=link] button inside the item's
    # [data-permalink-id] box puts <site>/r/<id>/ on the clipboard.
    page, watch = page
    brief, rec = first_items(site)[0]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page.goto(f"{base_url}briefs/{brief['slug']}/")
    button = page.locator(f'[data-permalink-id="{rec["id"]}"] [data-permalink-copy="link"]')
    assert button.count(), "no copy-link button on the item"
    button.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{base_url}r/{rec['id']}/"
    page.goto(copied)
    page.wait_for_url(f"{base_url}briefs/{brief['slug']}/#{rec['id']}")
    expect_item_in_view(page, rec["id"])
    assert not watch.problems


def test_entity_page_leads_to_a_brief(page, base_url: str) -> None:
    page, watch = page
    page.goto(base_url)
    page.evaluate("window.sameDocument = true")  # survives instant navigation, not a reload
    page.locator("article").get_by_role("link", name="people, organizations and places").click()
    page.wait_for_url(f"{base_url}entities/")
    # Instant navigation changes the address before it swaps the content: wait for the page.
    from playwright.sync_api import expect
    expect(page.locator("article h1")).to_have_text(re.compile("^People, organizations and places"))
    entity_link = page.locator("article li a").first
    name = entity_link.inner_text()
    entity_link.click()
    page.wait_for_url(re.compile(re.escape(base_url) + r"entities/[^/]+/$"))
    expect(page.locator("article h1")).to_have_text(re.compile("^" + re.escape(name)))
    brief_link = page.locator("article #briefs + ul a").first
    title = brief_link.inner_text()
    brief_link.click()
    page.wait_for_url(re.compile(re.escape(base_url) + r"briefs/[^/]+/#entities$"))
    expect(page.locator("article h1")).to_have_text(re.compile("^" + re.escape(title)))
    assert page.evaluate("window.sameDocument === true"), "instant navigation is off"
    assert not watch.problems


def test_no_page_has_console_errors_or_asks_another_host(page, base_url: str, site: Path) -> None:
    page, watch = page
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html")
                   if not p.relative_to(site).as_posix().startswith("r/"))
    assert len(pages) > 5
    for rel in pages:
        page.goto(base_url + rel.removesuffix("index.html"))
        page.wait_for_load_state("networkidle")
    assert not watch.problems


def test_offline_copy_works_opened_from_disk(page, offline_site: Path) -> None:
    page, watch = page
    page.goto((offline_site / "index.html").as_uri())
    first = site_briefs(offline_site)[0]
    page.locator(f'article a[href="briefs/{first["slug"]}.html"]').first.click()
    page.wait_for_url(re.compile(r"briefs/" + re.escape(first["slug"]) + r"\.html$"))
    rec = first["recommendations"][0]
    result = search(page, rec["text"])
    assert points_at(result.get_attribute("href"), f"briefs/{first['slug']}.html", rec["id"])
    if (offline_site / "r").is_dir():  # a short link, opened from disk too
        page.goto((offline_site / "r" / rec["id"] / "index.html").as_uri())
        page.wait_for_url(re.compile(re.escape(f"briefs/{first['slug']}.html#{rec['id']}") + "$"))
    assert not watch.problems


def test_brief_page_screenshots_and_print_layout(page, base_url: str, site: Path) -> None:
    page, watch = page
    ARTIFACTS.mkdir(exist_ok=True)
    brief = max(site_briefs(site), key=lambda b: len(b["recommendations"]))
    page.goto(f"{base_url}briefs/{brief['slug']}/")
    from playwright.sync_api import expect
    marks = page.locator("mark.brief-mark")
    expect(marks.first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "brief.png"), full_page=True)
    page.locator('[data-md-component="palette"] label:visible').first.click()  # to dark
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.screenshot(path=str(ARTIFACTS / "brief-dark.png"))
    page.emulate_media(media="print")
    for furniture in (".md-header", ".md-sidebar--primary", ".md-footer"):
        expect(page.locator(furniture).first).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "brief-print.png"), full_page=True)
    assert (ARTIFACTS / "brief.png").stat().st_size > 10_000
    assert not watch.problems
