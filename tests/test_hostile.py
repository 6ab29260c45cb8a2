"""Hostile text reaches the site as the literal text the author wrote, inert.

First the escaping filters, rendered by Python-Markdown with the extensions mkdocs.yml
enables and with nearly every extension there is (markdownsets); then the whole `mkdocs
build` of tests/fixtures/seeds_hostile/ (script tags, event handlers, `javascript:` links,
Jinja, raw HTML blocks, attribute lists, front matter, extension syntax); the build with
nearly every extension enabled is in test_extension_escaping.py.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
import yaml

from generator.publishing.markdown_safe import md_inline, md_text, plain_text, safe_url, web_url
from markdownsets import EXTENSION_SETS, to_html

SETS = sorted(EXTENSION_SETS)
LIVE_TAGS = {"script", "img", "iframe", "object", "embed", "style", "details", "div", "form",
             "svg", "math", "input", "button", "table", "link", "meta", "base", "video", "audio"}
TEMPLATE_TAGS = {"div", "button", "details", "table"}
"""Tags the site's own templates may put in a brief page (never from a seed: see above)."""
HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "<javascript:alert(1)>",
    "{{ config.site_name }} and {% include 'x.html' %}",
    "<div markdown=\"1\">*raw block*</div>",
    "A paragraph { onclick=\"alert(1)\" }",
    "{: onmouseover=alert(1) }",
    "[x]: javascript:alert(1)",
    "![alt](javascript:alert(1))",
    "| a | b |",
    "1. not a list",
    "=== not a heading",
    "# not a heading ##",
    "> not a quote",
    "&lt;script&gt; and &amp; and &#60;b&#62;",
    "`code` and \\*escaped\\* and __under__",
    "[a](http://x.org/ \"t\") { #id .cls onload=alert(1) }",
    "<!-- comment --> <?php echo 1; ?> <![CDATA[x]]>",
    "trailing backslash \\",
    '--8<-- "secret.txt"',
    '<div markdown="1">*raw block*</div>',
    '!!! danger "Pwned"',
    '??? note "Pwned"',
    "/// html | div.pwned",
    "```html\n<b>fenced</b>\n```",
    "==mark== ^^ins^^ ~~del~~ ++ctrl+alt++ {++add++} {--del--} :smile: $x^2$ `#!js alert(1)`",
    "a footnote[^1] on HTML\n\n[^1]: note\n*[HTML]: Hyper Text",
    "Term\n: a definition",
    "- [ ] a task",
    "https://evil.example/x www.evil.example spy@evil.example",
    "(c) --> 1/2 c/o 'quoted' \"double\" -- ...",
]
EXTENSION_SYNTAX = HOSTILE[-12:]
"""Syntax of extensions the site does not enable today (the set any of them would reopen)."""
URLS_REFUSED = ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
                "javascript&colon;alert(1)", "&#106;avascript:alert(1)", "vbscript:msgbox(1)",
                "data:text/html,<script>alert(1)</script>", "//evil.example/x"]


def rendered(markdown_text: str, extension_set: str = "configured") -> lxml.html.HtmlElement:
    """Markdown → the HTML Python-Markdown makes of it with a set of extensions, parsed,
    without the ¶ links that toc's `permalink` adds to headings (ours, not the seed's)."""
    tree = lxml.html.fragment_fromstring(to_html(markdown_text, extension_set),
                                         create_parent="body")
    for link in tree.xpath('//a[@class="headerlink"]'):
        link.drop_tree()
    return tree


def live_parts(tree: lxml.html.HtmlElement) -> list[str]:
    """Anything in the tree that could run or load: live tags, on* attributes, odd URLs."""
    found = [el.tag for el in tree.iter() if isinstance(el.tag, str) and el.tag in LIVE_TAGS]
    for el in tree.iter():
        for key, value in getattr(el, "attrib", {}).items():
            if key.lower().startswith("on"):
                found.append(f"{el.tag}[{key}]")
            if key in ("href", "src") and re.match(r"\s*(javascript|data|vbscript):", value, re.I):
                found.append(f"{el.tag}[{key}={value}]")
    return found


def test_the_extension_syntax_is_live_when_not_escaped() -> None:
    # The control: unescaped, these strings do become markup under the wider set, so the
    # tests below that find them inert prove the escaping, not a dormant extension.
    dormant = []
    for text in EXTENSION_SYNTAX:
        tree = rendered(text, "every-extension")
        if {el.tag for el in tree.iter()} <= {"body", "p"} and \
                tree.text_content() == " ".join(text.split()):
            dormant.append(text)
    assert dormant == []


@pytest.mark.parametrize("extension_set", SETS)
@pytest.mark.parametrize("text", HOSTILE)
def test_md_text_renders_exactly_the_text(text: str, extension_set: str) -> None:
    tree = rendered(md_text(text), extension_set)
    assert live_parts(tree) == []
    assert [el.tag for el in tree.iter()] in (["body", "p"], ["body"])
    assert tree.text_content() == " ".join(text.split())


@pytest.mark.parametrize("extension_set", SETS)
@pytest.mark.parametrize("text", HOSTILE)
def test_md_text_in_a_heading_keeps_its_attributes_ours(text: str, extension_set: str) -> None:
    tree = rendered(f"### {md_text(text)} {{ #abc .brief-item }}", extension_set)
    heading = tree.find("h3")
    assert heading.get("id") == "abc" and heading.get("class") == "brief-item"
    assert live_parts(tree) == [] and set(heading.attrib) == {"id", "class"}
    assert heading.text_content() == " ".join(text.split())


@pytest.mark.parametrize("extension_set", SETS)
@pytest.mark.parametrize("text", HOSTILE)
def test_md_inline_keeps_only_links_and_emphasis(text: str, extension_set: str) -> None:
    tree = rendered(md_inline(text) + "\n{ #p1 }", extension_set)
    assert live_parts(tree) == []
    assert {el.tag for el in tree.iter()} <= {"body", "p", "a", "em", "strong"}
    assert tree.find("p").attrib == {"id": "p1"}
    assert tree.text_content() == plain_text(text)


@pytest.mark.parametrize("url", URLS_REFUSED)
def test_unsafe_urls_are_refused(url: str) -> None:
    assert safe_url(url) is None and web_url(url) is None


def test_safe_url_survives_markdown_with_its_ampersands() -> None:
    tree = rendered(f"[x]({safe_url('https://x.org/a b?q=1&r=2')})")
    assert tree.find(".//a").get("href") == "https://x.org/a%20b?q=1&r=2"
    assert web_url("mailto:a@b.org") is None and web_url("/relative") is None


# ------------------------------------------------------------------ the whole build

def site_pages(project: Path) -> list[Path]:
    return sorted((project / "site").rglob("*.html"))


def scripts(tree: lxml.html.HtmlElement) -> set[str]:
    """A page's scripts, each as its source file or its text, page depth taken out."""
    depth = re.compile(r'(?<=["(])[./]*(?=[a-z"])|^[./]+')
    return {depth.sub("", s.get("src") or s.text or "") for s in tree.iter("script")}


def test_no_script_but_the_sites_own(every_case_build) -> None:
    project, _ = every_case_build
    for page in site_pages(project):
        for script in lxml.html.fromstring(page.read_bytes()).iter("script"):
            assert not re.match(r"\s*([a-z]+:|//)", script.get("src") or "", re.I), page  # no other host
            assert not re.search(r"alert\(|<script|onerror", script.text or ""), page  # no seed code


def test_brief_pages_carry_the_same_scripts_as_home(every_case_build) -> None:
    project, _ = every_case_build
    home = scripts(lxml.html.fromstring((project / "site" / "index.html").read_bytes()))
    assert [s for s in home if re.fullmatch(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js", s)]
    for page in sorted((project / "site" / "briefs").glob("*/index.html")):
        assert scripts(lxml.html.fromstring(page.read_bytes())) == home, page


def test_no_live_handler_or_url_anywhere(every_case_build) -> None:
    project, _ = every_case_build
    for page in site_pages(project):
        tree = lxml.html.fromstring(page.read_bytes())
        for el in tree.iter():
            attrs = getattr(el, "attrib", {})
            assert not [k for k in attrs if k.lower().startswith("on")], (page, el.tag)
            for key in ("href", "src", "action", "formaction"):
                value = attrs.get(key, "")
                assert value == "javascript:void(0)" or not re.match(
                    r"\s*(javascript|data|vbscript):", value, re.I), (page, value)


def test_no_live_element_in_seed_content(every_case_build) -> None:
    project, _ = every_case_build
    for page in sorted((project / "site" / "briefs").glob("*/index.html")):
        article = lxml.html.fromstring(page.read_bytes()).xpath("//article")[0]
        assert [p for p in live_parts(article) if p not in TEMPLATE_TAGS] == [], page


BRIEF_TEXT = {
    "harbor-security-script-alert-title-pwned-script-and-the-config-site-name": [
        "Harbor Security <script>alert('title-pwned')</script> and the {{ config.site_name }} Test",
        "sea walls <script>alert('body-pwned')</script> while",
        "The council wrote {{ config.site_name }} and {% include 'base.html' %} into",
        "[click here](javascript:alert('link-pwned'))",
        "<div onclick=\"alert('block-pwned')\">",
        "{ onclick=\"alert('attr-pwned')\" }",
        "&lt;script&gt;alert('entity-pwned')&lt;/script&gt;?",
    ],
    "harbor-funds-script-alert-fm-title-pwned-script-page-title": [
        "Harbor Funds <script>alert('fm-title-pwned')</script> {{ page.title }}",
        "By <img src=x onerror=alert('fm-author-pwned')>",
        "Harbor Review {% raw %}",
    ],
    "harbor-walls-script-alert-html-title-pwned-script": [
        "Harbor Walls <script>alert('html-title-pwned')</script>",
        "<script>alert('html-text-pwned')</script> and {{ config.site_name }} as text",
    ],
}


@pytest.mark.parametrize("slug", sorted(BRIEF_TEXT))
def test_hostile_text_shows_as_written(every_case_build, slug: str) -> None:
    project, _ = every_case_build
    page = lxml.html.fromstring((project / "site" / "briefs" / slug / "index.html").read_bytes())
    text = " ".join(page.xpath("//article")[0].text_content().split())
    for literal in BRIEF_TEXT[slug]:
        assert literal in text


def test_front_matter_cannot_change_page_settings(every_case_build) -> None:
    project, _ = every_case_build
    slug = "harbor-funds-script-alert-fm-title-pwned-script-page-title"
    html = (project / "site" / "briefs" / slug / "index.html").read_text("utf-8")
    assert "Read the original" not in html and "evil.example" not in html
    assert 'class="md-nav md-nav--primary"' in html and 'data-md-component="toc"' in html
    index = json.loads((project / "site" / "search" / "search_index.json").read_text("utf-8"))
    assert any(doc["location"].startswith(f"briefs/{slug}/") for doc in index["docs"])
    source = (project / "site_src" / "briefs" / f"{slug}.md").read_text("utf-8")
    # The only front matter is the generator's own (the actors a brief addresses, as tags):
    # nothing from the seed's front matter becomes a page setting.
    front, _, rest = source.partition("\n---\n\n") if source.startswith("---\n") else ("", "", source)
    assert set(yaml.safe_load(front.removeprefix("---\n")) or {}) <= {"actors"}
    breadcrumb, _, page = rest.partition("\n\n")
    assert breadcrumb.startswith("[All briefs](../index.md)") and page.startswith("# ")


def test_front_matter_in_a_text_seed_is_text(every_case_build) -> None:
    project, _ = every_case_build
    page = project / "site" / "briefs" / "template-main-html-title-overridden-title-hide-navigation"
    assert 'class="md-nav md-nav--primary"' in (page / "index.html").read_text("utf-8")


def test_search_index_holds_only_escaped_text(every_case_build) -> None:
    project, _ = every_case_build
    index = json.loads((project / "site" / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:  # Material shows titles and text as HTML in search results
        for field in (doc["title"], doc["text"]):
            assert not re.search(r"<(script|img|div|details|iframe)\b", field, re.I), doc["location"]
