"""pysbd, the sentence segmenter, made quicker without changing a boundary.

Four changes, each giving pysbd's own output (tests/test_segmenter.py compares): the
abbreviation pass skips abbreviations no word of the text ends with a full stop; sentences
are located by string search; while it segments, pysbd's regex substitutions skip a pattern
whose needed text the string lacks (reading/regex_needs.py); and a run of rules pysbd
applies together is skipped whole, with one scan, when the text holds none of what any of
them needs.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import pysbd
import pysbd.abbreviation_replacer
import pysbd.between_punctuation
import pysbd.exclamation_words
import pysbd.lists_item_replacer
import pysbd.processor
import pysbd.punctuation_replacer
import pysbd.utils
from pysbd.lang.english import English
from pysbd.utils import Rule, Text, TextSpan

from ..extraction.prefilter import FOLDS_TO_ASCII
from .regex_needs import Needs, may_match, needs


class _QuickAbbreviations(English.AbbreviationReplacer):
    """pysbd's abbreviation pass, skipping the abbreviations no word of the line starts
    with followed by a full stop: pysbd runs two regexes and a replacement over the line
    for each of its ~190 abbreviations that appears anywhere inside a word ("al" in
    "national."), the main cost of segmenting, though a replacement only changes a word
    that starts "abbreviation.". Same text out."""

    def search_for_abbreviations_in_string(self, text: str) -> str:
        if not FOLDS_TO_ASCII.isdisjoint(text):  # "ſ" matches "s" case-blind: pysbd's way
            return super().search_for_abbreviations_in_string(text)
        lowered = text.lower()
        dotted = {word.split(".", 1)[0] for word in lowered.split() if "." in word}
        lettered, others = _abbreviations(self.lang)
        present = sorted([(i, word) for word in dotted for i in lettered.get(word, ())]
                         + [(i, stripped) for i, stripped in others if stripped in lowered])
        for _, stripped in present:
            # From here on pysbd 0.3.4's loop body, unchanged.
            abbrev_match = re.findall(r"(?:^|\s|\r|\n){}".format(stripped), text, flags=re.IGNORECASE)
            if not abbrev_match:
                continue
            char_array = re.findall(r"(?<={" + str(re.escape(stripped)) + "} ).{1}", text)
            for ind, match in enumerate(abbrev_match):
                text = self.scan_for_replacements(text, match, ind, char_array)
        return text


@lru_cache(maxsize=4)
def _abbreviations(lang: type) -> tuple[dict[str, list[int]], tuple[tuple[int, str], ...]]:
    """pysbd's abbreviations (stripped) by their place in its list, which is the order it
    tries them in: those of letters only, looked up by the word a text writes before a dot;
    the few with dots ("e.g", "u.s"), searched for in the text."""
    lettered: dict[str, list[int]] = {}
    others: list[tuple[int, str]] = []
    for i, abbr in enumerate(lang.Abbreviation.ABBREVIATIONS):
        stripped = abbr.strip()
        if stripped.isalpha():
            lettered.setdefault(stripped, []).append(i)
        else:
            others.append((i, stripped))
    return lettered, tuple(others)


class _QuickEnglish(English):
    """pysbd's English rules with the quicker abbreviation pass."""

    AbbreviationReplacer = _QuickAbbreviations


class _ScreenedRe:
    """The `re` pysbd's modules call while we segment: `sub` and `findall` first ask
    whether the string holds what the pattern needs, and return what re would (the string,
    no matches) without scanning when it does not; everything else is re's own."""

    def __getattr__(self, name: str) -> object:
        return getattr(re, name)

    @staticmethod
    def sub(pattern, repl, string: str, count: int = 0, flags: int = 0) -> str:
        if isinstance(pattern, str) and not may_match(needs(pattern, flags), string):
            return string if type(string) is str else str(string)
        return re.sub(pattern, repl, string, count, flags)

    @staticmethod
    def findall(pattern, string: str, flags: int = 0) -> list:
        if isinstance(pattern, str) and not may_match(needs(pattern, flags), string):
            return []
        return re.findall(pattern, string, flags)


_SCREENED = _ScreenedRe()


@lru_cache(maxsize=64)
def _rule_run(rules: tuple[Rule, ...]) -> tuple[re.Pattern[str] | None, tuple[tuple[re.Pattern[str], str, Needs], ...]]:
    """A run of rules as pysbd applies it (`Text.apply`), read once: each rule compiled
    with what it needs, and a gate, one regex for the pieces of every rule's first need,
    that a text none of the rules can match fails (None when a rule needs nothing)."""
    compiled = tuple((re.compile(rule.pattern), rule.replacement, needs(rule.pattern)) for rule in rules)
    if not all(need for _, _, need in compiled):
        return None, compiled
    pieces = sorted({piece for _, _, need in compiled for piece in need[0]}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, pieces))), compiled


def _apply_screened(text: str, *rules: Rule) -> str:
    """pysbd's `Text.apply` (each rule's substitution in turn), skipping the whole run when
    the gate finds nothing, else each rule whose needs the text lacks: the rules rarely
    match, and a text none of them matches is never changed by them."""
    gate, compiled = _rule_run(rules)
    if gate is not None and gate.search(text) is None:
        return text
    for pattern, replacement, need in compiled:
        if may_match(need, text):
            text = pattern.sub(replacement, text)
    return text
_PYSBD_MODULES = (pysbd.utils, pysbd.processor, pysbd.abbreviation_replacer,
                  pysbd.lists_item_replacer, pysbd.between_punctuation,
                  pysbd.exclamation_words, pysbd.punctuation_replacer)
"""The modules whose rules pysbd applies with `re.sub`/`re.findall` (English's path)."""


class _SpanSegmenter(pysbd.Segmenter):
    """pysbd, locating each sentence in the text by string search: pysbd's own locator
    compiles a regex per sentence (flooding the `re` cache) and rescans the text from its
    start for each one. Same spans: the first non-overlapping occurrence, trailing
    whitespace included, that ends after the previous sentence."""

    def __init__(self) -> None:
        super().__init__(language="en", clean=False, char_span=True)
        self.language_module = _QuickEnglish

    def sentences_with_char_spans(self, sentences: list[str]) -> list[TextSpan]:
        return sentence_spans(self.original_text, sentences)

    def segment(self, text: str) -> list[TextSpan]:
        """pysbd's segment, its modules calling the screened `re` and its rules applied
        screened meanwhile (only then, so pysbd used elsewhere stays as it is)."""
        saved = [module.re for module in _PYSBD_MODULES]
        saved_apply = Text.apply
        for module in _PYSBD_MODULES:
            module.re = _SCREENED
        Text.apply = _apply_screened
        try:
            return super().segment(text)
        finally:
            Text.apply = saved_apply
            for module, original in zip(_PYSBD_MODULES, saved):
                module.re = original


def sentence_spans(text: str, sentences: Sequence[str]) -> list[TextSpan]:
    """Each sentence's span in `text`, as pysbd's `sentences_with_char_spans` finds it."""
    spans: list[TextSpan] = []
    prior_end = 0
    for sent in sentences:
        pos = 0
        while (start := text.find(sent, pos)) >= 0:
            end = start + len(sent)
            while end < len(text) and text[end].isspace():
                end += 1
            if end > prior_end:
                spans.append(TextSpan(text[start:end], start, end))
                prior_end = end
                break
            pos = end if end > start else start + 1
    return spans


@lru_cache(maxsize=1)
def segmenter() -> pysbd.Segmenter:
    """One pysbd segmenter per process (building it compiles many rules)."""
    return _SpanSegmenter()
