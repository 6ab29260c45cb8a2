"""The extraction lexicon (generator/data/lexicon.yaml), loaded once and compiled.

Word lists and patterns live in YAML so an analyst can tune them without touching the
rules that use them; this module only turns them into regexes and sets. Each group of
advice or question patterns is a named rule (generator/rules.py), declared as it loads.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


from ..rules import rule
from ..datafiles import load_data

STRENGTHS = ("must", "should", "could")
"""Strengths from strongest to weakest."""


@dataclass(frozen=True, slots=True)
class PatternRule:
    """A named group of patterns for one class of phrasing (and its strength, for triggers)."""

    name: str
    patterns: tuple[re.Pattern[str], ...]
    strength: str = ""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled patterns and word sets; see lexicon.yaml for what each one means."""

    triggers: tuple[PatternRule, ...]
    not_advice_after: tuple[PatternRule, ...]
    not_advice_before: tuple[PatternRule, ...]
    passive_patient: re.Pattern[str]
    passive_agent: re.Pattern[str]
    reporting: re.Pattern[str]
    proposing: re.Pattern[str]
    evidence_nouns: frozenset[str]
    reported_sentence: re.Pattern[str]
    first_person: frozenset[str]
    not_before_reporting: frozenset[str]
    lead_in: re.Pattern[str]
    imperative_verbs: frozenset[str]
    rhetorical_imperatives: frozenset[str]
    not_after_imperative: frozenset[str]
    imperative_phrasal: frozenset[str]
    addressee_heading: re.Pattern[str]
    memo_addressee: re.Pattern[str]
    advice_lead_end: re.Pattern[str]
    list_lead_words: re.Pattern[str]
    enumerator: re.Pattern[str]
    block_label: re.Pattern[str]
    pronouns: dict[str, frozenset[str]]
    pronoun_words: frozenset[str]
    """Every pronoun of `pronouns`, and "i"."""
    pair_words: frozenset[str]
    pair_edges: tuple[str, ...]
    """Each pair word set off by spaces, for one startswith / endswith test of a phrase."""
    nation_words: frozenset[str]
    government_nouns: frozenset[str]
    person_roles: frozenset[str]
    group_roles: frozenset[str]
    subject_openers: tuple[str, ...]
    generic_orgs: frozenset[str]
    sovereign_nouns: frozenset[str]
    prepositions: frozenset[str]
    demonyms: dict[str, str]
    implied_actors: tuple[tuple[re.Pattern[str], str], ...]
    not_agent_nouns: frozenset[str]
    stative_participles: frozenset[str]
    action_nouns: frozenset[str]
    institution_adjectives: dict[str, str]
    first_person_frame: re.Pattern[str]
    membership_nouns: frozenset[str]
    speaker_group: re.Pattern[str]
    uncertainty: tuple[PatternRule, ...]


def _words(items: list[str]) -> frozenset[str]:
    """A set of lower-cased words or phrases."""
    return frozenset(str(i).lower() for i in items)


def _any_word(items: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of the phrases as whole words, longest
    first. The phrases are grouped by their first letter ("s(?:aid|ays|…)"): a word start
    enters one group, not every phrase (re.I leaves the regex engine no quick first-letter
    test), and at any place the same phrase matches as in one flat alternation."""
    alts = sorted((re.escape(str(i)).replace(r"\ ", r"\s+") for i in items), key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for alt in alts:
        # an escaped mark stays whole, and so does a phrase opening with a letter beyond
        # ASCII (one such may fold onto another group's letter, case-blind)
        first = alt[0].lower() if alt[0].isascii() and alt[0].isalpha() else alt
        groups.setdefault(first, []).append(alt[len(first):])
    return re.compile(r"\b(?:" + "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
                      + r")\b", re.I)


def _rules(groups: list[dict], stage: str) -> tuple[PatternRule, ...]:
    """Declare each YAML group as a rule of `stage` and compile its patterns."""
    return tuple(PatternRule(rule(g["rule"], stage, g["reason"]),
                             tuple(re.compile(p, re.I) for p in g["patterns"]),
                             g.get("strength", ""))
                 for g in groups)


def compile_lexicon(data: dict) -> Lexicon:
    """Turn the YAML mapping into a Lexicon (patterns compiled, lists as sets)."""
    flags = re.I
    triggers = _rules(data["triggers"], "recommendation")
    unknown = {t.strength for t in triggers} - set(STRENGTHS)
    if unknown:
        raise ValueError(f"unknown strength in lexicon: {', '.join(sorted(unknown))}")
    roles = data["role_nouns"]
    return Lexicon(
        triggers=triggers,
        not_advice_after=_rules(data["not_advice_after_trigger"], "recommendation"),
        not_advice_before=_rules(data["not_advice_before"], "recommendation"),
        passive_patient=re.compile(data["passive_patient"], flags),
        passive_agent=re.compile(data["passive_agent"]),
        reporting=_any_word(data["reporting_verbs"]),
        proposing=_any_word(data["proposal_verbs"]),
        evidence_nouns=_words(data["evidence_nouns"]),
        reported_sentence=re.compile(data["reported_sentence"]),
        first_person=_words(data["first_person"]),
        not_before_reporting=_words(data["not_before_reporting"]),
        lead_in=re.compile(data["lead_in"], flags),
        imperative_verbs=_words(data["imperative_verbs"]),
        rhetorical_imperatives=_words(data["rhetorical_imperatives"]),
        not_after_imperative=_words(data["not_after_imperative"]),
        imperative_phrasal=_words(data["imperative_phrasal"]),
        addressee_heading=re.compile(data["addressee_heading"], flags),
        memo_addressee=re.compile(data["memo_addressee"], flags),
        advice_lead_end=re.compile(data["advice_lead_end"], flags),
        list_lead_words=re.compile(data["list_lead_words"], flags),
        enumerator=re.compile(data["enumerator"]),
        block_label=re.compile(data["block_label"]),
        pronouns={k: _words(v) for k, v in data["pronouns"].items()},
        pronoun_words=frozenset().union(*(_words(v) for v in data["pronouns"].values()), {"i"}),
        pair_words=_words(data["pair_words"]),
        pair_edges=tuple(sorted(f" {w} " for w in _words(data["pair_words"]))),
        nation_words=_words(data["nation_words"]),
        government_nouns=_words(data["government_nouns"]),
        person_roles=_words(roles["person"]),
        group_roles=_words(roles["group"]),
        subject_openers=tuple(sorted((str(w).lower() for w in data["subject_openers"]),
                                     key=len, reverse=True)),
        generic_orgs=_words(data["generic_orgs"]),
        sovereign_nouns=_words(data["sovereign_nouns"]),
        prepositions=_words(data["prepositions"]),
        demonyms={str(k): str(v) for k, v in data["demonyms"].items()},
        implied_actors=tuple((re.compile(p, flags), str(a)) for p, a in data["implied_actors"].items()),
        uncertainty=_rules(data["uncertainty"], "question"),
        not_agent_nouns=_words(data["not_agent_nouns"]),
        stative_participles=_words(data["stative_participles"]),
        action_nouns=_words(data["action_nouns"]),
        institution_adjectives={str(k): str(v) for k, v in data["institution_adjectives"].items()},
        first_person_frame=re.compile(data["first_person_frame"], flags),
        membership_nouns=_words(data["membership_nouns"]),
        speaker_group=re.compile(data["speaker_group"], flags),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The built-in lexicon, read from the package data once per process."""
    return compile_lexicon(load_data("data/lexicon.yaml"))
