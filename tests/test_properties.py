"""Properties over any input: a Brief or a SeedError (never another exception), inert output.

Hypothesis writes the seeds: arbitrary text in each format, arbitrary bytes, text built
from the characters that matter to Markdown, HTML and templates.
"""
from __future__ import annotations

import re
import shutil
import string
from pathlib import Path

import lxml.html
from hypothesis import HealthCheck, given, settings, strategies as st

from generator.extraction.aliases import load_aliases
from generator.build import Paths, build
from generator.reading.clean import clean_text
from generator.publishing.markdown_safe import (INLINE_MARKUP, folded, inline_tokens,
                                                markdown_of, md_inline, md_text, plain_text,
                                                words_of)
from generator.model import Brief, SeedError
from generator.parse import parse_document
from generator.reading.read import printable, read_seed
from markdownsets import EXTENSION_SETS, to_html
from siteproject import ROOT

ALIASES = load_aliases(None)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

PIECES = ["<script>", "</script>", "<img src=x onerror=alert(1)>", "javascript:", "{{", "}}",
          "{%", "%}", "{:", "{ #x }", "[", "]", "(", ")", "*", "_", "`", "#", "|", "---", "===",
          "1.", "&lt;", "&amp;", "&#106;", "\\", "<", ">", "\"", "'", "!", "\n", "\n\n", " ",
          "The council should act now.", "Why?", "It remains to be seen whether it works.",
          "Share", "By Ana Ruiz", "2024-03-05", "\u00a0", "\u200b", "❖", "http://x.org/a"]
TEXT = st.one_of(st.text(max_size=400),
                 st.lists(st.sampled_from(PIECES), max_size=60).map("".join))


def brief_or_seed_error(path: Path) -> Brief | SeedError:
    """Read and parse a seed, returning the SeedError instead of raising it."""
    try:
        return parse_document(read_seed(path), f"seeds/{path.name}", ALIASES)
    except SeedError as err:
        assert str(err).startswith(f"seeds/{path.name}: ") or str(err).startswith(str(path))
        return err


@given(text=TEXT, suffix=st.sampled_from([".txt", ".md", ".html"]))
@SETTINGS
def test_any_text_gives_a_brief_or_a_seed_error(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"seed{suffix}"
    path.write_text(text, encoding="utf-8")
    assert isinstance(brief_or_seed_error(path), (Brief, SeedError))


@given(data=st.binary(max_size=600))
@SETTINGS
def test_any_bytes_give_a_brief_or_a_seed_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(data)
    assert isinstance(brief_or_seed_error(path), (Brief, SeedError))


EXTENSION_SET = st.sampled_from(sorted(EXTENSION_SETS))


def rendered(text: str, extension_set: str) -> lxml.html.HtmlElement:
    html = to_html(text, extension_set)
    return lxml.html.fragment_fromstring(html, create_parent="body")


@given(TEXT, EXTENSION_SET)
@SETTINGS
def test_md_text_renders_as_exactly_the_text(text: str, extension_set: str) -> None:
    tree = rendered(md_text(text), extension_set)
    assert [el.tag for el in tree.iter()] in (["body", "p"], ["body"])
    assert tree.text_content() == folded(text)


@given(TEXT, EXTENSION_SET)
@SETTINGS
def test_md_inline_renders_nothing_live(text: str, extension_set: str) -> None:
    tree = rendered(md_inline(text), extension_set)
    assert {el.tag for el in tree.iter()} <= {"body", "p", "a", "em", "strong"}
    for link in tree.iter("a"):
        assert set(link.attrib) == {"href"}
        assert link.get("href").split(":")[0].lower() in ("http", "https", "mailto") or \
            ":" not in link.get("href").split("/")[0]


@given(TEXT)
@SETTINGS
def test_cleaning_hostile_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


NAMES = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="/\x00"),
                min_size=1, max_size=40).filter(lambda n: n not in (".", ".."))


@given(seeds=st.dictionaries(NAMES, TEXT, min_size=1, max_size=4),
       suffix=st.sampled_from([".txt", ".md", ".html"]))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_seeds_folder_builds_with_one_line_per_skipped_seed(tmp_path_factory, seeds, suffix) -> None:
    project = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "templates", project / "templates")
    (project / "seeds").mkdir()
    for name, text in seeds.items():
        (project / "seeds" / f"{name}{suffix}").write_text(text, encoding="utf-8")
    report = build(Paths.under(project))
    shown = {f"seeds/{printable(name)}{suffix}" for name in seeds if not name.startswith(".")}
    assert {b.source_file for b in report.briefs} | {p.path for p in report.problems} == shown
    assert all("\n" not in str(p) for p in report.problems)
    assert len({b.slug for b in report.briefs}) == len(report.briefs)


PUNCTUATED = st.text(st.sampled_from("ab É" + string.punctuation + "\t\n\u00a0"), max_size=80)
"""Short texts of every ASCII punctuation mark (each a Markdown character somewhere)."""


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.text(), PUNCTUATED,
                 st.lists(st.sampled_from(PIECES + ["word", "Board", "é", "–"])).map("".join)))
def test_text_without_inline_markup_gives_what_the_parser_gives(text: str) -> None:
    """md_inline and plain_text skip the inline parser for text without INLINE_MARKUP: the
    parser would keep such text whole as one token, so both give what the parse gives."""
    line = folded(text)
    tokens = inline_tokens(line)
    if not INLINE_MARKUP.search(line):
        assert [(t.type, t.content) for t in tokens] in ([], [("text", line)])
    assert md_inline(text) == markdown_of(tokens)
    assert plain_text(text) == words_of(tokens)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), PUNCTUATED))
def test_escape_writes_every_ascii_punctuation_mark_as_its_reference(text: str) -> None:
    """escape's translation table is the character-by-character rule it stands for."""
    from generator.publishing.markdown_safe import escape, reference
    expected = "".join(reference(c) if c in string.punctuation else c
                       for c in re.sub(r"\s+", " ", text))
    assert escape(text) == expected
