"""Sentences → the author's recommendations: deontic modals and necessity judgements."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .aliases import Aliases
from .model import Recommendation, Sentence

MODALS = [("must", r"\b(must|needs? to|ha(?:s|ve) to)\b"), ("should", r"\b(should|ought to)\b"),
          ("could", r"\bcan help\b")]
JUDGEMENTS = [("must", r"\bis (necessary|essential|imperative|crucial)\b"),
              ("should", r"\b(the best way to|in \w+(?:['’]s)? interest to)\b")]
SUBJECT = re.compile(r"(?:^|,\s*)((?:the )?[A-Z][\w.’'-]*(?: (?:and )?[A-Z][\w.’'-]*)*(?: officials| diplomats)?)"
                     r"\s+(?:also\s+)?(?:must|should|needs? to|has to|have to|can help|ought)")


def strength_of(plain: str) -> str | None:
    """must / should / could, for the first advice form the sentence uses."""
    hits = [(m.start(), s) for s, p in MODALS + JUDGEMENTS for m in re.finditer(p, plain, re.I)]
    return min(hits)[1] if hits else None


def actor_of(plain: str, aliases: Aliases) -> str | None:
    """The subject of the modal, as its canonical name."""
    found = SUBJECT.search(plain)
    if not found:
        return None
    name = re.sub(r"^the ", "", found.group(1))
    parts = [aliases.lookup(p) or p for p in re.split(r" and ", name)]
    return " and ".join(parts)


def find_recommendations(sentences: Sequence[Sentence], aliases: Aliases) -> tuple[Recommendation, ...]:
    """Every sentence with advice in it; questions never count."""
    out = []
    for s in sentences:
        strength = strength_of(s.plain)
        if strength and not s.plain.rstrip().endswith("?"):
            out.append(Recommendation(text=s.text, actor=actor_of(s.plain, aliases),
                                      strength=strength, paragraph=s.paragraph, sentence=s.index))
    return tuple(out)
