"""What a reader finds on the built pages: brief pages in reading order, every item
highlighted in its text and linked both ways, no empty section, no raw data."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

SECTION_ORDER = ["summary", "recommendations", "open-questions", "entities", "full-text",
                 "about-the-authors"]


def briefs(site: Path) -> list[dict]:
    return json.loads((site / "briefs.json").read_text("utf-8"))["briefs"]


def article(path: Path) -> str:
    """The page's own content (Material's article), without the theme around it."""
    html = path.read_text("utf-8")
    return html[html.index("<article"):html.index("</article>")]


def test_brief_pages_read_in_order_with_items_marked_in_the_text(built_site: Path) -> None:
    for brief in briefs(built_site):
        page = article(built_site / "briefs" / brief["slug"] / "index.html")
        found = [s for s in SECTION_ORDER if f'<h2 id="{s}"' in page]
        assert found == sorted(found, key=lambda s: page.index(f'<h2 id="{s}"')), found
        assert found[0] == "summary", found
        for section in found:  # each section heading carries its permalink
            assert re.search(rf'<h2 id="{section}">.*?<a class="headerlink" href="#{section}"', page)
        assert "brief-byline" in page
        for item in brief["recommendations"] + brief["open_questions"]:
            assert f'href="#at-{item["id"]}"' in page, item["text"]     # entry → text
            mark = re.search(rf'<mark [^>]*id="at-{item["id"]}">(.*?)</mark>', page, re.S)
            assert mark, item["text"]                                    # highlighted in place
            assert page.index(mark.group(0)) > page.index('id="full-text"')
            assert f'href="#{item["id"]}"' in page                       # text → entry


@pytest.mark.parametrize("view", ["index.html", "recommendations/index.html",
                                  "questions/index.html", "entities/index.html",
                                  "by-date/index.html", "by-publication/index.html",
                                  "tags/index.html"])
def test_views_are_reachable_from_home(built_site: Path, view: str) -> None:
    home = (built_site / "index.html").read_text("utf-8")
    assert (built_site / view).is_file()
    assert f'href="{view.removesuffix("index.html") or "."}' in home or view == "index.html"


def test_no_empty_section_and_no_raw_data(built_site: Path) -> None:
    for path in sorted(built_site.rglob("index.html")):
        if path.parent.name in ("search",) or path.parent.parent.name == "r":
            continue
        page = article(path)
        for level in (1, 2, 3):  # a heading followed by one of its rank or higher: empty
            assert not re.search(rf"</h{level}>\s*(<h[1-{level}][ >]|$)", page), path
        assert '{"' not in page and '"schema"' not in page, path


def test_home_links_the_data_export(built_site: Path) -> None:
    home = article(built_site / "index.html")
    assert 'href="briefs.json"' in home
    assert json.loads((built_site / "briefs.json").read_text("utf-8"))["schema"] == "brief/1"
