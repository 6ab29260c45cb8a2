"""Work across the machine's cores, with the same results, in the same order, as doing it
one piece after another.

Parsing is pure (a seed's bytes, the aliases → a Brief), so where it runs cannot change
what it gives; ids, slugs and pages are made afterwards, in one process, in seed order.
Below PARALLEL_FROM seeds, or on one core, starting workers costs more than it saves.
Workers come from a fork server that has imported the generator once (spawned where the
platform has no fork server): never forked from a process that may be running threads,
such as `mkdocs serve`.

One seed too large for a core to read quickly (a 1 MB page) has its paragraphs split into
sentences in two halves, the second in a forked copy of the process, when that process is
the main one of a command with no other threads (`in_halves`).
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from functools import partial
from typing import NoReturn, TypeVar
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from .memory import collect_less_often
from .model import Brief, Problem
from .progress import Progress

T = TypeVar("T")
PARALLEL_FROM = 8
"""Fewer seeds than this are parsed in the building process itself."""

Parse = Callable[[Path], "Brief | Problem"]
_parse: Parse | None = None


def _start_worker(parse: Parse) -> None:
    """Each worker receives the parser (and its aliases) once, not with every seed, and
    collects garbage at the generator's pace (generator.memory)."""
    global _parse
    _parse = parse
    collect_less_often()


def _parse_in_worker(path: Path) -> Brief | Problem:
    return _parse(path)


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def workers_for(count: int) -> int:
    """How many processes to parse `count` seeds with (1: in this process)."""
    return 1 if count < PARALLEL_FROM else max(1, min(cores(), count // 2))


def parse_soon(parse: Parse, paths: Sequence[Path]) -> list[Callable[[], Brief | Problem]] | None:
    """Start parsing a few seeds in another process while this one goes on (a rebuild
    after a few changed seeds loads every other brief meanwhile): for each seed, what to
    call for its result. None on one core, or for as many seeds as parse_all spreads.
    The process is the copy standing by (`stand_by`), else a forked copy of this one
    where it may fork (`may_fork`): a fork server would first have to start and import
    the parser, and this process waits for that before it can go on (a third of a second)."""
    if not paths or len(paths) >= PARALLEL_FROM or cores() < 2:
        return None  # a copy standing by is the caller's to dismiss (drop_standby)
    standby = take_standby()
    if standby or may_fork():
        work = partial(parse_each, parse, tuple(paths))
        nth = one_result(standby.submit(work) if standby else forked(work))
        return [partial(nth, i) for i in range(len(paths))]
    pool = ProcessPoolExecutor(1, mp_context=context(), initializer=_start_worker, initargs=(parse,))
    futures = [pool.submit(_parse_in_worker, path) for path in paths]
    pool.shutdown(wait=False)
    return [future.result for future in futures]


def parse_each(parse: Parse, paths: tuple[Path, ...]) -> list[Brief | Problem]:
    """Each seed parsed, in a process that does only that (garbage collected at the
    generator's pace)."""
    collect_less_often()
    return [parse(path) for path in paths]


def one_result(result: Callable[[], list[T]]) -> Callable[[int], T]:
    """Item `n` of `result()`'s list, `result` called once whatever the number of calls."""
    got: list[list[T]] = []

    def nth(n: int) -> T:
        if not got:
            got.append(result())
        return got[0][n]
    return nth


def context() -> multiprocessing.context.BaseContext:
    """A fork server preloaded with the parser where there is one, else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["generator.parse"])
        return ctx
    return multiprocessing.get_context("spawn")


def parse_all(parse: Parse, paths: Sequence[Path], progress: Progress) -> list[Brief | Problem]:
    """`parse` (picklable: a module-level function, a partial of one, or an instance of a
    module-level class such as build.SeedParser) applied to each seed, in the order given."""
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


FORK_FROM = 200_000
"""Characters of body from which one seed's work is shared with a forked copy of the
process (`worth_forking`): a 1 MB page's ~10,000 paragraphs take seconds a stage."""


def worth_forking(chars: int) -> bool:
    """Whether a body of `chars` characters is large enough to share its work, and this
    process may fork (`may_fork`)."""
    return chars >= FORK_FROM and may_fork()


def may_fork() -> bool:
    """Whether this process may fork a copy of itself to share its work: on Linux, with a
    second core, in the main process (not a pool's worker, whose siblings hold the other
    cores) and with no other thread running (a fork copies only the calling thread)."""
    return (sys.platform.startswith("linux") and cores() > 1 and threading.active_count() == 1
            and multiprocessing.parent_process() is None)


def forked(work: Callable[[], T]) -> Callable[[], T]:
    """Start `work()` in a forked copy of this process; return what gives its result. A copy
    that fails gives nothing back, and the work is done here then: the same result (or
    exception) as doing it in series. Call the result exactly once."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read_end)
        answer(write_end, work)
    os.close(write_end)
    return partial(collect, read_end, child, work)


def answer(reply_out: int, work: Callable[[], object]) -> NoReturn:
    """In a forked copy: `work()`'s result, pickled down `reply_out` (nothing when it
    fails), then exit without cleanup."""
    try:
        payload = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:
        payload = b""
    try:
        with os.fdopen(reply_out, "wb") as out:
            out.write(payload)
    finally:
        os._exit(0)


def collect(reply: int, pid: int, work: Callable[[], T]) -> T:
    """What the forked copy `pid` sent down `reply` (waited for), or `work()` done here
    when it sent nothing."""
    with os.fdopen(reply, "rb") as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
    return pickle.loads(payload) if payload else work()


def in_halves(work: Callable[[object], object], items: Sequence, sizes: Sequence[int]) -> list:
    """`[work(x) for x in items]`, the items past the middle of `sizes` (each item's share
    of the work) done in a forked copy of this process meanwhile (`forked`)."""
    half, total, running = 0, sum(sizes), 0
    while half < len(items) and 2 * running < total:
        running += sizes[half]
        half += 1
    second = forked(lambda: [work(x) for x in items[half:]])
    try:
        first = [work(x) for x in items[:half]]
    except BaseException:
        try:
            second()  # the copy is waited for before the error goes on
        except BaseException:
            pass  # this process's error is the one to report
        raise
    return first + second()


class Standby:
    """A forked copy of this process started before it is needed: it gets ready
    (`prepare`: imports, compiled patterns) while this process works out what to give it,
    then does the one piece of work it is sent (`submit`) or is dismissed. A `python -m
    generator build` after one changed seed starts one as it starts (__main__.py): the
    copy has imported the parser and compiled its patterns by the time the build knows
    which seed changed, instead of doing both while the build waits. A copy that fails
    gives nothing back, and the work is done here then (as `forked`)."""

    def __init__(self, prepare: Callable[[], object]) -> None:
        request_in, self.request = os.pipe()
        self.reply, reply_out = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(self.request)
            os.close(self.reply)
            serve_once(prepare, request_in, reply_out)
        os.close(request_in)
        os.close(reply_out)

    def submit(self, work: Callable[[], T]) -> Callable[[], T]:
        """Send `work` (picklable); what gives its result (call it exactly once)."""
        try:
            with os.fdopen(self.request, "wb") as out:
                out.write(pickle.dumps(work, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:  # the copy is gone: its reply is empty
            pass
        return partial(collect, self.reply, self.pid, work)

    def dismiss(self) -> None:
        """Stop the copy: nothing to do."""
        os.close(self.request)
        os.close(self.reply)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)


def serve_once(prepare: Callable[[], object], request_in: int, reply_out: int) -> NoReturn:
    """The standing-by copy: get ready, read one piece of work and `answer` it (nothing
    to answer when the pipe closed unused). Its output goes nowhere: a caller reading
    this process's output must not wait for it."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)

    def requested() -> object:
        prepare()
        with os.fdopen(request_in, "rb") as inbox:
            return pickle.loads(inbox.read())()  # an empty request fails: nothing is sent
    answer(reply_out, requested)


_standby: Standby | None = None


def stand_by(prepare: Callable[[], object]) -> None:
    """Start the copy `parse_soon` will use (`Standby`), where this process may fork."""
    global _standby
    if _standby is None and may_fork():
        _standby = Standby(prepare)


def take_standby() -> Standby | None:
    """The copy standing by, if any, now the caller's to submit to or dismiss."""
    global _standby
    standby, _standby = _standby, None
    return standby


def drop_standby() -> None:
    """Dismiss the copy standing by, if any: this build parses nothing soon."""
    standby = take_standby()
    if standby:
        standby.dismiss()
