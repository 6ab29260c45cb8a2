"""The site with every long list paginated: the seeds' site built (in process, strict) with
pages of a few items, so each list takes its index-and-pages form. Every internal link and
anchor still resolves (tests/test_links.py's checker), nothing is orphaned, brief pages'
links to actors, years and publications land, and the pages stay out of search."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.publishing import render, shortlinks
from siteproject import copy_project
from test_links import broken_links, parse

LISTS = ("recommendations", "questions", "ids", "by-date", "by-publication", "tags", "entities/all")


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds' site with 3 items, 1 brief or 2 tag entries a page."""
    project = copy_project(tmp_path_factory.mktemp("paged"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "ITEMS_PER_PAGE", 3)
        patch.setattr(render, "BRIEFS_PER_PAGE", 1)
        patch.setattr(render, "TAG_ENTRIES_PER_PAGE", 2)
        patch.setattr(shortlinks, "ITEMS_PER_PAGE", 3)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        patch.chdir(project)
        build(load_config(str(project / "mkdocs.yml"), strict=True))
    return project / "site"


def test_every_list_is_paged(paged_site: Path) -> None:
    for name in LISTS:
        assert (paged_site / name / "2" / "index.html").is_file(), name


def test_no_broken_link_in_the_paged_site(paged_site: Path) -> None:
    assert not broken_links(paged_site, offline=False)


def test_every_page_of_a_list_is_reached_from_its_index(paged_site: Path) -> None:
    linked = {(p.parent / link.split("#")[0]).resolve()
              for p in paged_site.rglob("index.html")
              for tag, link, _ in parse(p).links if tag == "a" and not link.startswith("#")}
    pages = {p.parent.resolve() for name in LISTS for p in (paged_site / name).glob("*/index.html")}
    assert pages and not pages - linked


def test_paged_lists_repeat_no_item_text_in_search(paged_site: Path) -> None:
    index = json.loads((paged_site / "search" / "search_index.json").read_text("utf-8"))
    briefs = json.loads((paged_site / "briefs.json").read_text("utf-8"))["briefs"]
    texts = [" ".join(r["text"].split()[:8]) for b in briefs for r in b["recommendations"]]
    for doc in index["docs"]:
        if not doc["location"].startswith("briefs/"):
            assert not [t for t in texts if t in doc["text"]], doc["location"]
