"""Seed text stays text in a whole build with nearly every Markdown extension enabled:
md_in_html, attr_list and the pymdownx family (snippets' `--8<--` includes among them),
added to a copy of mkdocs.yml; tests/fixtures/seeds_hostile/hostile-extensions.txt
writes their syntax into every field it can reach."""
from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest
import yaml
from mkdocs.config import load_config

from markdownsets import MORE_CONFIGS, MORE_EXTENSIONS, SECRET
from seedkit import FIXTURES
from siteproject import copy_project, mkdocs_build
from test_hostile import TEMPLATE_TAGS, live_parts, site_pages

EXTENSION_TEXT = [
    'The council should publish the flood map --8<-- "secret.txt" before the storms arrive.',
    '<div markdown="1">This raw block should stay text</div>',  # the *emphasis* is kept
    '!!! danger "Admonition pwned" The body of an admonition must stay text.',
    '??? note "Details pwned" Hidden text',
    "/// html | div.pwned The block text",
    "Ministers must mark ==this== and ^^that^^ and ~~those~~ with ++ctrl+alt+del++ today.",
    "Readers should see {++added++} and {--removed--} and :smile: and $x^2$ as written.",
    # The reference goes, as text, never as a live footnote: the brief's body does not hold
    # the note (cleaning drops it), so "[^1]" would point nowhere (publishing/render.py).
    "A footnote and an abbreviation for HTML",
    "Term : A definition",
    "[ ] The towns must tick",
    "<script>alert('fence-pwned')</script>",
    "cite https://evil.example/x and www.evil.example and spy@evil.example today.",
    '#pwned onclick="alert(1)" }',
]
"""What tests/fixtures/seeds_hostile/hostile-extensions.txt must show, character for character."""


def with_every_extension(config: str) -> str:
    """mkdocs.yml with md_in_html, attr_list and the pymdownx extensions enabled as well."""
    extra = [{name: MORE_CONFIGS[name]} if name in MORE_CONFIGS else name for name in MORE_EXTENSIONS]
    items = yaml.safe_dump(extra, sort_keys=False, default_flow_style=False)
    indented = "".join(f"  {line}\n" for line in items.splitlines())
    assert "\nmarkdown_extensions:\n" in config and "  - attr_list\n" in config
    return config.replace("\nmarkdown_extensions:\n", "\nmarkdown_extensions:\n" + indented, 1)


@pytest.fixture(scope="module")
def every_extension_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and the hostile seeds built with nearly every Markdown extension enabled."""
    project = copy_project(tmp_path_factory.mktemp("every-extension"))
    for path in sorted((FIXTURES / "seeds_hostile").iterdir()):
        shutil.copy(path, project / "seeds" / path.name)
    config = project / "mkdocs.yml"
    config.write_text(with_every_extension(config.read_text("utf-8")), "utf-8")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project


def test_every_extension_build_enables_them(every_extension_build: Path) -> None:
    config = load_config(str(every_extension_build / "mkdocs.yml"))
    assert set(MORE_EXTENSIONS) <= set(config.markdown_extensions)
    assert "attr_list" in config.markdown_extensions


def test_no_extension_brings_seed_text_alive(every_extension_build: Path) -> None:
    for page in site_pages(every_extension_build):
        html = page.read_text("utf-8")
        assert SECRET not in html, page  # a seed's `--8<--` never includes a file
        if "/briefs/" in page.as_posix():
            article = lxml.html.fromstring(html).xpath("//article")[0]
            assert [p for p in live_parts(article) if p not in TEMPLATE_TAGS] == [], page
            assert not article.xpath('.//*[contains(@class, "pwned") or @id="pwned"]'), page


def test_extension_syntax_shows_as_written(every_extension_build: Path) -> None:
    page = every_extension_build / "site" / "briefs" / "extension-syntax-stays-text-in-harbor-briefs"
    article = lxml.html.fromstring((page / "index.html").read_bytes()).xpath("//article")[0]
    text = " ".join(article.text_content().split())
    assert [literal for literal in EXTENSION_TEXT if literal not in text] == []
