"""The generator's garbage-collection pace: less often while it works, as before after."""
from __future__ import annotations

import gc
import weakref

from generator.memory import YOUNG_OBJECTS, collect_less_often, fewer_collections, kept_to_the_end, no_collections


def test_fewer_collections_restores_the_thresholds_after_the_block() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (YOUNG_OBJECTS, *before[1:])
    assert gc.get_threshold() == before


def test_the_thresholds_come_back_after_an_error_too() -> None:
    before = gc.get_threshold()
    try:
        with fewer_collections():
            raise KeyError("x")
    except KeyError:
        pass
    assert gc.get_threshold() == before


def test_collect_less_often_keeps_the_older_generations_ratio() -> None:
    before = gc.get_threshold()
    try:
        collect_less_often()
        assert gc.get_threshold() == (YOUNG_OBJECTS, *before[1:])
    finally:
        gc.set_threshold(*before)


def test_what_is_kept_to_the_end_goes_back_to_the_collector_after_the_block() -> None:
    """Objects set aside inside the block (a rebuild's loaded state) are not collected
    there, and are collectable again after it: a cycle among them is freed then."""
    class Node:
        pass

    with fewer_collections():
        cycle = Node()
        cycle.self = cycle
        gone = weakref.ref(cycle)
        kept_to_the_end()
        del cycle
        gc.collect()
        assert gone() is not None and gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert gone() is None


def test_no_collections_inside_the_block_as_before_after() -> None:
    assert gc.isenabled()
    with no_collections():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with no_collections():
            pass
        assert not gc.isenabled()  # a caller's own setting is left as it was
    finally:
        gc.enable()
