"""Whose words a sentence gives: the author's, or someone quoted, reported or attributed.

A modal inside quotation marks, under a third party's reporting verb ("the committee
will suggest that X should …") or in a sentence that ends by naming its speaker ("…, the
minister said.") is someone else's advice or forecast, not the author's. Recommendations
and open questions both ask this; the author's own frame ("we believe", "our research
tells us") stays the author's.
"""
from __future__ import annotations

import re

from ..rules import active, rule
from .backscan import matches_before
from .lexicon import lexicon

QUOTED = rule("quoted-words", "recommendation",
              "Words inside quotation marks are someone else's (an official, a company, a slogan).")
REPORTED = rule("reported-clause", "recommendation",
                "A modal under a third party's reporting verb ('X said / will suggest that Y should') is theirs.")
ATTRIBUTED = rule("attributed-sentence", "recommendation",
                  "A sentence that names its speaker at the end ('…, the senator said.') reports them.")
QUOTED_QUESTION = rule("quoted-question", "question",
                       "A quoted question given to a speaker or mentioned in a clause is not one the author poses.")

_CLAUSE_START = re.compile(r"[,;:\u2014\u2013(]|--|\b(?:but|because|while|although|though|whereas)\b", re.I)
_COORDINATED = re.compile(r"\s*(?:and|or|but)?\s*that\b", re.I)
_FRAME_FILLERS = frozenset({"also", "still", "continue", "continues", "to", "would", "do", "does",
                            "further", "therefore", "again", "now", "have", "has", "long", "too",
                            "will", "can", "must", "should", "may", "might", "all"})
"""Words between a reporter and its verb that leave the reporter the subject ("we also believe",
"we continue to believe")."""
_FIRST_PERSON_OWNER = re.compile(r"^\W*(?:our|my)\b", re.I)


def inside_quotes(plain: str, start: int) -> bool:
    """True when `start` falls inside quoted words (reported speech, a slogan)."""
    before = plain[:start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _reporting_clause(plain: str, end: int) -> str:
    """The clause `plain[:end]` ends in, reaching back over coordinated that-clauses
    ("X argue that A, and that the Fed should …") to the verb that governs them: the
    pieces `_CLAUSE_START.split(plain[:end])` gives, from the last back to the first one
    that is not coordinated, read back from `end` (extraction/backscan.py) so a trigger
    costs its clause, not the whole sentence before it."""
    pieces, hi = [], end
    for m in matches_before(_CLAUSE_START, plain, end):
        pieces.append(plain[m.end():hi])
        if not _COORDINATED.match(pieces[-1]):
            break
        hi = m.start()
    else:
        pieces.append(plain[:hi])
    return " ".join(reversed(pieces))


def _reporter(words: list[str]) -> str:
    """The word that reports, skipping adverbs and auxiliaries ("we also believe" → "we")."""
    for word in reversed(words):
        low = word.lower()
        if low not in _FRAME_FILLERS and not low.endswith("ly"):
            return low
    return ""


def reported(plain: str, start: int) -> bool:
    """True when the position sits in words reported from a third party ("they believe X should")."""
    lex = lexicon()
    clause = _reporting_clause(plain, start)
    for m in lex.reporting.finditer(clause):
        subject = clause[:m.start()].split()
        said_by = _reporter(subject)
        if said_by in lex.first_person or said_by in lex.not_before_reporting:
            continue
        if _FIRST_PERSON_OWNER.match(clause[:m.start()]):  # "Our research has told us …"
            continue
        return True
    return False


def reports_someone(plain: str) -> bool:
    """True when the sentence reports what a third party says, suggests or believes."""
    return _third_party(plain, lexicon().reporting, frozenset())


def proposes_for_someone(plain: str) -> bool:
    """True when the sentence gives a third party's proposal ("The committee will suggest a
    tax"), not evidence ("The data suggest …")."""
    return _third_party(plain, lexicon().proposing, lexicon().evidence_nouns)


def _third_party(plain: str, verbs: re.Pattern[str], not_reporters: frozenset[str]) -> bool:
    """True when one of `verbs` has a third party as its subject (not the author, not a
    noun's determiner, none of `not_reporters`)."""
    lex = lexicon()
    for m in verbs.finditer(plain):
        said_by = _reporter(plain[:m.start()].split())
        if said_by and said_by not in lex.first_person and said_by not in lex.not_before_reporting \
                and said_by not in not_reporters:
            return True
    return False


def others_words(plain: str, start: int) -> bool:
    """True when the words at `start` are quoted or reported, not the author's own."""
    return ((active(QUOTED) and inside_quotes(plain, start))
            or (active(REPORTED) and reported(plain, start)))


def attributed(plain: str) -> bool:
    """True for a sentence that ends by naming its speaker or sets the speaker off as an aside."""
    return active(ATTRIBUTED) and lexicon().reported_sentence.search(plain) is not None


def quoted_question(plain: str, index: int) -> bool:
    """True when the question mark at `index` closes a quoted question given to someone
    ('The mayor asked, "Who pays?"') or mentioned inside the author's clause ('they start
    to ask "what is possible?"'); one the author poses after a colon or as a quoted line
    standing alone ('Senators might ask this: "Who pays?"') stays theirs."""
    if not (active(QUOTED_QUESTION) and inside_quotes(plain, index)):
        return False
    opening = max(plain.rfind("“", 0, index), plain.rfind('"', 0, index))
    closing = min((i for i in (plain.find("”", index), plain.find('"', index)) if i >= 0), default=len(plain))
    lead = plain[:opening].rstrip(" *")
    posed = (lead == "" or lead.endswith(":")) and lexicon().reporting.search(plain[closing:]) is None
    return not posed
