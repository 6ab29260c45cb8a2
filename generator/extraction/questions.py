"""Sentences -> the open questions an author leaves: questions posed, uncertainty named.

Explicit: a sentence the author ends with a question mark (rhetorical ones count), not a
question quoted from someone else. Implicit: a sentence that names something as
unresolved ("it remains to be seen whether …", "it is unclear how …"); plain hedges
("may be willing", "could generate") are not questions.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from .attribution import inside_quotes, quoted_question
from .dialogue import dialogue_question
from .lexicon import lexicon
from .prefilter import Words, may_hold, screened, screening, vocabulary, words_present
from ..model import OpenQuestion, Sentence
from ..rules import active, rule, switched_off_of

EXPLICIT = rule("author-question", "question",
                "A sentence the author ends with a question mark leaves that question open.")
LABELLED_HEADLINE = rule("labelled-headline-question", "question",
                         "A one-line 'Label: Headline?' paragraph is a related-link teaser, not the author's question.")

_CLOSERS = " \"”’')]*"
_LABELLED_HEADLINE = re.compile(r"^\W*(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*:\s+[A-Z]")
MAX_HEADLINE_WORDS = 16


def _headline_teaser(s: Sentence, alone: bool) -> bool:
    """True for a short paragraph of its own that opens with a capitalised label and a
    colon ("Opinion: When are drone killings legal?"): the kicker of a related link."""
    return (active(LABELLED_HEADLINE) and alone and len(s.plain.split()) <= MAX_HEADLINE_WORDS
            and _LABELLED_HEADLINE.match(s.plain) is not None)


def is_explicit(plain: str) -> bool:
    """True for a question the author asks (its final "?" is not inside a quotation)."""
    text = plain.rstrip(_CLOSERS)
    if not (active(EXPLICIT) and text.endswith("?")):
        return False
    return not quoted_question(plain, len(text) - 1)


def is_implicit(plain: str) -> bool:
    """True when the sentence names an uncertainty as unresolved, outside quotations (a
    pattern whose words the sentence lacks is not run: extraction/prefilter.py)."""
    off = switched_off_of(_uncertainty_rules())
    present = words_present(_uncertainty_vocabulary(off), screened(plain))
    return any(not inside_quotes(plain, m.start())
               for pattern, words in _uncertainty_patterns(off) if may_hold(words, present)
               for m in pattern.finditer(plain))


@lru_cache(maxsize=16)
def _uncertainty_vocabulary(off: frozenset[str]) -> frozenset[str]:
    """The words the screens of the uncertainty patterns not in `off` name."""
    return vocabulary(words for _, words in _uncertainty_patterns(off))


@lru_cache(maxsize=1)
def _uncertainty_rules() -> frozenset[str]:
    """The names of the uncertainty rules (whose switching off changes the patterns run)."""
    return frozenset(g.name for g in lexicon().uncertainty)


@lru_cache(maxsize=16)
def _uncertainty_patterns(off: frozenset[str]) -> tuple[tuple[re.Pattern[str], Words], ...]:
    """Each pattern of an uncertainty rule not in `off`, with its words, in the lexicon's order."""
    return screening(p for g in lexicon().uncertainty if g.name not in off for p in g.patterns)


def question_kind(s: Sentence, alone: bool = False, before: str = "", after: str = "",
                  carried: bool = False) -> str | None:
    """ "explicit", "implicit", or None when the sentence leaves no question open
    (`alone`: the sentence is its paragraph's only one; `before`, `after`: its neighbours
    in the paragraph; `carried`: a quotation opened before it in the paragraph runs on)."""
    if re.fullmatch(r"[\W\d_]*", s.plain) or _headline_teaser(s, alone):
        return None
    if is_explicit(s.plain):
        return None if dialogue_question(s.plain, before, after, carried) else "explicit"
    return "implicit" if is_implicit(s.plain) else None


def find_open_questions(sentences: Sequence[Sentence]) -> tuple[OpenQuestion, ...]:
    """The author's open questions, in reading order (ids are left for the id stage)."""
    out: list[OpenQuestion] = []
    per_paragraph = Counter(s.paragraph for s in sentences)
    quoting = QuoteState()
    for k, s in enumerate(sentences):
        same = lambda j: 0 <= j < len(sentences) and sentences[j].paragraph == s.paragraph
        carried = quoting.running(s.paragraph)
        kind = question_kind(s, per_paragraph[s.paragraph] == 1, sentences[k - 1].plain if same(k - 1) else "",
                             sentences[k + 1].plain if same(k + 1) else "", carried)
        quoting.read(s.plain)
        if kind:
            out.append(OpenQuestion(text=s.text, kind=kind, paragraph=s.paragraph, sentence=s.index))
    return tuple(out)


class QuoteState:
    """Whether a quotation opened in a paragraph's earlier sentences is still running (counts
    of curly and straight quotation marks, kept as the sentences are read: linear)."""

    def __init__(self) -> None:
        self.paragraph, self.opened, self.closed, self.straight = -1, 0, 0, 0

    def running(self, paragraph: int) -> bool:
        if paragraph != self.paragraph:
            self.paragraph, self.opened, self.closed, self.straight = paragraph, 0, 0, 0
        return self.opened > self.closed or self.straight % 2 == 1

    def read(self, plain: str) -> None:
        self.opened += plain.count("“")
        self.closed += plain.count("”")
        self.straight += plain.count('"')
