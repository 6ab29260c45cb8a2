"""The phrases that name an actor: the subject before an advising verb, a passive's agent,
and a group written as a plain common-noun phrase ("local schools", "every newsroom").

An agent noun ("publishers", "regulators", "journalists") or a role noun of the lexicon
heads a group that can act; a group is written in its short canonical form: lower case
unless the article writes its words with capitals inside sentences ("IAB members").
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .backscan import matches_before
from .lexicon import lexicon
from ..rules import active, rule

STATIVE_PASSIVE = rule("stative-passive-subject", "recommendation",
                       "'Editors should be involved' describes the subject's own conduct, unlike 'the law should be repealed'")
BENEFICIARY = rule("beneficiary-subject", "recommendation",
                   "'Workers should receive benefits': the subject gets what others must give, so it is not who acts")
_BENEFICIARY = re.compile(
    r"^\s*(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to)\s+(?:(?:not|also|still|now|then|all|\w+ly)\s+)*"
    r"(?:(?:start|begin|continue)\s+(?:to\s+)?)?(?:receiv\w*|get|getting|obtain\w*|be\s+(?:entitled|eligible))\b", re.I)

_APOS = r"(?:'s|’s|'|’)"
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2014\u2013]|--|\s-\s|\b(?:that|which|who|whom|but|because|while|if|when|"
    r"whereas|although|though|since|unless|until|so|then|whether|as|why|how|where)\b", re.I)
_AUXILIARIES = re.compile(r"(?:\s+(?:(?-i:will|would|shall|may|might|can|could)|also|still|now|then|"
                          r"really|just|eventually|ultimately|therefore))+\s*$", re.I)
"""Verbs and adverbs between a subject and its advising verb ("USPS will need to"); a
capitalised modal there is a name ("Mrs May should")."""
_TIME_OWNER = re.compile(r"^(?:this|last|next|the)\s+(?:week|month|year|day|session)" + _APOS + r"\s+", re.I)
_AGENT_ENDING = re.compile(r"(?:ers|ors|ists|ians|eers|ees|ants|dents)$")
_PASSIVE = re.compile(
    r"^\s*(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to|will\s+need\s+to|can|could|may)"
    r"\s+(?:(?:not|also|still|now|then|first|all|\w+ly)\s+)*be\s+(?:\w+ly\s+)?"
    r"(?P<verb>\w+(?:ed|en|wn|ne|lt|ght|id|ung|ade|et|ut))\b(?!\s+to\b)(?P<rest>[^;:]*)", re.I)
_AGENT = re.compile(r"^[^,;]*?\bby\s+(?P<agent>(?:the\s+)?[\w.’'-]+(?:\s+(?:of\s+|and\s+|for\s+)?[\w.’'-]+){0,5}?)"
                    r"\s*(?=,|;|\.|$|\s(?:with|to|in|on|at|before|after|within|by|as|and\s+(?:its|their)|so)\b)", re.I)
_CLAUSE_OPENERS = frozenset({"who", "whom", "that", "which", "we", "they", "you", "i"})
"""A relative clause ends a group's noun phrase ("every newsroom we talk to")."""
SUBJECT_WINDOW = 400
"""Characters before a verb read for its subject: a clause, with room for an aside."""
MAX_GROUP_WORDS = 5
"""A longer common-noun subject is a description, not a group's name."""


@lru_cache(maxsize=1 << 16)
def subject_before(plain: str, start: int) -> tuple[str, int]:
    """The subject phrase of the clause whose verb starts at `start`, and where it starts,
    without the auxiliaries before that verb ("USPS will need to" -> "USPS"); memoised, as
    an advice sentence's modal is read for its subject by the actor index and its trigger.

    Parentheses are blanked out and an aside set off just before the verb
    ("The United States, working with Iraq, should") is skipped."""
    lo = max(0, start - SUBJECT_WINDOW)
    before = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), plain[lo:start]).rstrip()
    for mark in (",", "\u2014", "--"):
        if before.endswith(mark):
            inner = before[:-len(mark)]
            cut = inner.rfind(mark)
            before = inner[:cut] if cut >= 0 else ""
            break
    begin = last_break_end(before)
    phrase = _AUXILIARIES.sub("", before[begin:])
    return phrase.strip(), lo + begin + len(phrase) - len(phrase.lstrip())


def last_break_end(before: str) -> int:
    """Where the last clause break in `before` ends (0: none), as a scan of all of it finds,
    read back from the end (extraction/backscan.py): a verb costs its clause."""
    last = next(matches_before(_CLAUSE_BREAK, before, len(before)), None)
    return last.end() if last is not None else 0


@lru_cache(maxsize=1)
def _openers() -> re.Pattern[str]:
    """One pattern for a run of openers (determiners, sentence adverbs, "this week's")."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lexicon().subject_openers)
    return re.compile(rf"^(?:{_TIME_OWNER.pattern[1:]}|(?:{words})(?:[\s,]+|$))+", re.I)


def strip_openers(phrase: str) -> str:
    """Drop determiners, sentence adverbs and a time's possessive ("this week's") from the
    front of a subject phrase."""
    text = phrase.strip(" *\"'“”-•")
    return re.sub(_APOS + r"$", "", _openers().sub("", text, count=1))


def passive_agent(after: str) -> tuple[str, int] | None:
    """After a subject, a passive advising verb ("… should be reviewed by the FTC"): the
    agent and where it starts in `after` ("", 0 when the passive names none, or when the
    subject is who receives: "… should get benefits"), else None (the subject acts)."""
    if active(BENEFICIARY) and _BENEFICIARY.match(after):
        return "", 0  # acts like a passive without an agent: who gives is not said
    found = _PASSIVE.match(after)
    if found is None or (active(STATIVE_PASSIVE)
                         and found.group("verb").lower() in lexicon().stative_participles):
        return None
    agent = _AGENT.match(found.group("rest"))
    if agent is None:
        return "", 0
    return agent.group("agent"), found.start("rest") + agent.start("agent")


def is_group_noun(word: str) -> bool:
    """A noun for people or bodies that can act: a role noun of the lexicon or an agent
    noun by its ending ("publishers", "journalists"), not a thing with that ending."""
    lex = lexicon()
    low = word.lower().strip(",.")
    plural = low[:-1] + "ies" if low.endswith("y") else low + "s"  # "company" is a "companies"
    if low in lex.group_roles or low in lex.person_roles or plural in lex.group_roles:
        return True
    return bool(_AGENT_ENDING.search(low)) and low not in lex.not_agent_nouns


def plain_group(words: Sequence[str], capitalized: frozenset[str]) -> str:
    """A group's words in canonical form: a plural group whose only capital opens the
    sentence is written in lower case ("Regulators" -> "regulators"); a name the article
    capitalises inside sentences ("City Council", "States") stays as written."""
    first, rest = words[0], words[1:]
    common = first[:1].isupper() and not first.isupper() and first not in capitalized \
        and not re.search(_APOS + "$", first) \
        and not any(w[:1].isupper() for w in rest) and words[-1].lower().rstrip(",.").endswith("s")
    return " ".join([first.lower() if common else first, *rest]).strip(",.")


def group_phrase(text: str, capitalized: frozenset[str]) -> str | None:
    """A subject written as a plain noun phrase whose head is a group noun ("local schools",
    "student newsroom", "non-profit standards-setting bodies") in canonical form, else None."""
    words = text.split()
    preps = lexicon().prepositions
    cut = next((i for i, w in enumerate(words)
                if w.lower() in preps or (i and w.lower() in _CLAUSE_OPENERS)), len(words))
    words = words[:cut]
    if not 0 < len(words) <= MAX_GROUP_WORDS or not is_group_noun(words[-1]):
        return None
    if any(not re.fullmatch(r"[\w’'-]+[,.]?", w) for w in words) or words[0].lower().endswith("ing"):
        return None
    return plain_group(words, capitalized)


def plural_group(group: str) -> str:
    """A group named by one generic member ("every student newsroom") as the group itself
    ("student newsrooms"), the form the rest of the brief uses for groups."""
    head = group.rstrip(",.")
    if head.endswith("s") or not head[-1:].islower():
        return head
    if head.endswith("y") and head[-2:-1] not in "aeiou":
        return head[:-1] + "ies"
    return head + ("es" if head.endswith(("ch", "sh", "x")) else "s")
