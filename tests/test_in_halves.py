"""One large seed's work shared with a forked copy of the process (its paragraphs split in
two halves; its names and questions, its page head found meanwhile): the same results, in
the same order, as doing the work in series."""
from __future__ import annotations

import os

import pytest

from generator import parallel
from generator.model import Paragraph
from generator.reading import sentences

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def test_halves_give_the_serial_results_in_order() -> None:
    items = list(range(101))
    assert parallel.in_halves(lambda x: x * x, items, [1] * len(items)) == [x * x for x in items]


def test_the_halves_split_by_the_share_of_work() -> None:
    seen_here: list[int] = []

    def work(x: int) -> int:
        seen_here.append(x)  # the forked copy's appends stay in the copy
        return x

    assert parallel.in_halves(work, [0, 1, 2, 3], [90, 5, 3, 2]) == [0, 1, 2, 3]
    assert seen_here == [0]


def test_a_copy_that_fails_leaves_its_half_to_this_process() -> None:
    parent = os.getpid()

    def work(x: int) -> int:
        if os.getpid() != parent:
            raise RuntimeError("the copy breaks")
        return x + 1

    assert parallel.in_halves(work, [1, 2, 3, 4], [1, 1, 1, 1]) == [2, 3, 4, 5]


def test_an_error_is_raised_as_in_series() -> None:
    def work(x: int) -> int:
        if x == 3:
            raise ValueError("three")
        return x

    with pytest.raises(ValueError, match="three"):
        parallel.in_halves(work, [1, 2, 3, 4], [1, 1, 1, 1])


def test_a_large_body_is_split_forked_as_in_series(monkeypatch: pytest.MonkeyPatch) -> None:
    body = [Paragraph(n, f"The board should publish report {n}. Dr. Lee must sign it by 5 p.m. on Monday.")
            for n in range(1, 4001)]
    monkeypatch.setattr(sentences, "worth_forking", lambda chars: True)
    forked = sentences.split_sentences(body)
    monkeypatch.setattr(sentences, "worth_forking", lambda chars: False)
    assert forked == sentences.split_sentences(body)
    assert len(forked) == 8000


def test_no_fork_from_a_process_running_threads() -> None:
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not parallel.may_fork()
    finally:
        stop.set()
        thread.join()


def test_forked_work_gives_its_result_or_is_done_here() -> None:
    parent = os.getpid()
    assert parallel.forked(lambda: [1, 2, 3])() == [1, 2, 3]
    assert parallel.forked(lambda: os.getpid() == parent or 1 / 0)() is True  # the copy failed


@pytest.mark.parametrize("name", ["large.md", "page.html"])
def test_a_large_seed_parses_the_same_forked(monkeypatch: pytest.MonkeyPatch, tmp_path, name: str) -> None:
    from generator import parse
    from generator.extraction.aliases import load_aliases
    from generator.reading import read, webpage
    paragraphs = [f"The port board should publish report {n}. Dr. Lee must sign it. Will the city pay?"
                  for n in range(1, 400)]
    seed = tmp_path / name
    seed.write_text("<html><head><title>Harbour reports</title><meta name='author' content='Ann Lee'></head>"
                    "<body><article><h1>Harbour reports</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)
                    + "</article></body></html>" if name.endswith(".html")
                    else "# Harbour reports\n\n" + "\n\n".join(paragraphs), "utf-8")
    results = []
    for fork in (True, False):
        for module in (parse, sentences, webpage):
            monkeypatch.setattr(module, "worth_forking", lambda chars, fork=fork: fork)
        results.append(parse.parse_document(read.read_seed(seed), name, load_aliases()))
    assert results[0] == results[1] and results[0].entities and results[0].open_questions


def test_seeds_parsed_soon_give_the_serial_results_forked_or_in_a_pool(
        tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """parse_soon: a forked copy where the process may fork, else a fork server's worker;
    each seed's result in order, as parsing it here gives."""
    from functools import partial
    from generator.build import parse_or_problem
    from generator.extraction.aliases import load_aliases
    seeds = []
    for name, text in (("a.txt", "The board should publish its report.\n"), ("b.txt", "")):
        seeds.append(tmp_path / name)
        seeds[-1].write_text(text, "utf-8")
    parse = partial(parse_or_problem, root=tmp_path, aliases=load_aliases())
    here = [parse(path) for path in seeds]
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    for may in (True, False):
        monkeypatch.setattr(parallel, "may_fork", lambda may=may: may)
        assert [result() for result in parallel.parse_soon(parse, seeds)] == here


def test_a_copy_standing_by_does_the_work_it_is_sent_or_is_dismissed(tmp_path) -> None:
    """parallel.Standby: ready before the work is known; the work's result as done here;
    a copy whose preparation fails leaves the work to this process; a dismissed copy is
    gone."""
    from functools import partial
    ready = tmp_path / "ready"
    standby = parallel.Standby(partial(ready.write_text, "ready"))
    assert standby.submit(partial(sum, [1, 2, 3]))() == 6
    assert ready.read_text() == "ready"  # prepared in the copy, before the work came
    broken = parallel.Standby(partial(int, "not a number"))
    parent = os.getpid()
    assert broken.submit(os.getpid)() == parent  # done here, as the copy failed
    idle = parallel.Standby(lambda: None)
    idle.dismiss()
    with pytest.raises(ChildProcessError):
        os.waitpid(idle.pid, os.WNOHANG)


def test_a_build_started_with_a_copy_standing_by_gives_the_serial_bytes(
        tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The changed seed parsed by the warmed-up copy (__main__'s, here started by hand)
    gives the very outputs of parsing it in this process."""
    from generator import build as build_module
    from generator.build import Paths, build, warm_up
    from siteproject import copy_project
    from test_cache import tree
    results = []
    for name, standing in (("standby", True), ("here", False)):
        (tmp_path / name).mkdir()
        project = copy_project(tmp_path / name)
        build(Paths.under(project))
        seed = project / "seeds" / "extra.txt"
        seed.write_text("# Locks Need Keepers\n\nThe council must hire lock keepers by May.\n", "utf-8")
        monkeypatch.setattr(parallel, "cores", lambda: 2 if standing else 1)
        monkeypatch.setattr(parallel, "may_fork", lambda: standing)  # threads other tests left
        if standing:
            parallel.stand_by(warm_up)
            assert parallel._standby is not None
        report = build(Paths.under(project))
        assert parallel._standby is None and report.extracted == 1
        results.append((tree(project / "site_src"), (project / "ids.lock.json").read_bytes()))
    assert results[0] == results[1]
    assert build_module.WARM_UP
