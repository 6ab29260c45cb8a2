"""Sentences -> the open questions an author leaves: questions posed, uncertainty named.

Explicit: a sentence the author ends with a question mark (rhetorical ones count), not a
question quoted from someone else. Implicit: a sentence that names something as
unresolved ("it remains to be seen whether …", "it is unclear how …"); plain hedges
("may be willing", "could generate") are not questions.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicon import lexicon
from ..model import OpenQuestion, Sentence

_CLOSERS = " \"”’')]*"


def _quoted_at(plain: str, index: int) -> bool:
    """True when position `index` lies inside quotation marks."""
    before = plain[:index]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def is_explicit(plain: str) -> bool:
    """True for a question the author asks (its final "?" is not inside a quotation)."""
    text = plain.rstrip(_CLOSERS)
    if not text.endswith("?"):
        return False
    return not _quoted_at(plain, len(text) - 1)


def is_implicit(plain: str) -> bool:
    """True when the sentence names an uncertainty as unresolved, outside quotations."""
    for pattern in lexicon().uncertainty:
        for m in pattern.finditer(plain):
            if not _quoted_at(plain, m.start()):
                return True
    return False


def question_kind(s: Sentence) -> str | None:
    """ "explicit", "implicit", or None when the sentence leaves no question open."""
    if re.fullmatch(r"[\W\d_]*", s.plain):
        return None
    if is_explicit(s.plain):
        return "explicit"
    return "implicit" if is_implicit(s.plain) else None


def find_open_questions(sentences: Sequence[Sentence]) -> tuple[OpenQuestion, ...]:
    """The author's open questions, in reading order (ids are left for the id stage)."""
    out: list[OpenQuestion] = []
    for s in sentences:
        kind = question_kind(s)
        if kind:
            out.append(OpenQuestion(text=s.text, kind=kind, paragraph=s.paragraph, sentence=s.index))
    return tuple(out)
