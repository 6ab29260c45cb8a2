"""Short pages for ids: tiny static HTML, relative links, seed text escaped, never a 404."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.model import IdRecord
from generator.publishing.shortlinks import permalink_files

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

HOSTILE = 'Officials should stop <script>alert("x")</script> & "quote" [it](https://x.test) | now.'
LIVE = IdRecord("k7m2pq", "recommendation", "harbour-council", "seeds/h.txt", HOSTILE,
                actor="Council <b>", title="Harbour & <Council>")
REMOVED = IdRecord("b3xw9e", "question", "harbour-council", "seeds/h.txt", "Who pays?",
                   removed=True, title="Harbour & <Council>")
ORPHAN = IdRecord("c4yz8f", "recommendation", "gone-brief", "seeds/g.txt", "Ferries should run.",
                  removed=True, title="Gone")


class Links(HTMLParser):
    """Every href and every script body of a page."""

    def __init__(self):
        super().__init__()
        self.hrefs, self.scripts, self.in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.hrefs += [v for k, v in attrs if k == "href"]
        self.in_script = tag == "script"

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script:
            self.scripts.append(data)


def parse(html):
    """The page's links and scripts."""
    p = Links()
    p.feed(html)
    return p


@pytest.fixture(scope="module")
def files():
    return permalink_files([LIVE, REMOVED, ORPHAN], {"harbour-council"}, TEMPLATES)


def test_one_small_page_per_id_plus_the_index(files):
    assert sorted(files) == ["assets/permalinks.css", "assets/permalinks.js", "ids.md",
                             "r/b3xw9e/index.html", "r/c4yz8f/index.html", "r/k7m2pq/index.html"]
    assert all(len(html) < 2500 for name, html in files.items() if name.startswith("r/"))


def test_live_id_redirects_relatively_and_shows_the_item(files):
    html = files["r/k7m2pq/index.html"]
    page = parse(html)
    assert set(page.hrefs) == {"../../briefs/harbour-council/#k7m2pq"}
    assert 'content="0; url=../../briefs/harbour-council/#k7m2pq"' in html
    assert page.scripts == ['location.replace("../../briefs/harbour-council/#k7m2pq");']
    assert "Council &lt;b&gt;" in html and "Harbour &amp; &lt;Council&gt;" in html


def test_seed_text_is_escaped(files):
    html = files["r/k7m2pq/index.html"]
    assert "<script>alert" not in html and "https://x.test" not in html
    assert ("stop &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;quote&#34; it | now."
            in html)


@pytest.mark.parametrize("rid, link, says", [
    ("b3xw9e", "../../briefs/harbour-council/", "removed</strong> from the brief"),
    ("c4yz8f", "../../", "is no longer on this site"),
])
def test_removed_id_says_so_and_links_to_brief_or_home(files, rid, link, says):
    html = files[f"r/{rid}/index.html"]
    assert "http-equiv" not in html and "<script" not in html
    assert link in parse(html).hrefs and says in html


def test_index_lists_every_id_current_and_removed(files):
    rows = [line for line in files["ids.md"].splitlines() if line.startswith("| [`")]
    assert [re.search(r"`(\w+)`", r).group(1) for r in rows] == ["k7m2pq", "c4yz8f", "b3xw9e"]
    assert "(r/k7m2pq/index.html)" in rows[0] and "| current |" in rows[0]
    assert all("| removed |" in r for r in rows[1:])


def test_index_escapes_seed_text_and_links_live_briefs(files):
    row = next(line for line in files["ids.md"].splitlines() if "k7m2pq" in line)
    assert "[Harbour &amp; &lt;Council&gt;](briefs/harbour-council.md)" in row
    assert "&lt;script&gt;" in row and "&#x7C; now" in row and "https://x.test" not in row
    gone = next(line for line in files["ids.md"].splitlines() if "c4yz8f" in line)
    assert "briefs/" not in gone
