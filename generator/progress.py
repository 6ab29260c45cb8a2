"""Counts on a long build: a line every few seconds on a terminal, nothing in CI, nothing
for a small site (and nothing when stderr is a file or pipe, where lines would pile up)."""
from __future__ import annotations

import os
import sys
import time
from typing import TextIO

SHOW_FROM = 50
"""Fewer items than this finish before a count would help."""
EVERY = 2.0
"""Seconds between two counts."""


class Progress:
    """`advance()` once per item done; prints "briefs: 120/1000 extracted" now and then."""

    def __init__(self, total: int, verb: str, stream: TextIO | None = None) -> None:
        self.total, self.verb, self.done = total, verb, 0
        self.stream = stream or sys.stderr
        self.shown = wanted(total, self.stream)
        self.last = time.monotonic()

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.shown and (now - self.last >= EVERY or self.done == self.total):
            self.last = now
            print(f"briefs: {self.done}/{self.total} {self.verb}", file=self.stream, flush=True)


def wanted(total: int, stream: TextIO) -> bool:
    """Counts help a person watching a long build, in a terminal, outside CI."""
    return total >= SHOW_FROM and not os.environ.get("CI") and stream.isatty()
