"""Parse many seeds across the machine's cores; the same results, in the same order, as
parsing them one by one.

Parsing is pure (a seed's bytes, the aliases → a Brief), so where it runs cannot change
what it gives; ids, slugs and pages are made afterwards, in one process, in seed order.
Below PARALLEL_FROM seeds, or on one core, starting workers costs more than it saves.
Workers come from a fork server that has imported the generator once (spawned where the
platform has no fork server): never forked from a process that may be running threads,
such as `mkdocs serve`.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from .model import Brief, Problem
from .progress import Progress

PARALLEL_FROM = 8
"""Fewer seeds than this are parsed in the building process itself."""

Parse = Callable[[Path], "Brief | Problem"]
_parse: Parse | None = None


def _start_worker(parse: Parse) -> None:
    """Each worker receives the parser (and its aliases) once, not with every seed."""
    global _parse
    _parse = parse


def _parse_in_worker(path: Path) -> Brief | Problem:
    return _parse(path)


def workers_for(count: int) -> int:
    """How many processes to parse `count` seeds with (1: in this process)."""
    return 1 if count < PARALLEL_FROM else max(1, min(cores(), count // 2))


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def parse_soon(parse: Parse, paths: Sequence[Path]) -> list[Callable[[], Brief | Problem]] | None:
    """Start parsing a few seeds in one worker process while this one goes on (a rebuild
    after a few changed seeds loads every other brief meanwhile): for each seed, what to
    call for its result. None on one core, or for as many seeds as parse_all spreads."""
    if not paths or len(paths) >= PARALLEL_FROM or cores() < 2:
        return None
    pool = ProcessPoolExecutor(1, mp_context=context(), initializer=_start_worker, initargs=(parse,))
    futures = [pool.submit(_parse_in_worker, path) for path in paths]
    pool.shutdown(wait=False)
    return [future.result for future in futures]


def context() -> multiprocessing.context.BaseContext:
    """A fork server preloaded with the parser where there is one, else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["generator.parse"])
        return ctx
    return multiprocessing.get_context("spawn")


def parse_all(parse: Parse, paths: Sequence[Path], progress: Progress) -> list[Brief | Problem]:
    """`parse` (picklable: a module-level function or a partial of one) applied to each
    seed, in the order given."""
    workers = workers_for(len(paths))
    if workers == 1:
        results = []
        for path in paths:
            results.append(parse(path))
            progress.advance()
        return results
    out: list[Brief | Problem | None] = [None] * len(paths)
    with ProcessPoolExecutor(workers, mp_context=context(), initializer=_start_worker,
                             initargs=(parse,)) as pool:
        futures = {pool.submit(_parse_in_worker, path): i for i, path in enumerate(paths)}
        for future in as_completed(futures):
            out[futures[future]] = future.result()
            progress.advance()
    return out
