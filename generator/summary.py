"""Sentences → a 3–5 sentence summary: the opening thesis and the first pieces of advice."""
from __future__ import annotations

from collections.abc import Sequence

from .model import OpenQuestion, Recommendation, Sentence


def summarize(sentences: Sequence[Sentence], recommendations: Sequence[Recommendation],
              questions: Sequence[OpenQuestion]) -> tuple[str, ...]:
    """The first body sentence, then recommendations, in document order, 3 to 5 in all."""
    prose = [s for s in sentences if not s.heading]
    advice = {(r.paragraph, r.sentence) for r in recommendations}
    picked = prose[:1] + [s for s in prose[1:] if (s.paragraph, s.index) in advice][:3]
    for s in prose[1:]:
        if len(picked) >= 3:
            break
        if s not in picked:
            picked.append(s)
    order = {id(s): i for i, s in enumerate(prose)}
    return tuple(s.text for s in sorted(picked, key=lambda s: order[id(s)]))
