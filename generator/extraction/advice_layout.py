"""Where advice stands without a trigger of its own, and lines that only look like advice.

Structure, not wording: an item of a list whose lead-in advises, the next numbered step of
a plan, an imperative item, heading or command, an imperative after a fronted clause; and
on the other side, a list under a lead-in that reports a third party, and the title-case
or link-only lines of a related-articles list.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .attribution import reported, reports_someone
from .lexicon import lexicon
from .triggers import triggers
from ..model import Sentence
from ..rules import active, rule

REPORTED_LIST = rule("reported-list", "recommendation",
                     "Items under a lead-in that reports a third party ('The report will suggest:') are theirs.")
ITEM_AFTER_ADVICE = rule("item-after-advice", "recommendation",
                         "An item of a list under an advising lead-in or heading advises too ('ii. Stop …').")
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
LINK_HEADLINE = rule("related-link-headline", "recommendation",
                     "A short title-case or link-only line in a run of such lines is a related-article headline.")
CROSSHEAD = rule("reported-crosshead", "recommendation",
                 "A one-line crosshead whose next sentences report a third party sums up their words.")
READER_IMPERATIVE = rule("imperative-to-reader", "recommendation",
                         "An imperative that addresses the reader ('Call your senator …') is advice to readers.")
FRONTED_IMPERATIVE = rule("imperative-after-fronted-clause", "recommendation",
                          "An imperative after a fronted adverbial ('Instead of X, try Y.') addresses readers.")
ITEM_TITLE = rule("item-title-before-advice", "recommendation",
                  "A short verbless title opening a list item whose body advises ('1. Safer storage. We should …') names that advice.")
IMPERATIVE_RUN = rule("imperative-run", "recommendation",
                      "An imperative followed in its paragraph by another command is one of a run of calls to the reader.")
MAX_TITLE_WORDS = 12
"""Words at most in a list item's title (a noun phrase such as "Safer storage of fuel.")."""
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|do|does|did|\w+ed)\b", re.I)
_LEADING_LINK = re.compile(r"^\W*(?:and|but|so|now|then|instead|also)\b,?\s+", re.I)
_HEADING_NUMBER = re.compile(r"\s*(?:(?:step|part)\s+)?(\d{1,2})[.):]\s", re.I)
SHORT_COMMAND = 5
"""Words at most in an imperative that counts as advice on its own in running text: a terse
call ("Act now.", "Vote no."); a longer one needs advice before it."""
_FRONTED = re.compile(r"^\W*(?:instead\s+of|rather\s+than|if|when|whenever|before|after|to\s+\w+)\b[^,;:]{1,120},\s*", re.I)
_ADDRESS = re.compile(r"\w[/@]\w|@\w|\.(?:com|org|net)\b|https?:", re.I)
"""A web address or handle: "Follow us on Facebook/NewsDesk." is page furniture, not a command."""
_SECTION_LABEL = re.compile(r"^\W*(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*:\s+[A-Z]")
_READER = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
_LINK_ONLY = re.compile(r"^\W*\[[^\]]+\]\([^)]*\)\W*$")
MAX_HEADLINE_WORDS = 16
_NUMBERED = re.compile(r"^\W*(?:\d|[IVX]+[.:)])")
CROSSHEAD_WINDOW = 2
"""Sentences after a crosshead that may attribute what it sums up."""
TITLE_CASE_SHARE = 0.7
"""Share of a headline's longer words (4+ letters) that start with a capital."""
_ITEM_MARK = re.compile(r"^\s*(?:\(?(?:[ivx]{1,5}|[a-j]|\d{1,2})[.)]|[-*•]|(?:[A-Z]+\s+)?\d{1,3}(?:\.\d+)*\s*[:.])\s*")



def item_body(plain: str) -> str:
    """A list item's text without its marker ("ii. ", "- ", "3.1: ")."""
    return _ITEM_MARK.sub("", plain, count=1).lstrip("*\"“ ")


def is_imperative(plain: str) -> bool:
    """True when the text opens with a base verb used as a command ("Repeal the tax.", also
    after a linking word: "And start by asking …")."""
    lex = lexicon()
    body = item_body(plain)
    linked = _LEADING_LINK.match(body)
    if linked and body[:1].isupper():
        body = body[linked.end():][:1].upper() + body[linked.end():][1:]
    words = re.findall(r"[\w’'-]+|,", body)
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
    """True for a list lead-in ("… should be to:") or a heading ("Recommendations", "What
    Congress Should Do") that gives or announces advice."""
    plain = sentences[lead].plain
    return (":" in plain or sentences[lead].heading) and \
        (lead in advised or lexicon().list_lead_words.search(plain) is not None)


def list_follows_advice(sentences: Sequence[Sentence], pos: int, advised: set[int],
                         starts: Sequence[int]) -> bool:
    """True when the list's lead-in advises, or the item before this one did and so did the
    list's first item: one stray trigger mid-list does not turn the items after it into advice."""
    start = starts[pos]
    if start > 0 and _advising_lead(sentences, start - 1, advised):
        return True
    before = _previous_item(sentences, pos, start)
    return before is not None and before in advised and start in advised


def reported_list(sentences: Sequence[Sentence], pos: int, starts: Sequence[int]) -> bool:
    """True for a list item, or a paragraph's first sentence, under a lead-in that reports a
    third party ("The report will suggest:")."""
    s = sentences[pos]
    if not active(REPORTED_LIST) or not (s.list_item or s.index == 0):
        return False
    lead = starts[pos] - 1
    return lead >= 0 and _reporting_lead(sentences[lead].plain.rstrip())


@lru_cache(maxsize=64)
def _reporting_lead(plain: str) -> bool:
    """True for a lead-in that reports ("The report will suggest:"): asked once per list,
    not once for each of its items."""
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


def fronted_imperative(plain: str) -> bool:
    """An imperative after a fronted adverbial clause ("Instead of X, try Y.", "If in
    doubt, ask."), the verb not one that opens an example."""
    m = _FRONTED.match(plain)
    if m is None or not active(FRONTED_IMPERATIVE):
        return False
    rest = plain[m.end():].lstrip()
    head = rest.split(maxsplit=1)[0].lower() if rest else ""
    return head not in lexicon().rhetorical_imperatives and is_imperative(rest[:1].upper() + rest[1:])


def _alone(sentences: Sequence[Sentence], pos: int) -> bool:
    """True when the sentence is its paragraph's only one."""
    paragraph = sentences[pos].paragraph
    return (pos == 0 or sentences[pos - 1].paragraph != paragraph) and \
        (pos + 1 == len(sentences) or sentences[pos + 1].paragraph != paragraph)


def _headline_like(sentences: Sequence[Sentence], pos: int) -> bool:
    """A paragraph of one short line, no heading, that is only a link, or is in title case
    without a sentence end ("Why Cities Should Ban Cars")."""
    s = sentences[pos]
    if s.heading or not _alone(sentences, pos):
        return False
    if _LINK_ONLY.match(s.text):
        return True
    words = s.plain.split()
    longer = [w for w in words if len(w) > 3]
    return (not s.list_item and len(words) <= MAX_HEADLINE_WORDS and len(longer) >= 3
            and not s.plain.rstrip(" \"”’')*").endswith((".", "!", ":", ";"))
            and sum(w[:1].isupper() for w in longer) >= TITLE_CASE_SHARE * len(longer))


def reported_crosshead(sentences: Sequence[Sentence], pos: int) -> bool:
    """True for an unnumbered line standing alone without a sentence end ("Tech firms should
    be taxed") when one of the next two sentences reports someone ("The committee will
    suggest …"): a news page's crosshead over reported proposals (a report's numbered
    headings are its own)."""
    s = sentences[pos]
    if not active(CROSSHEAD) or s.list_item or not _alone(sentences, pos) or _NUMBERED.match(s.plain) \
            or s.plain.rstrip(" \"”’')*").endswith((".", "!", "?", ":", ";")):
        return False
    return any(reports_someone(n.plain) for n in sentences[pos + 1:pos + 1 + CROSSHEAD_WINDOW])


def link_headline(sentences: Sequence[Sentence], pos: int) -> bool:
    """True for a headline-like line next to another one (a list of related articles), or
    one under a section label ("Opinion: Why Cities Should Ban Cars")."""
    return active(LINK_HEADLINE) and _headline_like(sentences, pos) and (
        _SECTION_LABEL.match(sentences[pos].plain) is not None or any(
            0 <= q < len(sentences) and _headline_like(sentences, q) for q in (pos - 1, pos + 1)))


def structural_advice(sentences: Sequence[Sentence], pos: int, advised: set[int],
                       starts: Sequence[int]) -> bool:
    """True for advice that has no trigger but stands where advice stands: a list item
    after advice, the next numbered step, an imperative item, heading or command."""
    s = sentences[pos]
    labelled = active(LABELLED_BLOCK) and lexicon().block_label.match(s.plain) is not None
    if active(ITEM_AFTER_ADVICE) and _item_start(s) and not labelled \
            and list_follows_advice(sentences, pos, advised, starts):
        return True
    if active(NUMBERED_STEPS) and s.heading and _numbered_after_advice(sentences, pos, advised):
        return True
    if active(ITEM_TITLE) and _item_start(s) and _titled_advice(sentences, pos):
        return True
    if is_imperative(s.plain):
        return ((active(IMPERATIVE_ITEM) and (_item_start(s) or s.heading))
                or (active(IMPERATIVE_RUN) and _before_command(sentences, pos))
                or (active(IMPERATIVE_AFTER_ADVICE) and _advice_context(sentences, pos, advised))
                or _short_command(s.plain) or _to_reader(s.plain))
    return fronted_imperative(s.plain)


def _titled_advice(sentences: Sequence[Sentence], pos: int) -> bool:
    """True for a list item's short verbless title when a later sentence of its paragraph
    carries a trigger ("1. Safer storage. Owners should lock …")."""
    plain = sentences[pos].plain
    if len(plain.split()) > MAX_TITLE_WORDS or _FINITE.search(item_body(plain)) or plain.rstrip().endswith(":"):
        return False
    paragraph = sentences[pos].paragraph
    for nxt in sentences[pos + 1:]:
        if nxt.paragraph != paragraph:
            return False
        if triggers(nxt.plain):
            return True
    return False


def _before_command(sentences: Sequence[Sentence], pos: int) -> bool:
    """True when the next sentence of the paragraph is an imperative too, neither of them
    one that opens an example ("Consider the numbers.")."""
    nxt = pos + 1
    if nxt >= len(sentences) or sentences[nxt].paragraph != sentences[pos].paragraph:
        return False
    rhetorical = lexicon().rhetorical_imperatives
    heads = [_LEADING_LINK.sub("", x).split(maxsplit=1)[0].lower()
             for x in (sentences[pos].plain, sentences[nxt].plain)]
    return not any(h in rhetorical for h in heads) and is_imperative(sentences[nxt].plain)


def _to_reader(plain: str) -> bool:
    """An imperative that speaks to the reader ("Call your senator before the vote."),
    its verb not one that opens an example ("Imagine you ran a farm.")."""
    return (active(READER_IMPERATIVE) and _READER.search(plain) is not None
            and plain.split()[0].lower() not in lexicon().rhetorical_imperatives
            and _ADDRESS.search(plain) is None)
