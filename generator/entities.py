"""Paragraphs → named people, organizations and places, merged through the alias table."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .aliases import Aliases
from .model import Entity, Paragraph

NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:of\s+|al-|the\s+)?[A-Z][\w’'-]+)+|\b[A-Z]{2,}\b")


def find_entities(paragraphs: Sequence[Paragraph], aliases: Aliases) -> tuple[Entity, ...]:
    """Capitalized multi-word names and acronyms, counted under their canonical names."""
    counts: Counter[str] = Counter()
    seen: dict[str, set[str]] = {}
    for p in paragraphs:
        for m in NAME.finditer(re.sub(r"\]\([^)]*\)", "]", p.text)):
            form = m.group(0)
            name = aliases.lookup(form) or form
            counts[name] += 1
            seen.setdefault(name, set()).add(form)
    return tuple(Entity(name=n, kind=aliases.kinds.get(n, "organization"),
                        aliases=tuple(sorted(seen[n] - {n})), mentions=c)
                 for n, c in sorted(counts.items(), key=lambda x: (-x[1], x[0])))
