"""Where a sentence advises: the lexicon's trigger rules, minus those that only look like advice.

A trigger is a phrase of a named rule (a deontic modal, "it is critical that", "we urge X
to", …) that is not description (a relative clause, a forecast, a question's complement)
and not someone else's words (generator.extraction.attribution). Each one carries its
strength and the phrase that names who acts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .actors import subject_before
from .attribution import QUOTED, REPORTED, others_words
from .lexicon import lexicon
from .prefilter import Present, Words, may_hold, may_match_within, screened, screening, vocabulary, words_present
from ..rules import switched_off_of


@dataclass(frozen=True, slots=True)
class Trigger:
    """Where a sentence advises, how strongly, and the phrase that names the actor."""

    start: int
    strength: str
    phrase: str
    offset: int


LOOKBEHIND = 400
"""Characters before a trigger that the not-advice-before patterns read (a clause or two;
`^` still means the sentence's start): a long sentence with many triggers stays linear."""


Guards = tuple[tuple[re.Pattern[str], ...], tuple[tuple[re.Pattern[str], Words], ...]]
"""The not-advice-after patterns, and the not-advice-before ones with their words."""


def _blocked(plain: str, lowered: str | None, start: int, guards: Guards) -> bool:
    """True when the trigger at `start` is description, a quotation or reported words
    (`lowered`: the sentence as `screened` gives it; a not-advice-before pattern whose words
    the look-behind lacks is not run)."""
    after, before = guards
    rest, since = plain[start:], max(0, start - LOOKBEHIND)
    return (any(p.match(rest) for p in after)
            or any(p.search(plain, since, start) for p, words in before
                   if may_match_within(words, lowered, since, start))
            or others_words(plain, start))


def _actor_phrase(plain: str, m: re.Match[str]) -> tuple[str, int]:
    """The phrase naming who acts on the trigger `m`, and where it starts in `plain`."""
    lex = lexicon()
    if "actor" in m.re.groupindex and m.group("actor"):
        return m.group("actor"), m.start("actor")
    rest = plain[m.start():]
    agent = lex.passive_agent.match(rest)
    if agent:
        return agent.group("actor"), m.start() + agent.start("actor")
    if lex.passive_patient.match(rest):
        return "", m.start()
    return subject_before(plain, m.start())


def triggers(plain: str) -> tuple[Trigger, ...]:
    """Every advising trigger in a sentence, in reading order (memoised: a sentence is asked
    again as the next one's context, and by every ablation that leaves its rules on)."""
    return _triggers(plain, switched_off_of(_trigger_rules()))


@lru_cache(maxsize=1)
def _trigger_rules() -> frozenset[str]:
    """The rules a sentence's triggers depend on (the key of the memo besides the text)."""
    lex = lexicon()
    return frozenset(g.name for g in (*lex.triggers, *lex.not_advice_after, *lex.not_advice_before)) \
        | {QUOTED, REPORTED}


@lru_cache(maxsize=16)
def _trigger_patterns(off: frozenset[str]) -> tuple[tuple[str, re.Pattern[str], Words], ...]:
    """(strength, pattern, its words) of every trigger rule not in `off`, in the lexicon's order."""
    return tuple((group.strength, pattern, words) for group in lexicon().triggers
                 if group.name not in off for pattern, words in screening(group.patterns))


@lru_cache(maxsize=16)
def _guard_patterns(off: frozenset[str]) -> Guards:
    """The guards of the rules not in `off`, in the lexicon's order."""
    lex = lexicon()
    return (tuple(p for g in lex.not_advice_after if g.name not in off for p in g.patterns),
            screening(p for g in lex.not_advice_before if g.name not in off for p in g.patterns))


@lru_cache(maxsize=16)
def _vocabulary(off: frozenset[str]) -> frozenset[str]:
    """The words the screens of the trigger and not-advice-before patterns name."""
    return vocabulary([*(words for _, _, words in _trigger_patterns(off)),
                       *(words for _, words in _guard_patterns(off)[1])])


@lru_cache(maxsize=1024)
def _sentence_guards(present: Present, off: frozenset[str]) -> Guards:
    """The guards of the rules not in `off` whose words the sentence holds: a sentence with
    many triggers screens each not-advice-before pattern once, then each look-behind
    (memoised: an article's sentences hold few distinct sets of the lexicon's words)."""
    after, before = _guard_patterns(off)
    return after, tuple((p, words) for p, words in before if may_hold(words, present))


@lru_cache(maxsize=1024)
def _sentence_patterns(present: Present, off: frozenset[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(strength, pattern) of the trigger rules not in `off` whose words the sentence holds,
    in the lexicon's order (memoised like `_sentence_guards`)."""
    return tuple((strength, pattern) for strength, pattern, words in _trigger_patterns(off)
                 if may_hold(words, present))


@lru_cache(maxsize=4096)
def _triggers(plain: str, off: frozenset[str]) -> tuple[Trigger, ...]:
    """`triggers` for one sentence with the rules in `off` switched off; a pattern whose
    words the sentence lacks is not run (extraction/prefilter.py)."""
    lowered = screened(plain)
    present = words_present(_vocabulary(off), lowered)
    guards = _sentence_guards(present, off)
    found = [Trigger(m.start(), strength, *_actor_phrase(plain, m))
             for strength, pattern in _sentence_patterns(present, off)
             for m in pattern.finditer(plain) if not _blocked(plain, lowered, m.start(), guards)]
    return tuple(sorted(found, key=lambda t: t.start))
