"""End to end: `mkdocs build --strict` in a copy of the project, and what a reader gets."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from siteproject import SEEDS, copy_project, seed_brief



def briefs() -> list:
    """The repo seeds' briefs, with the ids a fresh site gives them."""
    return [seed_brief(p) for p in SEEDS]


def test_every_seed_has_a_page_listed_on_home(built_site: Path) -> None:
    home = (built_site / "index.html").read_text("utf-8")
    for brief in briefs():
        assert (built_site / "briefs" / brief.slug / "index.html").is_file()
        assert f"briefs/{brief.slug}/" in home


def test_every_recommendation_is_its_own_search_result(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    for brief in briefs():
        assert brief.recommendations
        for rec in brief.recommendations:
            assert f"briefs/{brief.slug}/#{rec.id}" in locations


def test_brief_page_shows_what_was_found(built_site: Path) -> None:
    for brief in briefs():
        page = (built_site / "briefs" / brief.slug / "index.html").read_text("utf-8")
        for rec in brief.recommendations:
            assert f'id="{rec.id}"' in page
        assert "Summary" in page and "Full text" in page


def test_seed_furniture_never_reaches_the_site(built_site: Path) -> None:
    for page in (built_site / "briefs").rglob("*.html"):
        text = page.read_text("utf-8")
        for furniture in ("ABOUT THE AUTHORS", "RECOMMENDED", "Also available in", "❖", "(<https://"):
            assert furniture not in text, (page, furniture)


def test_generator_runs_without_mkdocs(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--strict"], cwd=project,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (project / "site_src" / "index.md").is_file()
