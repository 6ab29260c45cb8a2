"""The generator's memory: garbage collected at a pace that suits it, and what a finished
stage freed given back to the operating system.

A seed's extraction and a build allocate many small objects that live to the end (a 1 MB
seed's 20,000 sentences and their items; 1,000 briefs and their id records): at Python's
default pace the collector walks them again and again (a fifth of a 1 MB seed's
extraction), so they run with the youngest generation collected less often.

CPython frees objects into its own heap and glibc's, which keep the pages: after the
generator's stage of `mkdocs build` (1,000 briefs loaded, checked and rendered), the
MkDocs process stays at ~350 MB though ~100 MB are in use, and Pagefind's indexer then
runs beside it. `malloc_trim` hands the free pages back (350 → 105 MB at 1,000 briefs).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

YOUNG_OBJECTS = 50_000
"""Objects allocated between two collections of the youngest generation while the
generator works (Python's default: 700)."""


def collect_less_often() -> None:
    """Collect the youngest generation every YOUNG_OBJECTS allocations, the older ones at
    their usual ratio (as type checkers do): for a process that only does the generator's
    work (a parse worker, the `extract` command)."""
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])


@contextmanager
def fewer_collections() -> Iterator[None]:
    """`collect_less_often` while a block runs, the thresholds as they were afterwards
    (`mkdocs serve` goes on in the same process), and whatever `kept_to_the_end` set
    aside handed back to the collector."""
    before = gc.get_threshold()
    collect_less_often()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


@contextmanager
def no_collections() -> Iterator[None]:
    """No garbage collection while a block runs (as it was after): for unpickling a
    rebuild's last state, which makes 150,000 new objects, all alive and none in a cycle,
    that collections would only walk."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def kept_to_the_end() -> None:
    """Inside `fewer_collections`: every object alive now lives to the end of the block
    (a rebuild's last state: 1,000 briefs), so the collector stops walking them again
    (gc.freeze: a tenth of a one-changed rebuild went on collections of them)."""
    gc.freeze()


@cache
def _malloc_trim():
    """glibc's malloc_trim, or None where the C library has none (musl, macOS, Windows)."""
    name = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    except OSError:
        return None


def release_freed_memory() -> None:
    """Collect unreachable cycles, then return the C heap's free pages to the system."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
