"""The quicker pysbd: its regex screen never skips a pattern that could match, and the
sentences it finds are pysbd's own."""
from __future__ import annotations

import re
from pathlib import Path

import pysbd
import pysbd.processor
import pytest
from hypothesis import example, given, settings, strategies as st
from pysbd.lang.english import English
from pysbd.lists_item_replacer import ListItemReplacer
from pysbd.utils import Rule, Text

from generator.reading.clean import clean_text
from generator.reading.paragraphs import split_paragraphs
from generator.reading.regex_needs import may_match, needs
from generator.reading.segmenter import _apply_screened, segmenter


def rule_patterns(holder: object, seen: set[int] | None = None) -> set[str]:
    """Every regex a pysbd language class holds: its rules' and its *_REGEX strings."""
    seen = set() if seen is None else seen
    found: set[str] = set()
    if id(holder) in seen:
        return found
    seen.add(id(holder))
    for name in dir(holder):
        value = getattr(holder, name, None)
        if isinstance(value, Rule):
            found.add(value.pattern)
        elif isinstance(value, (list, tuple)):
            found |= {v.pattern for v in value if isinstance(v, Rule)}
        elif isinstance(value, str) and name.endswith("REGEX"):
            found.add(value)
        elif isinstance(value, type) and not name.startswith("__"):
            found |= rule_patterns(value, seen)
    return found


PATTERNS = sorted(rule_patterns(English) | rule_patterns(ListItemReplacer)
                  | {r"(?<=\S)\.{3}(?=\.\s[A-Z])", r"xa{1,3}b", r"(?>ab)c", r"[∯♨](?=\s)"})
PIECES = ["U.S.", "U∯S", "∯", "☏☏", "♨", "∮", "...", ". . .", "..", "!!!", "?!", "a.m.", "p.m.", "1.",
          "2.", "(i)", "(ii)", "i.", "ii.", "[12]", "12", " ", "\n", "\r", "Mr.", "e.g.", "A", "a",
          "The", "Why?", "“", "”", '"', "'", "’", "(", ")", "-", "⁃", "xaab", "abc", "&ᓴ&", ".pdf"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PATTERNS), TEXT)
@example(r"(?<=\S)\.{3}(?=\.\s[A-Z])", "Wait.... Then")
@example(r"xa{1,3}b", "xaab")
def test_a_text_the_screen_turns_away_has_no_match(pattern: str, text: str) -> None:
    if not may_match(needs(pattern), text):
        assert re.search(pattern, text) is None


def test_the_screen_reads_what_a_pattern_needs() -> None:
    assert needs("☏☏") == (frozenset({"☏☏"}),)
    assert needs(r"(?<=\S)\.{3}(?=\.\s[A-Z])") == (frozenset({"..."}), frozenset({"."}))  # [A-Z]: too common
    assert needs(r"xa{1,3}b") == (frozenset({"xa"}), frozenset({"ab"}))
    assert needs(r"(\.|∯)\d") == (frozenset({".", "∯"}),)
    assert needs(r"[a-z]\s?[ÃÂ][ ]") == (frozenset(" "), frozenset("ÃÂ"))
    assert needs(r"[À-ÿ]x") == (frozenset("x"), frozenset(map(chr, range(0xC0, 0x100))))
    assert needs(r"(?:x|[a-z][ÃÂ])") == (frozenset({"x", "Ã", "Â"}),)  # a branch keeps its least common need
    assert needs(r"[^a]b") == (frozenset("b"),) and needs(r"\wb") == (frozenset("b"),)
    assert not may_match(needs("[À-Ö]é"), "plain text é") and may_match(needs("[À-Ö]é"), "ÀÉ é")
    assert needs(r"(?i)abc") == () and needs("abc", re.IGNORECASE) == () and needs("a*") == ()


def rule_runs(holder: object, seen: set[int] | None = None) -> set[tuple[Rule, ...]]:
    """The lists of rules a pysbd language class applies together (`Text.apply(*rules)`)."""
    seen = set() if seen is None else seen
    if id(holder) in seen:
        return set()
    seen.add(id(holder))
    runs = set()
    for name in dir(holder):
        value = getattr(holder, name, None)
        if isinstance(value, (list, tuple)) and value and all(isinstance(v, Rule) for v in value):
            runs.add(tuple(value))
        elif isinstance(value, type) and not name.startswith("__"):
            runs |= rule_runs(value, seen)
    return runs


RUNS = sorted(rule_runs(English), key=lambda run: [rule.pattern for rule in run])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(RUNS), TEXT)
def test_a_run_of_rules_applied_screened_gives_pysbds_text(rules: tuple[Rule, ...], text: str) -> None:
    assert _apply_screened(text, *rules) == Text(text).apply(*rules)


def pysbd_spans(text: str) -> list[tuple[int, int]]:
    """What pysbd itself finds, unscreened."""
    return [(s.start, s.end) for s in pysbd.Segmenter(language="en", clean=False, char_span=True).segment(text)]


@settings(max_examples=200, deadline=None)
@given(TEXT)
@example("Mr. Ng met U.S. officials at 9 a.m. on Monday... Then he left! Why? See p. 4.")
def test_screened_segmenter_finds_pysbds_sentences(text: str) -> None:
    assert [(s.start, s.end) for s in segmenter().segment(text)] == pysbd_spans(text)


SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_screened_segmenter_on_every_paragraph_of_the_seeds(seed: Path) -> None:
    for paragraph in split_paragraphs(clean_text(seed.read_text(encoding="utf-8"))):
        assert [(s.start, s.end) for s in segmenter().segment(paragraph.text)] == pysbd_spans(paragraph.text)


def test_pysbd_gets_its_own_re_back_after_segmenting() -> None:
    segmenter().segment("One sentence. Another one.")
    assert pysbd.processor.re is re
