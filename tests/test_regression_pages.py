"""Regression pages (invented saved pages the reading rules were written against): their
metadata stays mostly right, no labelled furniture reaches the body and no labelled body
text is lost (see tests/regression_pages.py). These pages measure nothing about new
articles; the floors only catch a change that breaks what already works."""
from __future__ import annotations

import pytest

from regression_pages import FIELDS, labels, score_page

LABELS = labels()
ROWS = {name: score_page(name, label) for name, label in LABELS.items()}
FIELD_FLOOR = 0.95
"""Share of (page, field) pairs right: a little below what the pages reach today."""
LEAK_CEILING = 2


def test_metadata_fields_mostly_right() -> None:
    right = sum(row["ok"][f] for row in ROWS.values() for f in FIELDS)
    wrong = {n: [f for f in FIELDS if not r["ok"][f]] for n, r in ROWS.items()}
    assert right / (len(ROWS) * len(FIELDS)) >= FIELD_FLOOR, {n: w for n, w in wrong.items() if w}


def test_furniture_stays_out() -> None:
    leaks = {n: r["leaks"] for n, r in ROWS.items() if r["leaks"]}
    assert sum(map(len, leaks.values())) <= LEAK_CEILING, leaks


@pytest.mark.parametrize("name", sorted(LABELS))
def test_no_body_text_is_lost(name: str) -> None:
    assert ROWS[name]["missing"] == []
