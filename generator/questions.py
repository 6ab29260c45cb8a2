"""Sentences → open questions: the author's questions and named uncertainties."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .model import OpenQuestion, Sentence

IMPLICIT = re.compile(r"\b(remains to be seen|it is (?:still )?unclear|the question is whether|"
                      r"open question)\b", re.I)


def find_open_questions(sentences: Sequence[Sentence]) -> tuple[OpenQuestion, ...]:
    """Question sentences (explicit) and sentences naming an uncertainty (implicit)."""
    out = []
    for s in sentences:
        kind = ("explicit" if s.plain.rstrip("\"”’' ").endswith("?") else
                "implicit" if IMPLICIT.search(s.plain) else None)
        if kind:
            out.append(OpenQuestion(text=s.text, kind=kind, paragraph=s.paragraph, sentence=s.index))
    return tuple(out)
