"""Small briefs for the id tests, written for these tests (no seed text).

A brief is given as paragraphs, each a list of sentences; a sentence with " should " is
a recommendation, one ending in "?" an open question.
"""
from __future__ import annotations

from generator.model import Brief, Metadata, OpenQuestion, Paragraph, Recommendation

COUNCIL = [
    ["The harbour council met on Tuesday.", "Its budget fell for the third year."],
    ["The council should publish every contract it signs before the vote.",
     "Residents asked for this in 2019."],
    ["Ferries run late most winters.",
     "The operator should add a second boat on the northern route."],
    ["Who pays for dredging once the grant ends?"],
    ["Fishing crews want longer leases.",
     "The port authority should set lease terms of at least ten years."],
    ["The mayor should not sign the dredging deal until the audit is out."],
]


def make_brief(paras: list[list[str]], slug: str = "harbour-council",
               source: str = "seeds/harbour.txt", title: str = "Harbour Council") -> Brief:
    """A Brief whose items are found by the rule in the module docstring."""
    body = tuple(Paragraph(n, " ".join(p)) for n, p in enumerate(paras, 1))
    recs, questions = [], []
    for n, para in enumerate(paras, 1):
        for k, sentence in enumerate(para):
            if " should " in sentence:
                recs.append(Recommendation(sentence, "Council", "should", n, k))
            elif sentence.endswith("?"):
                questions.append(OpenQuestion(sentence, "explicit", n, k))
    return Brief(slug=slug, source_file=source, meta=Metadata(title=title), body=body,
                 recommendations=tuple(recs), open_questions=tuple(questions))


def ids_by_text(brief: Brief) -> dict[str, str]:
    """Each item's text → its id."""
    return {i.text: i.id for i in (*brief.recommendations, *brief.open_questions)}


def edit(paras: list[list[str]], old: str, new: str) -> list[list[str]]:
    """The paragraphs with one sentence replaced."""
    return [[new if s == old else s for s in p] for p in paras]
