"""Sentences -> the author's recommendations, each with its actor and strength.

A sentence is advice when it carries a trigger from the lexicon (deontic modals, "it is
critical that", "the best way to … is to", "we urge X to", "X can help") that is not
quoted, not someone else's reported words and not a question; or when it is an imperative
item of a list, a heading, or running text that follows advice. Its strength is that of
its first trigger; its actor comes from generator.actors.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .actors import Article, actor_of_phrase, make_article, resolve_actor, subject_before
from .aliases import Aliases
from .lexicon import lexicon
from ..model import Recommendation, Sentence

_CLAUSE_START = re.compile(r"[,;:\u2014\u2013(]|--|\b(?:but|because|while|although|though|whereas)\b", re.I)
_HEADING_NUMBER = re.compile(r"\s*(?:(?:step|part)\s+)?(\d{1,2})[.):]\s", re.I)
SHORT_COMMAND = 5
"""Words at most in an imperative that counts as advice on its own in running text: a terse
call ("Act now.", "Vote no."); a longer one needs advice before it."""
_COORDINATED = re.compile(r"\s*(?:and|or|but)?\s*that\b", re.I)
_ITEM_MARK = re.compile(r"^\s*(?:\(?(?:[ivx]{1,5}|[a-j]|\d{1,2})[.)]|[-*•]|(?:[A-Z]+\s+)?\d{1,3}(?:\.\d+)*\s*[:.])\s*")


@dataclass(frozen=True, slots=True)
class Trigger:
    """Where a sentence advises, how strongly, and the phrase that names the actor."""

    start: int
    strength: str
    phrase: str
    offset: int


def _inside_quotes(plain: str, start: int) -> bool:
    """True when `start` falls inside quoted words (reported speech, a slogan)."""
    before = plain[:start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _reporting_clause(before: str) -> str:
    """The clause a trigger sits in, reaching back over coordinated that-clauses
    ("X argue that A, and that the Fed should …") to the verb that governs them."""
    pieces = _CLAUSE_START.split(before)
    first = len(pieces) - 1
    while first > 0 and _COORDINATED.match(pieces[first]):
        first -= 1
    return " ".join(pieces[first:])


def _reported(plain: str, start: int) -> bool:
    """True when the trigger sits in words reported from a third party ("they believe X should")."""
    lex = lexicon()
    clause = _reporting_clause(plain[:start])
    for m in lex.reporting.finditer(clause):
        subject = clause[:m.start()].split()
        said_by = subject[-1].lower() if subject else ""
        if said_by not in lex.first_person and said_by not in lex.not_before_reporting:
            return True
    return False


def _blocked(plain: str, start: int) -> bool:
    """True when the trigger at `start` is description, a quotation or reported words."""
    lex = lexicon()
    rest, before = plain[start:], plain[:start]
    return (any(p.match(rest) for p in lex.not_advice_after)
            or any(p.search(before) for p in lex.not_advice_before)
            or _inside_quotes(plain, start) or _reported(plain, start))


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


def triggers(plain: str) -> list[Trigger]:
    """Every advising trigger in a sentence, in reading order."""
    found = [Trigger(m.start(), strength, *_actor_phrase(plain, m))
             for strength, pattern in lexicon().triggers
             for m in pattern.finditer(plain) if not _blocked(plain, m.start())]
    return sorted(found, key=lambda t: t.start)


def item_body(plain: str) -> str:
    """A list item's text without its marker ("ii. ", "- ", "3.1: ")."""
    return _ITEM_MARK.sub("", plain, count=1).lstrip("*\"“ ")


def is_imperative(plain: str) -> bool:
    """True when the text opens with a base verb used as a command ("Repeal the tax.")."""
    lex = lexicon()
    words = re.findall(r"[\w’'-]+|,", item_body(plain))
    if len(words) >= 2 and words[0].lower() in ("do", "don’t", "don't", "never") and words[1].lower() in ("not", *lex.imperative_verbs):
        return True
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    head = words[0].lower()
    return head in lex.imperative_verbs and (words[1].lower() not in lex.not_after_imperative
                                             or f"{head} {words[1].lower()}" in lex.imperative_phrasal)


def _item_start(s: Sentence) -> bool:
    """True for the first sentence of a list item (a bullet or an inline "ii." item)."""
    return s.list_item and (s.index == 0 or _ITEM_MARK.match(s.plain) is not None)


def _list_follows_advice(sentences: Sequence[Sentence], pos: int, advised: set[int]) -> bool:
    """True when the item before this one, or the list's lead-in ("… should be to:"), was advice."""
    for p in range(pos - 1, -1, -1):
        if _item_start(sentences[p]):
            return p in advised
        if not sentences[p].list_item:
            lead = sentences[p].plain
            return ":" in lead and (p in advised or lexicon().list_lead_words.search(lead) is not None)
    return False


def _numbered_after_advice(sentences: Sequence[Sentence], pos: int, advised: set[int]) -> bool:
    """True for a numbered heading ("## 3. Pilot a mileage fee") whose previous numbered
    heading ("## 2. …") was advice: the steps of one plan."""
    number = _HEADING_NUMBER.match(sentences[pos].plain)
    if number is None:
        return False
    for p in range(pos - 1, -1, -1):
        before = _HEADING_NUMBER.match(sentences[p].plain) if sentences[p].heading else None
        if before:
            return p in advised and int(before.group(1)) + 1 == int(number.group(1))
    return False


def _advice_context(sentences: Sequence[Sentence], pos: int, advised: set[int]) -> bool:
    """True when the sentence before, in the same paragraph, gives or introduces advice."""
    if pos == 0 or sentences[pos - 1].paragraph != sentences[pos].paragraph:
        return False
    return pos - 1 in advised or lexicon().advice_lead_end.search(sentences[pos - 1].plain) is not None


def _short_command(plain: str) -> bool:
    """A short imperative standing in running text ("Fix it now.", "Vote no.") is a call
    to act, unless its verb opens an example ("Consider the numbers.")."""
    words = plain.split()
    return len(words) <= SHORT_COMMAND and words[0].lower() not in lexicon().rhetorical_imperatives


def _excluded(s: Sentence) -> bool:
    """Questions, lead-ins ("We make the following recommendations:") and advice a named
    speaker gave ("…, the senator said.") are not the author's advice."""
    lex = lexicon()
    text = s.plain.rstrip(" \"”’')*")
    return (text.endswith("?") or lex.lead_in.search(s.plain) is not None
            or lex.reported_sentence.search(s.plain) is not None)


def advice(sentences: Sequence[Sentence], pos: int, advised: set[int]) -> tuple[str, list[Trigger]] | None:
    """(strength, triggers) when the sentence at `pos` is the author's advice, else None."""
    s = sentences[pos]
    if _excluded(s):
        return None
    found = triggers(s.plain)
    if found:
        return found[0].strength, found
    labelled = lexicon().block_label.match(s.plain) is not None
    if _item_start(s) and not labelled and _list_follows_advice(sentences, pos, advised):
        return "should", []
    if s.heading and _numbered_after_advice(sentences, pos, advised):
        return "should", []
    if is_imperative(s.plain) and (_item_start(s) or s.heading or _advice_context(sentences, pos, advised)
                                   or _short_command(s.plain)):
        return "should", []
    return None


def _lead_in_actor(doc: Article, pos: int, previous: Sequence[tuple[int, str | None]]
                   ) -> list[tuple[int, str | None]]:
    """A lead-in that names who acts ("What mayors should do:") is no advice itself, but
    the items under it are that actor's: [(pos, actor)] to carry as context, else []."""
    s = doc.sentences[pos]
    found = triggers(s.plain) if lexicon().lead_in.search(s.plain) else []
    actor = resolve_actor(doc, pos, [(t.phrase, t.offset) for t in found], []) if found else None
    return [(pos, actor)] if actor else []


def _elaboration_actor(doc: Article, pos: int, previous: Sequence[tuple[int, str | None]]) -> str | None:
    """Advice without a subject ("**Shorten permitting timelines.** Congress should …") is
    for the actor that the next sentence of its paragraph names, when that one is advice."""
    nxt = pos + 1
    if nxt >= len(doc.sentences) or doc.sentences[nxt].paragraph != doc.sentences[pos].paragraph:
        return None
    hit = advice(doc.sentences, nxt, {pos, *(p for p, _ in previous)})
    for t in hit[1] if hit else []:
        actor = actor_of_phrase(t.phrase, t.offset, doc, nxt, previous)
        if actor:
            return actor
    return None


def find_recommendations(sentences: Sequence[Sentence], aliases: Aliases) -> tuple[Recommendation, ...]:
    """The author's recommendations, in reading order (ids are left for the id stage)."""
    doc: Article = make_article(sentences, aliases)
    previous: list[tuple[int, str | None]] = []
    seen: set[int] = set()  # the positions in `previous`, kept alongside (not rebuilt per sentence)
    recs: list[tuple[int, Recommendation]] = []
    for pos, s in enumerate(doc.sentences):
        hit = advice(doc.sentences, pos, seen)
        if hit is None:
            lead_in = _lead_in_actor(doc, pos, previous)
            previous += lead_in
            seen.update(p for p, _ in lead_in)
            continue
        strength, found = hit
        actor = (None if found else _elaboration_actor(doc, pos, previous)) \
            or resolve_actor(doc, pos, [(t.phrase, t.offset) for t in found], previous)
        previous.append((pos, actor))
        seen.add(pos)
        recs.append((pos, Recommendation(text=s.text, actor=actor, strength=strength,
                                         paragraph=s.paragraph, sentence=s.index)))
    return tuple(_anticipated(pos, rec, previous) for pos, rec in recs)


def _anticipated(pos: int, rec: Recommendation, context: Sequence[tuple[int, str | None]]) -> Recommendation:
    """Advice given before the article names anyone who acts ("There is an urgent need for
    a new approach.") is for the actor the advice after it names."""
    if rec.actor is not None:
        return rec
    later = next((actor for p, actor in context if p > pos and actor), None)
    return replace(rec, actor=later) if later else rec
