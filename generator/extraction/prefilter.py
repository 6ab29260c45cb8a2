"""Words a regex cannot match without: a quick test that lets a sentence skip a pattern.

The lexicon's trigger patterns are many, and most sentences match few of them. Reading a
pattern's parse tree once gives a few lower-case words one of which every match contains
("must" for the modal rule; "has" or "have" for "has to"); a sentence that contains none
of them cannot match, and skips that regex. A pattern with no such words (only classes
and lookarounds) is always run, so the matches are the same, only found sooner.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from re import _constants as c, _parser  # the stdlib's own reader of a pattern's structure

Words = frozenset[str] | None
"""Lower-case words one of which every match contains; None: no such words are known."""
_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)
FOLDS_TO_ASCII = frozenset("\u017f\u0130\u0131\u212a")
"""ſ, İ, ı and the Kelvin sign: the characters other than ASCII letters that match an
ASCII letter case-blind (re.IGNORECASE); a text holding one is not screened by lower()."""


@lru_cache(maxsize=None)
def required_words(pattern: re.Pattern[str]) -> Words:
    """The words one of which every match of `pattern` contains (read once per pattern)."""
    try:
        return _sequence(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # a construct this Python's parser reads differently: always run it
        return None


def _sequence(items) -> Words:
    """A sequence needs what any one of its parts needs: the part whose shortest word is
    longest (the rarest in text); a run of literal characters is one word."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is c.LITERAL and chr(av).isascii():
            run.append(chr(av).lower())
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        found = _part(op, av)
        if found:
            options.append(found)
    return max(options, key=lambda words: min(map(len, words)), default=None)


def _part(op, av) -> Words:
    """What one element of a sequence needs: a group or a repeat (once at least) its
    content's, a branch one of its branches'; anything else nothing known."""
    if op is c.SUBPATTERN:
        return _sequence(av[-1])
    if op is c.ATOMIC_GROUP:
        return _sequence(av)
    if op in _REPEATS and av[0] >= 1:
        return _sequence(av[2])
    if op is c.BRANCH:
        each = [_sequence(branch) for branch in av[1]]
        return None if any(words is None for words in each) else frozenset().union(*each)
    return None


def screened(text: str) -> str | None:
    """`text` as `may_match` reads it (lower case), or None when it holds a letter that
    folds onto an ASCII one, for which every pattern must be run."""
    return text.lower() if FOLDS_TO_ASCII.isdisjoint(text) else None


def may_match(words: Words, lowered: str | None) -> bool:
    """False only when a pattern that needs `words` cannot match the text `screened` gave
    `lowered` for. (A plain loop: run for every pattern on every sentence, a generator's
    set-up cost more than the tests.)"""
    if lowered is None or words is None:
        return True
    for word in words:
        if word in lowered:
            return True
    return False


def screening(patterns: Iterable[re.Pattern[str]]) -> tuple[tuple[re.Pattern[str], Words], ...]:
    """Each pattern with its words, read once, for a stage to test sentences with."""
    return tuple((p, required_words(p)) for p in patterns)


Present = frozenset[str] | None
"""The words of a stage's vocabulary a text holds; None: not known, every pattern runs."""


def vocabulary(screens: Iterable[Words]) -> frozenset[str]:
    """Every word the screens of a stage's patterns name."""
    return frozenset().union(*(words for words in screens if words))


def words_present(vocab: frozenset[str], lowered: str | None) -> Present:
    """Which words of `vocab` the text `screened` gave `lowered` for holds: each word is
    looked for once per text, not once per pattern that names it."""
    return None if lowered is None else frozenset(w for w in vocab if w in lowered)


def may_hold(words: Words, present: Present) -> bool:
    """`may_match` for a text whose words were found once (`words_present`, from a
    vocabulary holding `words`)."""
    return present is None or words is None or not words.isdisjoint(present)


def may_match_within(words: Words, lowered: str | None, start: int, end: int) -> bool:
    """Whether a pattern that needs `words` may match inside `lowered[start:end]` (the text
    `screened` gave), without copying that span."""
    return lowered is None or words is None or any(lowered.find(w, start, end) >= 0 for w in words)
