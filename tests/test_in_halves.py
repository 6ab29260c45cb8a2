"""One large seed's paragraphs split in two halves, the second in a forked copy of the
process: the same sentences, in the same order, as splitting them one after another."""
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
    monkeypatch.setattr(sentences, "may_fork", lambda: True)
    forked = sentences.split_sentences(body)
    monkeypatch.setattr(sentences, "may_fork", lambda: False)
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
