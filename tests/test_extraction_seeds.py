"""The two seeds end to end: every recommendation's actor and strength, and the questions."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.extraction.aliases import load_aliases
from generator.build import parse_seed
from generator.model import Brief

ROOT = Path(__file__).resolve().parent.parent

# (seed, opening words of the sentence, actor, strength)
RECOMMENDATIONS = [
    ("000_eee4ee638b1a7a62", "A recalibration of the U.S.-Iraq", "United States and Iraq", "must"),
    ("000_eee4ee638b1a7a62", "At the same time, U.S. officials", "United States", "should"),
    ("000_eee4ee638b1a7a62", "The U.S. can help bolster", "United States", "could"),
    ("000_eee4ee638b1a7a62", "U.S. forces have begun", "United States", "should"),
    ("000_eee4ee638b1a7a62", "Washington and Baghdad should also", "United States and Iraq", "should"),
    ("000_eee4ee638b1a7a62", "Yet, Kadhimi should", "Kadhimi", "should"),
    ("000_eee4ee638b1a7a62", "It is not in America", "United States", "should"),
    ("003_c6e6deed5639b5a6", "Establishing a foundation", "United States and Iraq", "must"),
    ("003_c6e6deed5639b5a6", "To realize these objectives", "Iraq", "must"),
    ("003_c6e6deed5639b5a6", "On the U.S. side, it must", "United States", "must"),
]

QUESTIONS = {
    "000_eee4ee638b1a7a62": [],
    "003_c6e6deed5639b5a6": ["implicit", "implicit", "explicit", "explicit", "explicit"],
}


@pytest.fixture(scope="module")
def briefs() -> dict[str, Brief]:
    aliases = load_aliases()
    return {p.stem: parse_seed(p, ROOT, aliases) for p in sorted((ROOT / "seeds").glob("*.txt"))}


@pytest.mark.parametrize("seed,opening,actor,strength", RECOMMENDATIONS)
def test_recommendation(briefs: dict[str, Brief], seed: str, opening: str, actor: str, strength: str) -> None:
    found = [r for r in briefs[seed].recommendations if r.text.startswith(opening)]
    assert [(r.actor, r.strength) for r in found] == [(actor, strength)]


@pytest.mark.parametrize("seed", sorted(QUESTIONS))
def test_questions(briefs: dict[str, Brief], seed: str) -> None:
    assert [q.kind for q in briefs[seed].open_questions] == QUESTIONS[seed]


def test_no_advice_from_descriptions_or_third_parties(briefs: dict[str, Brief]) -> None:
    texts = " ".join(r.text for b in briefs.values() for r in b.recommendations)
    for phrase in ("could launch", "They demanded", "hoped for", "is unlikely", "could generate"):
        assert phrase not in texts
