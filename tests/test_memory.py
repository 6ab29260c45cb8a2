"""The generator's garbage-collection pace: less often while it works, as before after."""
from __future__ import annotations

import gc

from generator.memory import YOUNG_OBJECTS, collect_less_often, fewer_collections


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
