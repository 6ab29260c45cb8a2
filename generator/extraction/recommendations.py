"""Sentences -> the author's recommendations, each with its actor and strength.

A sentence is advice when it carries a trigger (extraction/triggers.py: deontic modals,
"it is critical that", "we urge X to", … not quoted or reported) and is no question,
lead-in or attributed line; or when it stands where advice stands (extraction/
advice_layout.py: an item under advice, an imperative item or command). Its strength is
that of its first trigger; its actor comes from extraction/actors.py.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .actors import READER, Article, actor_of_phrase, make_article, resolve_actor
from .advice_layout import (fronted_imperative, is_imperative, link_headline, list_starts, reported_crosshead,
                            reported_list, structural_advice)
from .aliases import Aliases
from .attribution import attributed, inside_quotes, proposes_for_someone
from .triggers import Trigger, triggers
from .lexicon import lexicon
from .prefilter import may_match, required_words, screened
from ..model import Recommendation, Sentence
from ..rules import active, rule

QUESTION = rule("question-not-advice", "recommendation",
                "A sentence the author ends with a question mark asks; it is an open question, not advice.")
LEAD_IN = rule("list-lead-in", "recommendation",
               "A lead-in that announces advice ('We make the following recommendations:') is no advice itself.")
COLON_LEAD_IN = rule("lead-in-ends-at-colon", "recommendation",
                     "Advice that stops at its modal or a colon ('the agency should:') leaves it to the items below.")
MEDIA_LABEL = rule("media-label", "recommendation",
                   "A clip or link label ('MUST WATCH Storm hits coast 02:31') has no subject or ends in a running time.")
_MEDIA_LABEL = re.compile(r"^\W*must[-\s]+(?:watch|see|read|listen)\b|\b\d{1,2}:\d{2}\s*$", re.I)
LEAD_IN_ACTOR = rule("lead-in-names-the-actor", "recommendation",
                     "Items under 'The SEC should:' are the SEC's, whatever an item's next sentence names")
COMMAND_TO_READER = rule("command-to-reader", "recommendation",
                         "A command opening running text, not continuing advice to someone named, is for the reader.")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.I)
REPORTED_CONTINUATION = rule("reported-continuation", "recommendation",
                             "Advice right after a third party's reported proposal, naming no actor and no "
                             "word of the author's, continues it.")
_AUTHOR_VOICE = re.compile(r"\b(?:(?i:we|us|our|ours|my|me)|I)\b|^\W*(?i:but|however|instead|yet|still|rather)\b")
"""First person, or a turn against what came before: the author speaking again."""
MAX_LEAD_IN_TAIL = 8
"""Words at most from a trigger to the colon that ends a lead-in ("the SEC should:")."""


def _colon_lead_in(plain: str, found: Sequence[Trigger]) -> bool:
    """True when the advice stops at its modal ("27.1: Congress Should") or at a colon a few
    words after it ("the SEC should:", "here is how I would recommend X proceed:"): the
    items carry it."""
    text = plain.rstrip(" *:")
    tail = text[found[-1].start:].split()
    return active(COLON_LEAD_IN) and (len(tail) == 1 or (
        plain.rstrip(" *").endswith(":") and len(tail) <= MAX_LEAD_IN_TAIL))


def _excluded(sentences: Sequence[Sentence], pos: int, starts: Sequence[int]) -> bool:
    """Questions, lead-ins ("We make the following recommendations:"), advice a named
    speaker gave ("…, the senator said.") and items of a reported list are not the author's."""
    s = sentences[pos]
    text = s.plain.rstrip(" \"”’')*")
    asks = text.endswith("?") and not inside_quotes(s.plain, len(text) - 1)
    lowered = screened(s.plain)  # a pattern is run only on a sentence holding one of its words
    return ((active(QUESTION) and asks)
            or (active(MEDIA_LABEL) and may_match(required_words(_MEDIA_LABEL), lowered)
                and _MEDIA_LABEL.search(s.plain) is not None)
            or (active(LEAD_IN) and may_match(required_words(lexicon().lead_in), lowered)
                and lexicon().lead_in.search(s.plain) is not None)
            or attributed(s.plain) or reported_list(sentences, pos, starts)
            or link_headline(sentences, pos) or reported_crosshead(sentences, pos))


def advice(sentences: Sequence[Sentence], pos: int, advised: set[int],
           starts: Sequence[int]) -> tuple[str, Sequence[Trigger]] | None:
    """(strength, triggers) when the sentence at `pos` is the author's advice, else None
    (`advised`: positions already found to be advice; `starts`: `list_starts(sentences)`)."""
    if _excluded(sentences, pos, starts):
        return None
    found = triggers(sentences[pos].plain)
    if found:
        return None if _colon_lead_in(sentences[pos].plain, found) else (found[0].strength, found)
    return ("should", ()) if structural_advice(sentences, pos, advised, starts) else None


def _lead_in_actor(doc: Article, pos: int, previous: Sequence[tuple[int, str | None]]
                   ) -> list[tuple[int, str | None]]:
    """A lead-in that names who acts ("What mayors should do:") is no advice itself, but
    the items under it are that actor's: [(pos, actor)] to carry as context, else []."""
    s = doc.sentences[pos]
    found = triggers(s.plain)
    if not (found and (lexicon().lead_in.search(s.plain) or _colon_lead_in(s.plain, found))):
        return []
    actor = resolve_actor(doc, pos, [(t.phrase, t.offset) for t in found], [])
    return [(pos, actor)] if actor else []


def _elaboration_actor(doc: Article, pos: int, previous: Sequence[tuple[int, str | None]],
                       seen: set[int], starts: Sequence[int]) -> str | None:
    """Advice without a subject ("**Shorten permitting timelines.** Congress should …") is
    for the actor that the next sentence of its paragraph names, when that one is advice."""
    nxt = pos + 1
    if nxt >= len(doc.sentences) or doc.sentences[nxt].paragraph != doc.sentences[pos].paragraph:
        return None
    added = pos not in seen
    seen.add(pos)  # this sentence is advice for the next one's sake; undone below, no copy
    try:
        hit = advice(doc.sentences, nxt, seen, starts)
    finally:
        if added:
            seen.discard(pos)
    for t in hit[1] if hit else []:
        actor = actor_of_phrase(t.phrase, t.offset, doc, nxt, previous)
        if actor:
            return actor
    return None


def _reader_command(doc: Article, pos: int, seen: set[int]) -> str | None:
    """READER for an imperative in running text ("Step back from the quarrel.", "If you
    ride the bus, tell your councillor.") that does not
    continue advice just given in its paragraph ("Congress should act. Expand the credit."),
    unless the page names its addressee (a memo's "To:", a heading "For Congress", "Vote no")
    and the command does not say "you"."""
    s = doc.sentences[pos]
    if not active(COMMAND_TO_READER) or s.list_item or s.heading or not (
            is_imperative(s.plain) or fronted_imperative(s.plain)):
        return None
    if pos > 0 and pos - 1 in seen and doc.sentences[pos - 1].paragraph == s.paragraph:
        return None
    named = resolve_actor(doc, pos, [], [])
    says_you = _SECOND_PERSON.search(s.plain) is not None and named != doc.memo
    return READER if named is None or says_you else None


def _continues_report(doc: Article, pos: int, found: Sequence[Trigger], reporting: set[int]) -> bool:
    """True for advice that goes on giving a third party's proposal: the sentence before it
    (the last of the paragraph before, for a paragraph's first) proposes in someone else's
    name ("The committee will suggest a tax.", "…, the committee will suggest.") or goes on
    doing so (`reporting`), and this one names no actor and has no word of the author's
    ("Some of the money should fund the regulators.")."""
    s = doc.sentences[pos]
    if not (active(REPORTED_CONTINUATION) and found and pos > 0) or s.heading or s.list_item:
        return False
    before = doc.sentences[pos - 1]
    if before.heading or _AUTHOR_VOICE.search(s.plain):
        return False
    proposes = pos - 1 in reporting or attributed(before.plain) or proposes_for_someone(before.plain)
    return proposes and all(actor_of_phrase(t.phrase, t.offset, doc, pos, ()) is None for t in found)


def find_recommendations(sentences: Sequence[Sentence], aliases: Aliases) -> tuple[Recommendation, ...]:
    """The author's recommendations, in reading order (ids are left for the id stage)."""
    return recommendations_of(make_article(sentences, aliases))


def recommendations_of(doc: Article) -> tuple[Recommendation, ...]:
    """The recommendations of an indexed article (the ablation indexes each article once)."""
    previous: list[tuple[int, str | None]] = []
    seen: set[int] = set()  # the positions in `previous`, kept alongside (not rebuilt per sentence)
    starts = list_starts(doc.sentences)
    recs: list[Recommendation] = []
    lead_actors: dict[int, str | None] = {}  # a list's first position -> the actor its lead-in names
    reporting: set[int] = set()  # positions of advice that goes on reporting a proposal
    for pos, s in enumerate(doc.sentences):
        hit = advice(doc.sentences, pos, seen, starts)
        if hit is not None and _continues_report(doc, pos, hit[1], reporting):
            reporting.add(pos)
            continue
        if hit is None:
            lead_in = _lead_in_actor(doc, pos, previous)
            previous += lead_in
            seen.update(p for p, _ in lead_in)
            lead_actors.update((p + 1, a) for p, a in lead_in if active(LEAD_IN_ACTOR))
            continue
        strength, found = hit
        listed = lead_actors.get(starts[pos]) if s.list_item and not found else None
        actor = (None if found else listed or _reader_command(doc, pos, seen)
                 or _elaboration_actor(doc, pos, previous, seen, starts)) \
            or resolve_actor(doc, pos, [(t.phrase, t.offset) for t in found], previous)
        previous.append((pos, actor))
        seen.add(pos)
        recs.append(Recommendation(text=s.text, actor=actor, strength=strength,
                                   paragraph=s.paragraph, sentence=s.index))
    return tuple(recs)

