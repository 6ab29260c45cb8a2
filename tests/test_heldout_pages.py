"""Held-out saved pages: every page's title, authors, date and publication as labelled, no
furniture string in the body, every labelled body string kept (see tests/heldout_pages.py).
Fields a page lists as known gaps must still be wrong: a fix shows up as a failure to update."""
from __future__ import annotations

import pytest

from heldout_pages import FIELDS, labels, score_page

LABELS = labels()


@pytest.mark.parametrize("name", sorted(LABELS))
def test_page_metadata(name: str) -> None:
    row = score_page(name, LABELS[name])
    wrong = {f: row["got"][f] for f in FIELDS if not row["ok"][f]}
    assert sorted(wrong) == sorted(LABELS[name].get("known_gaps", [])), wrong


@pytest.mark.parametrize("name", sorted(LABELS))
def test_page_body(name: str) -> None:
    row = score_page(name, LABELS[name])
    assert (row["leaks"], row["missing"]) == ([], [])
