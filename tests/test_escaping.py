"""Seed text is untrusted: whatever a seed says, every generated page renders it as text.

A brief whose every field carries markup is rendered to Markdown (render_site) and then to
HTML the way MkDocs does (Python-Markdown with this site's extensions, front matter split
off), with the extensions mkdocs.yml enables and with nearly every extension there is
(markdownsets); no tag, attribute or URL from the seed may come alive anywhere.
"""
from __future__ import annotations

from html.parser import HTMLParser

import pytest
from mkdocs.utils.meta import get_data

from generator.model import Author, Brief, Entity, Metadata, OpenQuestion, Paragraph, Recommendation, Site
from generator.publishing.render import render_site
from markdownsets import EXTENSION_SETS, SECRET, to_html
from generator.publishing.views import PAGE_MENTIONS
from siteproject import ROOT

EVIL = ('<script>alert(1)</script><img src=x onerror=alert(2)>[x](javascript:alert(3)){ #evil onclick="a()" }'
        '<div markdown="1">*x*</div> --8<-- "secret.txt" $x$ :smile: ==m== {++a++}')


class Alive(HTMLParser):
    """Everything in a page that a browser would act on: tags from the seed, handlers, URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "img", "iframe", "object", "embed", "style"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:") \
                    or (name == "id" and value == "evil"):
                self.found.append(f"{tag} {name}={value}")


def evil_brief() -> Brief:
    text = f"Officials must act {EVIL}."
    meta = Metadata(title=EVIL, authors=(Author(EVIL, EVIL),), date="2020-01-02", publication=EVIL,
                    kind=EVIL, url="javascript:alert(4)", source_line=EVIL)
    return Brief(slug="hostile", source_file="seeds/hostile.txt", meta=meta,
                 body=(Paragraph(1, f"Intro {EVIL}. {text}"),), summary=(text,),
                 recommendations=(Recommendation(text, EVIL, "must", 1, 1, "abc234"),),
                 open_questions=(OpenQuestion(f"Why {EVIL}?", "explicit", 1, 2, "def567"),),
                 entities=(Entity(EVIL, "person", (EVIL,), PAGE_MENTIONS),))


FILES = render_site(Site(briefs=(evil_brief(),)), ROOT / "templates")
PAGES = sorted(p for p in FILES if p.endswith(".md"))


@pytest.mark.parametrize("extension_set", sorted(EXTENSION_SETS))
@pytest.mark.parametrize("path", PAGES)
def test_seed_markup_never_comes_alive(path: str, extension_set: str) -> None:
    body, _ = get_data(FILES[path])
    alive = Alive()
    html = to_html(body, extension_set)
    alive.feed(html)
    assert not alive.found, path
    assert SECRET not in html and "<mark>" not in html and "<ins" not in html


def test_every_page_is_checked() -> None:
    assert {"briefs/hostile.md", "index.md", "recommendations.md", "entities/index.md",
            "by-date.md", "by-publication.md"} <= set(PAGES)
    assert any(p.startswith("entities/") and p != "entities/index.md" for p in PAGES)
