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
from functools import lru_cache

from .actors import Article, actor_of_phrase, make_article, resolve_actor, subject_before
from .aliases import Aliases
from .attribution import QUOTED, REPORTED, attributed, inside_quotes, others_words, reported
from .lexicon import lexicon
from ..model import Recommendation, Sentence
from ..rules import active, rule, switched_off_of

QUESTION = rule("question-not-advice", "recommendation",
                "A sentence the author ends with a question mark asks; it is an open question, not advice.")
LEAD_IN = rule("list-lead-in", "recommendation",
               "A lead-in that announces advice ('We make the following recommendations:') is no advice itself.")
COLON_LEAD_IN = rule("lead-in-ends-at-colon", "recommendation",
                     "Advice that stops at its modal or a colon ('the agency should:') leaves it to the items below.")
REPORTED_LIST = rule("reported-list", "recommendation",
                     "Items under a lead-in that reports a third party ('The report will suggest:') are theirs.")
ITEM_AFTER_ADVICE = rule("item-after-advice", "recommendation",
                         "An item of a list whose lead-in or previous item advises advises too ('ii. Stop …').")
LABELLED_BLOCK = rule("labelled-block-needs-trigger", "recommendation",
                      "A labelled block ('FINDING 2:') in an advice list is advice only with a trigger of its own.")
NUMBERED_STEPS = rule("numbered-heading-steps", "recommendation",
                      "A numbered heading after an advising numbered heading is the next step of one plan.")
IMPERATIVE_ITEM = rule("imperative-item-or-heading", "recommendation",
                       "A list item or heading that opens with a base verb is a command ('Repeal the tax.').")
IMPERATIVE_AFTER_ADVICE = rule("imperative-after-advice", "recommendation",
                               "An imperative right after advice in the same paragraph continues it.")
SHORT_COMMAND_RULE = rule("short-command", "recommendation",
                          "A terse imperative in running text ('Act now.', 'Vote no.') is a call to act, unless it is an address.")
FRONTED_IMPERATIVE = rule("imperative-after-fronted-clause", "recommendation",
                          "An imperative after a fronted adverbial ('Instead of X, try Y.') addresses readers.")
_HEADING_NUMBER = re.compile(r"\s*(?:(?:step|part)\s+)?(\d{1,2})[.):]\s", re.I)
SHORT_COMMAND = 5
"""Words at most in an imperative that counts as advice on its own in running text: a terse
call ("Act now.", "Vote no."); a longer one needs advice before it."""
_FRONTED = re.compile(r"^\W*(?:instead\s+of|rather\s+than|if|when|whenever|before|after|to\s+\w+)\b[^,;:]{1,120},\s*", re.I)
_ADDRESS = re.compile(r"\w[/@]\w|@\w|\.(?:com|org|net)\b|https?:", re.I)
"""A web address or handle: "Follow us on Facebook/NewsDesk." is page furniture, not a command."""
MAX_LEAD_IN_TAIL = 8
"""Words at most from a trigger to the colon that ends a lead-in ("the SEC should:")."""
_ITEM_MARK = re.compile(r"^\s*(?:\(?(?:[ivx]{1,5}|[a-j]|\d{1,2})[.)]|[-*•]|(?:[A-Z]+\s+)?\d{1,3}(?:\.\d+)*\s*[:.])\s*")


@dataclass(frozen=True, slots=True)
class Trigger:
    """Where a sentence advises, how strongly, and the phrase that names the actor."""

    start: int
    strength: str
    phrase: str
    offset: int


def _blocked(plain: str, start: int) -> bool:
    """True when the trigger at `start` is description, a quotation or reported words."""
    lex = lexicon()
    rest, before = plain[start:], plain[:start]
    return (any(p.match(rest) for g in lex.not_advice_after if active(g.name) for p in g.patterns)
            or any(p.search(before) for g in lex.not_advice_before if active(g.name) for p in g.patterns)
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


@lru_cache(maxsize=4096)
def _triggers(plain: str, off: frozenset[str]) -> tuple[Trigger, ...]:
    """`triggers` for one sentence with the rules in `off` switched off."""
    found = [Trigger(m.start(), group.strength, *_actor_phrase(plain, m))
             for group in lexicon().triggers if active(group.name) for pattern in group.patterns
             for m in pattern.finditer(plain) if not _blocked(plain, m.start())]
    return tuple(sorted(found, key=lambda t: t.start))


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


def list_starts(sentences: Sequence[Sentence]) -> tuple[int, ...]:
    """For each sentence, where its run of list-item sentences begins (itself if no item);
    one pass, so no rule walks a whole list back per item."""
    starts: list[int] = []
    for pos, s in enumerate(sentences):
        inside = s.list_item and pos > 0 and sentences[pos - 1].list_item
        starts.append(starts[-1] if inside else pos)
    return tuple(starts)


def _previous_item(sentences: Sequence[Sentence], pos: int, start: int) -> int | None:
    """The start of the list item before this one (within the list beginning at `start`)."""
    return next((p for p in range(pos - 1, start - 1, -1) if _item_start(sentences[p])), None)


def _advising_lead(sentences: Sequence[Sentence], lead: int, advised: set[int]) -> bool:
    """True for a list lead-in that gives or announces advice ("… should be to:")."""
    plain = sentences[lead].plain
    return ":" in plain and (lead in advised or lexicon().list_lead_words.search(plain) is not None)


def _list_follows_advice(sentences: Sequence[Sentence], pos: int, advised: set[int],
                         starts: Sequence[int]) -> bool:
    """True when the list's lead-in advises, or the item before this one did and so did the
    list's first item: one stray trigger mid-list does not turn the items after it into advice."""
    start = starts[pos]
    if start > 0 and _advising_lead(sentences, start - 1, advised):
        return True
    before = _previous_item(sentences, pos, start)
    return before is not None and before in advised and start in advised


def _reported_list(sentences: Sequence[Sentence], pos: int, starts: Sequence[int]) -> bool:
    """True for a list item, or a paragraph's first sentence, under a lead-in that reports a
    third party ("The report will suggest:")."""
    s = sentences[pos]
    if not active(REPORTED_LIST) or not (s.list_item or s.index == 0):
        return False
    lead = starts[pos] - 1
    plain = sentences[lead].plain.rstrip() if lead >= 0 else ""
    return plain.endswith(":") and reported(plain, len(plain) - 1)


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
    return (active(SHORT_COMMAND_RULE) and len(words) <= SHORT_COMMAND
            and words[0].lower() not in lexicon().rhetorical_imperatives
            and _ADDRESS.search(plain) is None)


def _fronted_imperative(plain: str) -> bool:
    """An imperative after a fronted adverbial clause ("Instead of X, try Y.", "If in
    doubt, ask."), the verb not one that opens an example."""
    m = _FRONTED.match(plain)
    if m is None or not active(FRONTED_IMPERATIVE):
        return False
    rest = plain[m.end():].lstrip()
    head = rest.split(maxsplit=1)[0].lower() if rest else ""
    return head not in lexicon().rhetorical_imperatives and is_imperative(rest[:1].upper() + rest[1:])


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
    return ((active(QUESTION) and asks)
            or (active(LEAD_IN) and lexicon().lead_in.search(s.plain) is not None)
            or attributed(s.plain) or _reported_list(sentences, pos, starts))


def _structural_advice(sentences: Sequence[Sentence], pos: int, advised: set[int],
                       starts: Sequence[int]) -> bool:
    """True for advice that has no trigger but stands where advice stands: a list item
    after advice, the next numbered step, an imperative item, heading or command."""
    s = sentences[pos]
    labelled = active(LABELLED_BLOCK) and lexicon().block_label.match(s.plain) is not None
    if active(ITEM_AFTER_ADVICE) and _item_start(s) and not labelled \
            and _list_follows_advice(sentences, pos, advised, starts):
        return True
    if active(NUMBERED_STEPS) and s.heading and _numbered_after_advice(sentences, pos, advised):
        return True
    if is_imperative(s.plain):
        return ((active(IMPERATIVE_ITEM) and (_item_start(s) or s.heading))
                or (active(IMPERATIVE_AFTER_ADVICE) and _advice_context(sentences, pos, advised))
                or _short_command(s.plain))
    return _fronted_imperative(s.plain)


def advice(sentences: Sequence[Sentence], pos: int, advised: set[int],
           starts: Sequence[int]) -> tuple[str, Sequence[Trigger]] | None:
    """(strength, triggers) when the sentence at `pos` is the author's advice, else None
    (`advised`: positions already found to be advice; `starts`: `list_starts(sentences)`)."""
    if _excluded(sentences, pos, starts):
        return None
    found = triggers(sentences[pos].plain)
    if found:
        return None if _colon_lead_in(sentences[pos].plain, found) else (found[0].strength, found)
    return ("should", ()) if _structural_advice(sentences, pos, advised, starts) else None


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


def find_recommendations(sentences: Sequence[Sentence], aliases: Aliases) -> tuple[Recommendation, ...]:
    """The author's recommendations, in reading order (ids are left for the id stage)."""
    return recommendations_of(make_article(sentences, aliases))


def recommendations_of(doc: Article) -> tuple[Recommendation, ...]:
    """The recommendations of an indexed article (the ablation indexes each article once)."""
    previous: list[tuple[int, str | None]] = []
    seen: set[int] = set()  # the positions in `previous`, kept alongside (not rebuilt per sentence)
    starts = list_starts(doc.sentences)
    recs: list[tuple[int, Recommendation]] = []
    for pos, s in enumerate(doc.sentences):
        hit = advice(doc.sentences, pos, seen, starts)
        if hit is None:
            lead_in = _lead_in_actor(doc, pos, previous)
            previous += lead_in
            seen.update(p for p, _ in lead_in)
            continue
        strength, found = hit
        actor = (None if found else _elaboration_actor(doc, pos, previous, seen, starts)) \
            or resolve_actor(doc, pos, [(t.phrase, t.offset) for t in found], previous)
        previous.append((pos, actor))
        seen.add(pos)
        recs.append((pos, Recommendation(text=s.text, actor=actor, strength=strength,
                                         paragraph=s.paragraph, sentence=s.index)))
    return _anticipated(recs, previous)


def _anticipated(recs: Sequence[tuple[int, Recommendation]], context: Sequence[tuple[int, str | None]]
                 ) -> tuple[Recommendation, ...]:
    """Advice given before the article names anyone who acts ("There is an urgent need for
    a new approach.") is for the actor the advice after it names (one backward pass)."""
    later: dict[int, str | None] = {}
    upcoming: str | None = None
    for p, actor in reversed(context):
        later[p] = upcoming
        upcoming = actor or upcoming
    out = [rec if rec.actor is not None or later.get(pos) is None else replace(rec, actor=later[pos])
           for pos, rec in recs]
    return tuple(out)
