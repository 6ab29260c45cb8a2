"""Blocks of cleaned text and the forms furniture patterns read them in (one line, emphasis
and link targets off), plus the genre's furniture patterns (generator/data/furniture.yaml).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import load_data


@lru_cache(maxsize=1)
def furniture() -> dict:
    """The furniture patterns (generator/data/furniture.yaml), compiled once."""
    data = load_data("data/furniture.yaml")
    whole = lambda ps: re.compile(r"^(?:#+\s*)?(?:" + "|".join(ps) + r")\s*$", re.I)
    share = "|".join(re.escape(w) for w in sorted(data["share_words"], key=len, reverse=True))
    return {"blocks": whole(data["blocks"]), "sections": whole(data["sections"]),
            "switchers": whole(data["switchers"]), "end_marks": tuple(data["end_marks"]),
            "inline": re.compile("|".join(data["inline"])), "keep": whole(data["keep"]),
            "share_bar": re.compile(rf"^(?:(?:{share})(?:[\s|·•,/:]+|$))+$", re.I),
            "data": data}


def blocks_of(text: str) -> list[str]:
    """Paragraph blocks: text between blank lines."""
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]


_SPACES = re.compile(r"\s+")
_EDGE_EMPHASIS = re.compile(r"^[*_](?=\S)|(?<=\S)[*_]$")
_LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\([^)\s]*(?:\s[^)]*)?\)")


@lru_cache(maxsize=1 << 16)
def folded(block: str) -> str:
    """A block on one line, emphasis marks off: what furniture patterns are matched against
    (memoised: the metadata and furniture passes fold the same blocks again)."""
    line = _SPACES.sub(" ", block.replace("**", "").replace("__", "")).strip()
    marked = line.startswith(("*", "_")) or line.endswith(("*", "_"))
    return _EDGE_EMPHASIS.sub("", line) if marked else line  # the regex tries every place


def unlinked(line: str) -> str:
    """A folded line with Markdown links reduced to their text (images kept as they are);
    a line without "](", which every link holds, is returned without the regex's scan."""
    return _LINK.sub(r"\1", line) if "](" in line else line
