"""Brief → the JSON `extract` prints and the site exports (schema brief/1, BRIEF_SPEC.md)."""
from __future__ import annotations

import json
from collections.abc import Sequence

from ..model import Brief

SCHEMA = "brief/1"


def brief_to_dict(brief: Brief) -> dict:
    """Every field of a brief, in the spec's order and shape."""
    m = brief.meta
    return {
        "schema": SCHEMA,
        "slug": brief.slug,
        "source_file": brief.source_file,
        "title": m.title,
        "authors": [{"name": a.name, "bio": a.bio} for a in m.authors],
        "date": m.date,
        "publication": m.publication,
        "kind": m.kind,
        "url": m.url,
        "summary": list(brief.summary),
        "recommendations": [{"id": r.id, "actor": r.actor, "text": r.text, "strength": r.strength,
                             "paragraph": r.paragraph} for r in brief.recommendations],
        "open_questions": [{"id": q.id, "text": q.text, "kind": q.kind, "paragraph": q.paragraph}
                           for q in brief.open_questions],
        "entities": [{"name": e.name, "kind": e.kind, "aliases": list(e.aliases),
                      "mentions": e.mentions} for e in brief.entities],
        "body": [{"paragraph": p.number, "text": p.text} for p in brief.body],
    }


def to_json(data: object) -> str:
    """Stable, readable JSON (UTF-8 characters kept, keys in the order given)."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def briefs_to_json(briefs: Sequence[Brief]) -> str:
    """All briefs, for tools that want the data rather than the site."""
    return to_json({"schema": SCHEMA, "briefs": [brief_to_dict(b) for b in briefs]})
