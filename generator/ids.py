"""Give every recommendation and open question a short stable id."""
from __future__ import annotations

import dataclasses
import hashlib

from .model import Brief

ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def short_id(*parts: str, length: int = 6) -> str:
    """A short lower-case id derived from `parts` (deterministic)."""
    n = int.from_bytes(hashlib.sha256("\x1f".join(parts).encode()).digest()[:8], "big")
    out = []
    for _ in range(length):
        n, r = divmod(n, len(ALPHABET))
        out.append(ALPHABET[r])
    return "".join(out)


def with_ids(brief: Brief) -> Brief:
    """The brief with an id on each recommendation and question."""
    recs = tuple(dataclasses.replace(r, id=short_id(brief.slug, r.text)) for r in brief.recommendations)
    qs = tuple(dataclasses.replace(q, id=short_id(brief.slug, q.text)) for q in brief.open_questions)
    return dataclasses.replace(brief, recommendations=recs, open_questions=qs)
