"""Regression articles written for this project, scored against hand labels (tests/regression.py).

The rules were fixed against these articles, so the figures say nothing about new ones
(the dev corpus and the scorer's hidden sets do); they only catch a change that loses
advice, questions or actors the extraction already found. Floors sit a little below
what the extraction reaches, so a rule change can trade one item for a better class.
"""
from __future__ import annotations

import pytest

from regression import evaluate

FLOORS = {
    "rec_precision": 0.93,
    "rec_recall": 0.93,
    "actor_acc": 0.9,
    "strength_acc": 0.95,
    "oq_precision": 0.93,
    "oq_recall": 0.93,
    "oq_kind_acc": 0.95,
    "summary_key_share": 0.7,
}


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    return evaluate()


@pytest.mark.parametrize("name,floor", sorted(FLOORS.items()))
def test_regression_floor(figures: dict[str, float], name: str, floor: float) -> None:
    assert figures[name] >= floor, f"{name} {figures[name]} fell below {floor}"


def test_regression_summaries_have_three_to_five_sentences(figures: dict[str, float]) -> None:
    assert figures["summary_bad_length"] == 0
