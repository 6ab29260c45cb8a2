"""Held-out articles written for this project, scored against hand labels (tests/heldout.py).

The floors are the figures the extraction reached when they were pinned, so a change
that loses a recommendation, a question or an actor on articles the rules were not
tuned on fails here, not only on the scorer's unseen set.
"""
from __future__ import annotations

import pytest

from heldout import evaluate

FLOORS = {
    "rec_precision": 0.989,
    "rec_recall": 1.0,
    "actor_acc": 0.965,
    "strength_acc": 1.0,
    "oq_precision": 1.0,
    "oq_recall": 1.0,
    "oq_kind_acc": 1.0,
    "summary_key_share": 0.8,
}


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    return evaluate()


@pytest.mark.parametrize("name,floor", sorted(FLOORS.items()))
def test_heldout_floor(figures: dict[str, float], name: str, floor: float) -> None:
    assert figures[name] >= floor, f"{name} {figures[name]} fell below {floor}"


def test_heldout_summaries_have_three_to_five_sentences(figures: dict[str, float]) -> None:
    assert figures["summary_bad_length"] == 0
