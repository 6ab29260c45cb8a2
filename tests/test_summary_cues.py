"""The classes the summary stage reads: section headings, bios, headlines, attributed views,
and centrality against the article's own vocabulary."""
from __future__ import annotations

import pytest

from generator.extraction.summary_cues import (centrality, enumerated_points, heading_class,
                                               is_bio, is_definition,
                                               is_personal_narrative, is_quotation,
                                               is_title_cased, sections)
from generator.model import Sentence


@pytest.mark.parametrize("heading,kind", [
    ("Executive Summary", "summary"), ("Key Takeaways:", "summary"), ("**Abstract**", "summary"),
    ("What the Review Found", "summary"), ("In Brief", "summary"), ("TL;DR", "summary"),
    ("2. Conclusions", "conclusion"), ("Concluding remarks", "conclusion"),
    ("Background", None), ("Findings on rural clinics", None), ("Summary of events in 2019", None),
])
def test_heading_class(heading: str, kind: str | None) -> None:
    assert heading_class(heading) == kind


def test_sections_run_from_a_summary_heading_to_the_next_heading() -> None:
    rows = [(1, "Highlights", True), (2, "What We Found", True), (3, "Clinics are closing.", False),
            (4, "Nurses leave early.", False), (5, "Background", True), (6, "Clinics opened.", False),
            (7, "Conclusion", True), (8, "Housing keeps nurses.", False)]
    sentences = [Sentence(n, 0, t, t, heading=h) for n, t, h in rows]
    assert sections(sentences) == {3: "summary", 4: "summary", 8: "conclusion"}


@pytest.mark.parametrize("text,expected", [
    ("Jane Roe (@jroe) is a professor of economics at Harbour University.", True),
    ("Editor's note: The author directs a refugee health programme.", True),
    ("• Ann Lee and Tom Hart are senior fellows at the Ports Institute.", True),
    ("The Harbour Board is the body that must approve the plan.", False),
    ("President Maria Costa plans to cut ferry subsidies next year.", False),
])
def test_bio(text: str, expected: bool) -> None:
    assert is_bio(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("Ferry Subsidies Have Not Lowered Fares.", True),
    ("Why the Ferries Stop Running in Winter", True),
    ("The Harbour Board presented its report to Minister Costa on Monday.", False),
])
def test_title_cased(text: str, expected: bool) -> None:
    assert is_title_cased(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("“We will not raise fares,” the minister said.", True),
    ("Several ferry operators argue the subsidy should double.", True),
    ("Fares will fall by spring, most analysts expect.", True),
    ("Fares rose by a third, according to the regulator.", True),
    ("We argue that the subsidy should be tied to winter sailings.", False),
    ("The subsidy should be tied to winter sailings.", False),
])
def test_attributed_views(text: str, expected: bool) -> None:
    assert is_quotation(text) is expected


def test_centrality_prefers_the_articles_subject() -> None:
    texts = ["Ferry fares rose again this winter on every island route.",
             "Island ferry routes lose money when winter fares rise.",
             "The mayor opened a new library downtown.",
             "Winter ferry fares keep island families away from the mainland."]
    scores = centrality(texts)
    assert max(scores) == 1.0 and scores[2] == min(scores)


@pytest.mark.parametrize("text,expected", [
    ("When I phoned a ferry captain last winter, he said the crossing had been cancelled.", True),
    ("The past month has been the hardest of my career.", True),
    ("Readers keep asking me why the ferries stop in January.", True),
    ("I believe the council must restore the winter timetable.", False),
    ("I have long argued that the ferry subsidy is too small.", False),
    ("In my view, the islands deserve a daily ferry.", False),
    ("First, the council should buy two boats – and I would insist they be electric.", False),
    ("The Title I grants for island schools should be made permanent.", False),
    ("Veterans of World War I once crewed these ferries.", False),
    ("The council must restore the winter timetable.", False),
])
def test_personal_narrative(text: str, expected: bool) -> None:
    assert is_personal_narrative(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("The Island Ferry Board (IFB) is an independent agency that began sailing in 1962.", True),
    ("The Harbour Trust is a charity founded by shipowners in 1890.", True),
    ("The Island Ferry Board is a disgrace.", False),
    ("It is a rule that nobody on the islands follows.", False),
    ("There is a tension that no ferry budget can resolve.", False),
    ("The ferry subsidy is a lifeline that the islands cannot lose.", False),
])
def test_definition(text: str, expected: bool) -> None:
    assert is_definition(text) is expected


def test_enumerated_points_need_a_sequence_in_running_text() -> None:
    texts = [(1, "The ferry service needs three changes.", False),
             (2, "First, the council should buy a second boat.", False),
             (3, "Next week the council meets again.", False),
             (4, "And finally, fares must be cut for islanders.", False),
             (5, "Second, timetables should be printed.", True)]
    sentences = [Sentence(n, 0, t, t, list_item=item) for n, t, item in texts]
    assert enumerated_points(sentences) == {(2, 0), (4, 0)}
    assert enumerated_points(sentences[:3]) == set()
