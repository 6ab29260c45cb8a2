"""A pattern's matches before a position, read back from it: a clause costs its own length.

The subject of a verb and the clause a trigger sits in end at the last clause break
before them. Scanning the whole text before each of a sentence's triggers makes a long
sentence with many triggers quadratic; reading back in windows that double finds the
last breaks after a few words. Each window starts right after a word (a word character
followed by another), where no match of a pattern made of whole words and punctuation
can span, so a scan of the window finds the matches a scan of the whole text finds there.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

FIRST_WINDOW = 32
"""Characters read back first; each later window is twice as wide."""


def _is_word(char: str) -> bool:
    """A character regex's `\\w` matches (letters, digits, "_")."""
    return char.isalnum() or char == "_"


def matches_before(pattern: re.Pattern[str], text: str, end: int) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(text, 0, end)` gives, last first, read back from `end`.

    For patterns whose matches never hold a word character together with the non-word
    character after it (whole words between `\\b`s, punctuation, spaces)."""
    hi, width = end, FIRST_WINDOW
    while hi > 0:
        lo = max(0, hi - width)
        while lo > 0 and not (_is_word(text[lo - 1]) and not _is_word(text[lo])):
            lo -= 1
        yield from reversed(list(pattern.finditer(text, lo, hi)))
        hi, width = lo, width * 2
