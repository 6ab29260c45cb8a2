"""Word-level judgements of the entity recognizer, from the lists in data/entities.yaml
and data/places.yaml: which words a personal name holds, which name nothing alone, where a
title sits, what kind an unknown name is.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .aliases import is_acronym
from .names import Span, is_capitalized, name_words
from ..datafiles import load_data
from ..rules import active, rule

MAX_PERSON_WORDS = 4
MONTH_IN_NAME = rule("month-in-a-name", "entity", "A month that is also a name, after a personal "
                     "name's first word, is part of it ('Theresa May'), not a date word.")
DESIGNATOR = re.compile(r"[A-Z]{1,3}|[IVXLC]+")
"""What follows a law's part word to name it: a letter or two, a roman numeral."""
CONTRACTION = re.compile(r"[’'](?:ve|re|d|ll|m)$", re.I)
MAX_ACRONYM = 6
"""Longer words in capitals are shouting ("RECOMMENDATION"), not acronyms."""


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, str], frozenset[str]]:
    """Place names → the place they stand for (a capital → its country), and the
    demonyms, which are adjectives and no names (data/places.yaml)."""
    data = load_data("data/places.yaml")
    places = {name: name for name in [*data["countries"], *data["places"], *data["states"]]}
    places.update(data["capitals"])
    demonyms = frozenset(d for ds in data["countries"].values() for d in ds)
    return places, demonyms


def find_title(words: Sequence[str]) -> tuple[int, int] | None:
    """Where the last person title sits in a span, as (start, end), or None."""
    titles = name_words()["titles"]
    best, i = None, 0
    while i < len(words):
        j = next((j for j in range(len(words), i, -1) if " ".join(words[i:j]) in titles), i)
        if j > i:
            best = (i, j)
        i = max(j, i + 1)
    return best


def is_name_word(word: str) -> bool:
    """A word a personal name can hold: capitalized, an initial or a particle."""
    lex = name_words()
    if word in lex["name_particles"] or word.rstrip(".").isupper() and len(word) <= 2:
        return True
    return is_capitalized(word) and word not in lex["org_cues"] \
        and not is_no_name(word) and not is_acronym(word)


def looks_like_person(words: Sequence[str], titled: bool = False) -> bool:
    """One to four name words, none of them a joiner of an institution's name; after the
    first, or after a title (`titled`), a month that is also a name counts ("Theresa May",
    "Sen. June Walker"; rule month-in-a-name)."""
    months = name_words()["name_months"] if active(MONTH_IN_NAME) else frozenset()
    return 1 <= len(words) <= MAX_PERSON_WORDS \
        and (is_name_word(words[0]) or (titled and words[0] in months and len(words) > 1)) \
        and all(is_name_word(w) or w in months for w in words[1:]) \
        and not any(w in ("of", "for", "on", "and") for w in words)


def cue_kind(words: Sequence[str]) -> str | None:
    """ "law" or "event" when a name ends in a cue word of that kind ("Clean Air Act",
    "Patriot Act of 2001", "Iraq War") or designates a law's part ("Regulation D"), else None."""
    lex = name_words()
    if len(words) >= 2 and words[0] in lex["designated_law_heads"] and DESIGNATOR.fullmatch(words[1]):
        return "law"  # "Regulation D", "Title IX"
    last = list(words)
    if len(last) > 2 and last[-2] == "of" and last[-1].isdigit():
        last = last[:-2]  # "… Act of 2021"
    if len(last) < 2:
        return None
    if last[-1] in lex["law_cues"]:
        return "law"
    return "event" if last[-1] in lex["event_cues"] else None


def guess_kind(words: Sequence[str], span: Span) -> str | None:
    """Kind of a name no table knows, from its own words and the words around it."""
    lex = name_words()
    named = cue_kind(words)
    if named:
        return named
    if words[-1] in lex["place_cues"] or span.after in lex["place_nouns"]:
        return "place"
    if any(w in lex["org_cues"] for w in words) or is_acronym(" ".join(words)):
        return "organization"
    if span.after in lex["person_verbs"] or span.after in lex["person_nouns"] \
            or (len(words) > 1 and looks_like_person(words)):
        return "person"
    if len(words) == 1 and span.before in lex["place_prepositions"]:
        return "place"
    return "organization" if len(words) > 1 else None


def is_no_name(word: str) -> bool:
    """A word that names nothing alone: small words, contractions ("We’re"), adjectives and
    demonyms, initials, "Iranian-backed", party-and-state tags ("R-Ky"), shouting, and two
    small words a typo ran together ("Januarythat")."""
    lex = name_words()
    small = lex["stop_words"]
    low = word.lower()
    if low in small or low in lex["not_names"] or len(word.rstrip(".")) == 1 \
            or word in gazetteer()[1]:
        return True
    if word.isupper() and len(word) > MAX_ACRONYM:
        return True
    if CONTRACTION.search(word):
        return True  # "I’ve", "We’re", "I’d": a pronoun and a verb, never a name
    head, _, tail = word.partition("-")
    if tail and len(head) == 1:
        return True
    if tail and head.lower() not in lex["name_prefixes"] and (
            head in gazetteer()[1] or any(p[:1].islower() for p in tail.split("-"))):
        return True
    return any(low[:i] in small and low[i:] in small for i in range(2, len(low) - 1))


def word_key(word: str) -> str:
    """A word without apostrophes or a name prefix ("Kata’ib" → "Kataib", "al-Kadhimi" →
    "Kadhimi"), so a spelling or a surname used elsewhere vouches for a sentence's first word."""
    head, _, rest = word.partition("-")
    word = rest if rest and head.lower() in name_words()["name_prefixes"] else word
    return word.replace("’", "").replace("'", "")
