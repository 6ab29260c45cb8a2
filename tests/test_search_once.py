"""One search hit per item (issue 12): in the built site's search index, each
recommendation's and open question's text is held by its brief only, as its own heading
entry — not by the cross-brief pages, the ids page or entity pages that repeat it, nor a
second time by the brief's full text. (The brief's summary may quote a sentence that is
also an item: the summary is the brief's own bottom line.) An entity's name still finds
its page."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from generator.publishing.markdown_safe import item_text
from test_browser import FEWEST_SEARCH_WORDS, search_words, site_briefs

TAG = re.compile(r"<[^>]+>")


def words(text: str) -> str:
    """Text as search sees it: no tags, entities decoded, spaces collapsed, lower case."""
    return " ".join(html.unescape(TAG.sub(" ", text)).split()).lower()


def entries(site: Path) -> list[tuple[str, str]]:
    """Every search entry of the built site: (location, title and text)."""
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    return [(doc["location"], words(doc["title"] + " " + doc["text"])) for doc in index["docs"]]


def test_each_item_text_is_in_one_entry_its_own(built_site: Path) -> None:
    docs = entries(built_site)
    briefs = site_briefs(built_site)  # the briefs the site was built from
    assert any(brief["recommendations"] for brief in briefs)
    for brief in briefs:
        for item in brief["recommendations"] + brief["open_questions"]:
            if len(search_words(item["text"])) < FEWEST_SEARCH_WORDS:
                continue  # "Let us talk." may well be part of another sentence too
            text = words(item_text(item["text"]))
            own = f"briefs/{brief['slug']}/#{item['id']}"
            holders = [loc for loc, content in docs if text in content]
            assert set(holders) - {f"briefs/{brief['slug']}/#summary"} == {own}, item["text"]
            assert holders.count(own) == 1, item["text"]


def test_entity_pages_are_still_found_by_name(built_site: Path) -> None:
    docs = dict(entries(built_site))
    pages = sorted(p.parent.name for p in (built_site / "entities").glob("*/index.html")
                   if p.parent.name != "all")
    assert pages
    for slug in pages:
        assert f"entities/{slug}/" in docs
        assert docs[f"entities/{slug}/"]  # its name is its entry's title
