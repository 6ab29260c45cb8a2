"""Bylines (invented): the names a byline gives, without what a wire byline adds to them."""
from __future__ import annotations

import pytest

from generator.reading.bylines import bio_authors, byline
from generator.rules import switched_off


@pytest.mark.parametrize("line,names", [
    ("By Dana Reyes , Olu Brandt , and Mara Quint, WIRE November 28, 2013 -- Updated 0203 GMT (1003 HKT)",
     ["Dana Reyes", "Olu Brandt", "Mara Quint"]),
    ('By Amanda "Tania Mae" Tan November 19, 2023 7:18 pm', ["Amanda Tan"]),
])
def test_a_wire_bylines_outlet_date_and_nickname_are_not_names(line: str, names: list[str]) -> None:
    assert byline(line) == names
    with switched_off("byline-tail"):
        assert byline(line) is None


def test_a_quoted_source_after_an_apposition_is_no_bio() -> None:
    assert bio_authors("Dana Reyes, a former harbour pilot, says the channel is now too shallow.") == []
    assert bio_authors("Dana Reyes, a former harbour pilot, chairs the port users' forum.") == ["Dana Reyes"]
