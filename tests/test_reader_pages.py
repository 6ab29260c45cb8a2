"""Every page kind as a reader meets it, in a real Chromium (conftest's `chromium`): no
serious or critical axe-core violation in the light and the dark palette, no page wider
than the viewport at 390 and 1280 px, a brief's first key recommendation in sight on
arrival, item controls named for what they do. Screenshots of each page kind at both
widths go to tests/artifacts/ for a person to look at."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_browser import ARTIFACTS, TIMEOUT_MS, Watch, site_briefs

WIDTHS = {"wide": (1280, 900), "phone": (390, 844)}
FIRST_SIGHT = {"wide": 900, "phone": 1300}
"""How far down a brief's first key recommendation may end: within the first screen at
1280 × 900, within 1,300 px (about one and a half screens) on a 390 px phone."""
SCHEMES = {"light": "default", "dark": "slate"}
BLOCKING = {"serious", "critical"}


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind, as a path under the site root (the brief with most items),
    then every other brief: each brings its own text, links and marks."""
    briefs = site_briefs(site)
    brief = max(briefs, key=lambda b: len(b["recommendations"]) + len(b["open_questions"]))
    entity = sorted(p.parent.name for p in (site / "entities").glob("*/index.html"))[0]
    rid = brief["recommendations"][0]["id"]
    kinds = {"home": "", "brief": f"briefs/{brief['slug']}/",
             "recommendations": "recommendations/", "questions": "questions/",
             "entity": f"entities/{entity}/", "ids": "ids/", "short-link": f"r/{rid}/"}
    kinds.update({f"brief {b['slug']}": f"briefs/{b['slug']}/" for b in briefs if b is not brief})
    return kinds


@pytest.fixture
def reader(chromium, request):
    """A page at a width and palette (test parameters `width`, `scheme`), its problems."""
    width, height = WIDTHS[request.getfixturevalue("width")]
    scheme = request.getfixturevalue("scheme")
    context = chromium.new_context(viewport={"width": width, "height": height},
                                   color_scheme=scheme)
    context.set_default_timeout(TIMEOUT_MS)
    watch = Watch()
    context.route("**/*", watch.route)
    page = context.new_page()
    page.on("pageerror", lambda err: watch.problems.append(f"script error: {err}"))
    yield page, watch
    context.close()


REDIRECT = re.compile(r'<meta http-equiv="refresh"[^>]*>|<script>location\.replace\([^<]*</script>')
"""A short page's redirect to its item (tested in test_browser)."""


def held(route) -> None:
    """Serve a short page without its redirect, so axe checks the short page's own HTML."""
    response = route.fetch()
    route.fulfill(response=response, body=REDIRECT.sub("", response.text()))


def open_kind(page, base_url: str, kind: str, path: str) -> None:
    """Go to a page kind and wait until it is settled (a short page held on itself)."""
    if kind == "short-link":
        page.route(base_url + path, held)
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")


def blocking_violations(page) -> list[str]:
    """axe-core's serious and critical violations on the page, one line per element."""
    found = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {', '.join(map(str, node['target']))}"
            for v in found if v["impact"] in BLOCKING for node in v["nodes"]]


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_kind_is_accessible_and_fits(reader, base_url: str, site: Path,
                                                width: str, scheme: str) -> None:
    page, watch = reader
    ARTIFACTS.mkdir(exist_ok=True)
    problems = {}
    for kind, path in page_kinds(site).items():
        open_kind(page, base_url, kind, path)
        assert page.locator("main").count() == 1, kind  # the page itself, not an error page
        if kind != "short-link":  # the short page is plain HTML, without the theme's palettes
            assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        clipped = page.evaluate("""[...document.querySelectorAll('.md-typeset__scrollwrap')]
            .filter(w => w.scrollWidth > w.clientWidth + 1).length""") if width == "wide" else 0
        violations = blocking_violations(page)
        if violations or overflow > 0 or clipped:
            problems[kind] = {"wider by px": overflow, "tables clipped": clipped,
                              "axe": violations[:10]}
        if " " not in kind:  # one screenshot per page kind
            page.screenshot(path=str(ARTIFACTS / f"{kind}-{WIDTHS[width][0]}-{scheme}.png"))
    assert not problems
    assert not watch.problems


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("scheme", ["light"])
def test_first_key_recommendation_is_in_sight(reader, base_url: str, site: Path,
                                              width: str, scheme: str) -> None:
    page, watch = reader
    late = []
    for brief in site_briefs(site):
        if not brief["recommendations"]:
            continue
        page.goto(f"{base_url}briefs/{brief['slug']}/")
        first = page.locator("#recommendations ~ h4.brief-item").first
        bottom = first.evaluate("e => e.getBoundingClientRect().bottom + window.scrollY")
        if bottom > FIRST_SIGHT[width]:
            late.append((brief["slug"], round(bottom)))
    assert not late
    assert not watch.problems


@pytest.mark.parametrize("width", ["wide"])
@pytest.mark.parametrize("scheme", ["light"])
def test_brief_controls_say_what_they_do(reader, base_url: str, site: Path,
                                         width: str, scheme: str) -> None:
    page, watch = reader
    brief = max(site_briefs(site), key=lambda b: len(b["recommendations"]))
    page.goto(f"{base_url}briefs/{brief['slug']}/")
    article = page.locator("article")
    article.locator("[data-permalink-id]").first.wait_for(state="visible")
    names = Counter(page.evaluate("""a => [...a.querySelectorAll('a:not(.headerlink), button')]
        .filter(e => e.checkVisibility())
        .map(e => (e.getAttribute('aria-label') || e.textContent).trim())""",
                                  article.element_handle()))
    repeated = {name: n for name, n in names.items() if n > 1}
    assert not repeated
    items = len(brief["recommendations"]) + len(brief["open_questions"])
    assert sum(n.startswith("Copy ") for n in names) == 2 * items  # one pair per item
    # Recommendations are h4 under one h3 per actor: heading navigation by h3 stays short.
    assert article.locator("h4.brief-recommendation").count() == len(brief["recommendations"])
    actors = {r["actor"] or "No named actor" for r in brief["recommendations"]}
    assert article.locator("h3.brief-actor").count() <= 2 * len(actors)
    assert not watch.problems


@pytest.mark.parametrize("width", ["wide"])
@pytest.mark.parametrize("scheme", ["light"])
def test_a_brief_leads_to_others(reader, base_url: str, site: Path, width: str,
                                 scheme: str) -> None:
    page, watch = reader
    briefs = site_briefs(site)
    page.goto(f"{base_url}briefs/{briefs[0]['slug']}/")
    article = page.locator("article")
    article.locator(".brief-path a", has_text="All briefs").click()
    page.wait_for_url(base_url)
    footer = page.locator("footer").get_by_role("link", name="Permanent ids")
    assert page.locator("nav.md-nav").get_by_role("link", name="Permanent ids").count() == 0
    footer.click()
    page.wait_for_url(re.compile(re.escape(base_url) + "ids/$"))
    if len(briefs) > 1:
        page.goto(f"{base_url}briefs/{briefs[0]['slug']}/")
        pager = article.locator(".brief-pager a")
        assert pager.count() >= 1
        assert all(re.match(r"^(← Newer|Older) brief: ", t) for t in pager.all_inner_texts())
    assert not watch.problems


LONG_TITLE = ("Harbour Walls and Tide Gauges: Why the Coastal Councils Should Pool Their Flood "
              "Budgets Before the Next Winter Storms Arrive")
"""An invented headline of 120 characters, as long as the longest the dev corpus has."""


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("scheme", ["light"])
def test_a_long_title_stays_a_headline(reader, base_url: str, site: Path, width: str,
                                       scheme: str) -> None:
    # A brief's title at the theme's 2em took four lines of a phone and three of a wide
    # screen, and pushed the first key recommendation out of sight.
    page, watch = reader
    page.goto(f"{base_url}briefs/{site_briefs(site)[0]['slug']}/")
    title = page.locator("article h1")
    title.evaluate("(h, text) => { h.firstChild.textContent = text }", LONG_TITLE)
    height, size, body = title.evaluate("""h => [h.getBoundingClientRect().height,
        parseFloat(getComputedStyle(h).fontSize),
        parseFloat(getComputedStyle(h.nextElementSibling).fontSize)]""")
    assert size <= 1.6 * body
    assert height <= {"wide": 100, "phone": 150}[width]
    assert not watch.problems


@pytest.mark.parametrize("width", ["phone"])
@pytest.mark.parametrize("scheme", ["light"])
def test_a_table_of_counts_fits_a_phone(reader, base_url: str, width: str, scheme: str) -> None:
    # Each count column took the theme's 5rem minimum: must, should and could pushed the
    # last one out of a 390 px screen.
    page, watch = reader
    page.goto(f"{base_url}recommendations/")
    wrap = page.locator("article .md-typeset__scrollwrap").first
    assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth + 1")
    assert not watch.problems


@pytest.mark.parametrize("width", ["phone"])
@pytest.mark.parametrize("scheme", ["light"])
def test_brief_titles_on_the_home_page_read_on_a_phone(reader, base_url: str, width: str,
                                                       scheme: str) -> None:
    # The home page's six columns shared 358 px: a long title wrapped a word a line.
    page, watch = reader
    page.goto(base_url)
    link = page.locator("article table td:first-child > a").first
    link.evaluate("(a, text) => { a.textContent = text }", LONG_TITLE)
    assert link.evaluate("a => a.parentElement.getBoundingClientRect().width") >= 150
    assert not watch.problems


@pytest.mark.parametrize("width", ["wide"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_link_in_a_marked_sentence_is_readable(reader, base_url: str, site: Path,
                                                 width: str, scheme: str) -> None:
    # The dark palette's link blue on a recommendation's amber mark was below 4.5:1.
    page, watch = reader
    page.goto(f"{base_url}briefs/{site_briefs(site)[0]['slug']}/")
    page.locator("#full-text").evaluate("""h => h.insertAdjacentHTML('afterend',
        '<p><mark class="brief-mark brief-mark-recommendation">The harbour board '
        + 'should publish <a id="invented" href="#full-text">its tide tables</a> every spring.'
        + '</mark></p>')""")
    assert not [v for v in blocking_violations(page) if "#invented" in v or "#at-" in v]
    assert not watch.problems
