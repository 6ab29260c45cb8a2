"""Whole builds: every short link the site ever published keeps working as seeds change.

A copy of the project is built, then its seeds are edited, reordered, renamed and removed,
one rebuild after each; after every rebuild each id published so far must still have its
`r/<id>/` page, leading to the right (possibly edited) text or saying it was removed.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from functools import partial
from html import unescape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.build import Paths, build
from generator.identity.anchors import normalize
from generator.identity.registry import load_registry
from siteproject import copy_project

OP_ED = "000_eee4ee638b1a7a62.txt"
WEB_PAGE = "003_c6e6deed5639b5a6.txt"


def typo(seeds: Path) -> str:
    """Misspell one word of a recommendation in the op-ed; returns the edited words."""
    path = seeds / OP_ED
    raw = path.read_text("utf-8")
    sentence = "The U.S. should give Kadhimi political space to consolidate his control"
    path.write_text(raw.replace(sentence, sentence.replace("political", "politcal")), "utf-8")
    return sentence.replace("political", "politcal")


def swap_paragraphs(seeds: Path) -> None:
    """Swap the two longest paragraphs of the web page seed."""
    path = seeds / WEB_PAGE
    paras = path.read_text("utf-8").split("\n\n")
    a, b = sorted(range(len(paras)), key=lambda i: -len(paras[i]))[:2]
    paras[a], paras[b] = paras[b], paras[a]
    path.write_text("\n\n".join(paras), "utf-8")


def rename(seeds: Path) -> None:
    """Give the op-ed seed another file name."""
    (seeds / OP_ED).rename(seeds / "renamed-op-ed.txt")


def remove(seeds: Path) -> None:
    """Delete the web page seed: its ids must say their item was removed."""
    (seeds / WEB_PAGE).unlink()


EDITS = [("typo", typo), ("reorder", swap_paragraphs), ("rename", rename), ("remove", remove)]


def short_page(project: Path, rid: str) -> str:
    """The text of an id's short page, entities decoded."""
    return unescape((project / "site_src" / "r" / rid / "index.html").read_text("utf-8"))


def check_every_published_id(project: Path, expected: dict[str, str]) -> None:
    """Each id ever published has a page that leads to its text or says it was removed."""
    records = {r.id: r for r in load_registry(project / "ids.lock.json")}
    assert expected.keys() <= records.keys()
    for rid, text in expected.items():
        page, record = short_page(project, rid), records[rid]
        assert normalize(text) in normalize(page), rid
        brief_md = project / "site_src" / "briefs" / f"{record.slug}.md"
        if record.removed:
            assert "was removed" in page and "http-equiv" not in page
        else:
            assert f'url=../../briefs/{record.slug}/#{rid}"' in page
            assert f"{{ #{rid} " in brief_md.read_text("utf-8")


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, dict, tuple]]:
    """A copy of the project after each edit and rebuild: (folder, every id published so
    far → its last text, the build's id notes)."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    snapshots = tmp_path_factory.mktemp("after")
    paths = Paths.under(project)
    expected: dict[str, str] = {}
    steps = []
    for name, change in [("first build", lambda seeds: None), *EDITS]:
        edited = change(paths.seeds)
        report = build(paths)
        for r in load_registry(project / "ids.lock.json"):
            if r.id not in expected or (edited and normalize(edited) in normalize(r.text)):
                expected[r.id] = r.text
        steps.append((shutil.copytree(project, snapshots / name), dict(expected), report.notes))
    return steps


@pytest.mark.parametrize("step", range(len(EDITS) + 1),
                         ids=["first build", *(name for name, _ in EDITS)])
def test_every_published_short_link_still_works(history, step):
    project, expected, _ = history[step]
    check_every_published_id(project, expected)


def test_edits_keep_ids_and_removal_is_reported(history):
    assert history[0][1].keys() <= history[-1][1].keys()
    typo_notes = history[1][2]
    assert len(typo_notes) == 1 and "re-anchored after an edit" in typo_notes[0]
    assert "politcal" in typo_notes[0]
    project, _, remove_notes = history[-1]
    records = load_registry(project / "ids.lock.json")
    removed = {r.id for r in records if r.removed}
    assert removed == {r.id for r in load_registry(history[0][0] / "ids.lock.json")
                       if r.source_file.endswith(WEB_PAGE)}
    assert all(any(f"{rid} not found again" in n for n in remove_notes) for rid in removed)
    assert all(r.source_file.endswith("renamed-op-ed.txt") for r in records if not r.removed)


def test_id_page_lists_every_published_id(history):
    project, expected, _ = history[-1]
    index = (project / "site_src" / "ids.md").read_text("utf-8")
    assert all(f"[`{rid}`](r/{rid}/index.html)" in index for rid in expected)


def test_rebuilding_changes_nothing(history):
    project = history[-1][0]
    before = (project / "ids.lock.json").read_bytes()
    assert build(Paths.under(project)).changed == ()
    assert (project / "ids.lock.json").read_bytes() == before


def extract(project: Path, *args: str) -> dict:
    """`python -m generator extract` in `project`, as the scorer runs it."""
    done = subprocess.run([sys.executable, "-m", "generator", "extract", *args], cwd=project,
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout)


def test_extract_reads_the_site_registry_and_writes_only_with_ids(tmp_path):
    project = copy_project(tmp_path)
    build(Paths.under(project))
    registry = project / "ids.lock.json"
    before = registry.read_bytes()
    known = {r.text: r.id for r in load_registry(registry)}
    seed = f"seeds/{WEB_PAGE}"
    brief = extract(project, seed)
    assert {r["text"]: r["id"] for r in brief["recommendations"]}.items() <= known.items()
    assert registry.read_bytes() == before
    extract(project, seed, "--ids", "other.json")
    assert {r.id for r in load_registry(project / "other.json")} == {
        i["id"] for i in brief["recommendations"] + brief["open_questions"]}


@pytest.mark.parametrize("command", [["build"], ["extract", f"seeds/{WEB_PAGE}"]])
def test_a_broken_registry_stops_with_one_line_and_is_left_alone(tmp_path, command):
    project = copy_project(tmp_path)
    (project / "ids.lock.json").write_text('{"schema": "ids/1", "ids": [', "utf-8")
    done = subprocess.run([sys.executable, "-m", "generator", *command], cwd=project,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and done.stdout == ""
    assert "ids.lock.json:1: id registry is not valid JSON" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert (project / "ids.lock.json").read_text("utf-8") == '{"schema": "ids/1", "ids": ['
    assert not (project / "site_src" / "r").exists()


class QuietHandler(SimpleHTTPRequestHandler):
    """A static file server that keeps the test output clean."""

    def log_message(self, *args) -> None:
        """No access log."""


def mkdocs_build(project: Path, site_dir: Path, site_url: str | None) -> None:
    """`mkdocs build --strict` of `project` into `site_dir`, with or without site_url."""
    config = project / ("mkdocs.yml" if site_url is None else "mkdocs-url.yml")
    if site_url:
        config.write_text((project / "mkdocs.yml").read_text("utf-8") + f"site_url: {site_url}\n")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                           "--site-dir", str(site_dir)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def served(history, tmp_path_factory):
    """The last site built twice and served from sub-paths: {"url": base with site_url,
    "plain": base without}."""
    project = history[-1][0]
    www = tmp_path_factory.mktemp("www")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(www)))
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    bases = {"url": f"{origin}/sub/site/", "plain": f"{origin}/plain/"}
    mkdocs_build(project, www / "sub" / "site", bases["url"])
    mkdocs_build(project, www / "plain", None)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {**bases, "dir": www, "origin": origin}
    server.shutdown()


def test_mkdocs_publishes_short_pages_of_removed_items(history, served):
    expected = history[-1][1]
    for site in (served["dir"] / "sub" / "site", served["dir"] / "plain"):
        assert all((site / "r" / rid / "index.html").is_file() for rid in expected)
        assert (site / "assets" / "permalinks.js").is_file()
        assert "copy link" not in (site / "search" / "search_index.json").read_text("utf-8")


@pytest.fixture(scope="module")
def browser(served, chromium):
    """A headless Chromium context allowed to use the clipboard of the test server."""
    context = chromium.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served["origin"])
    yield context
    context.close()


@pytest.mark.parametrize("variant", ["url", "plain"], ids=["with site_url", "without site_url"])
def test_copy_buttons_give_the_absolute_short_url(history, served, browser, variant):
    base = served[variant]
    page = browser.new_page()
    page.goto(base)
    page.evaluate("window.sameDocument = true")
    page.click("a[href*='briefs/']")
    page.wait_for_url("**/briefs/**")
    box = page.locator("[data-permalink-id]").first
    box.wait_for(state="visible")
    # Material's instant navigation (it needs site_url) keeps the document: document$ path
    assert page.evaluate("window.sameDocument === true") == (variant == "url")
    rid = box.get_attribute("data-permalink-id")
    labels = [b.get_attribute("aria-label") for b in box.locator("button").all()]
    assert [label.split(" to ")[0].split(" of ")[0] for label in labels] == ["Copy link",
                                                                              "Copy citation"]
    box.locator("[data-permalink-copy=link]").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{base}r/{rid}/"
    box.locator("[data-permalink-copy=citation]").click()
    citation = page.evaluate("navigator.clipboard.readText()")
    assert citation.endswith(f"” {base}r/{rid}/") and "\n" not in citation
    assert history[-1][1][rid].split()[-1] in citation
    page.close()


def test_short_links_land_on_the_item_or_say_removed(history, served, browser):
    project, expected, _ = history[-1]
    removed = {r.id for r in load_registry(project / "ids.lock.json") if r.removed}
    live = sorted(expected.keys() - removed)[0]
    page = browser.new_page()
    page.goto(f"{served['plain']}r/{live}/")
    page.wait_for_url(f"**/briefs/**#{live}")
    assert page.locator(f"[id='{live}']").is_visible()
    gone = sorted(removed)[0]
    page.goto(f"{served['plain']}r/{gone}/")
    assert "was removed" in page.content() and page.url.endswith(f"/r/{gone}/")
    page.click("text=Go to the home page")
    assert page.url == served["plain"]
    page.close()
