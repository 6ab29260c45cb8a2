"""Reported dialogue: a quoted question that a news story gives to a speaker is theirs.

A court report or an interview quotes questions ("“Do you dispute that?”"). They are the
speaker's, not questions the author leaves open, when the sentence or its neighbours in the
paragraph say who spoke: a speech tag before the quotation ("Alito continued: “…?”"),
after it ("“…?” Wallace asked."), on the line just before ("“…,” she said. “…?”"), or a
quotation opened earlier in the paragraph and still running. An author's own quoted
question ("Senators might ask: “…?”", a quoted line standing alone) has no speaker tag.
"""
from __future__ import annotations

import re

from .attribution import inside_quotes
from ..rules import active, rule

DIALOGUE = rule("dialogue-question", "question", "A quoted question with a speaker tag before, "
                "after or around it is a speaker's line in reported dialogue.")
SPEAKER = r"(?:he|she|they|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})"
SPEECH_VERB = (r"(?:said|says|asked|asks|added|adds|told|wrote|writes|replied|responded|"
               r"continued|interjected|pressed|countered|demanded|wondered|shot\s+back|cut\s+\w+\s+off)")
TAG_BEFORE = re.compile(rf"(?:^|[,;]\s+|\s){SPEAKER}\s+(?:\w+ly\s+)?{SPEECH_VERB}(?:\s+\w+){{0,2}}\s*[:,]\s*$")
"""The lead of a quotation names its speaker: "…, Wallace asked Trump:"."""
TAG_AFTER_QUOTE = re.compile(rf"[”\"]\s*\[?{SPEAKER}\]?\s+(?:\w+ly\s+)?\[?{SPEECH_VERB}\b")
"""A quotation closed and tagged: "“… risk,” Alito interjected"."""
BARE_TAG = re.compile(rf"^\[?{SPEAKER}\s+{SPEECH_VERB}(?:\s+\w+){{0,3}}\]?\.$")
"""A sentence that is only a speech tag: "Wallace asked Trump."."""


def lead_of_quote(plain: str, index: int) -> str:
    """The words before the quotation that holds position `index`."""
    opening = max(plain.rfind("“", 0, index), plain.rfind('"', 0, index))
    return plain[:opening] if opening >= 0 else ""


def dialogue_question(plain: str, before: str, after: str, carried: bool) -> bool:
    """True when the question closing `plain` is a speaker's line: `before` and `after` are
    the neighbouring sentences of its paragraph ("" at its edges), `carried` says a quotation
    opened earlier in the paragraph is still running."""
    if not active(DIALOGUE):
        return False
    end = len(plain.rstrip(" \"”’')]*")) - 1
    if carried:
        return True
    if not inside_quotes(plain, end):
        return False
    return bool(TAG_BEFORE.search(lead_of_quote(plain, end)) or TAG_AFTER_QUOTE.search(before)
                or TAG_AFTER_QUOTE.search(plain[end:]) or BARE_TAG.match(after.strip()))
