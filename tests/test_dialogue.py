"""Reported dialogue (invented news lines): a quoted question tagged with its speaker, or
inside a quotation the paragraph opened earlier, is not the author's open question; an
author's own quoted question stays."""
from __future__ import annotations

import pytest

from generator.extraction.questions import find_open_questions
from generator.model import Paragraph
from generator.reading.sentences import split_sentences


def questions(*paragraphs: str) -> list[str]:
    sentences = split_sentences([Paragraph(n, text) for n, text in enumerate(paragraphs, 1)])
    return [q.text for q in find_open_questions(sentences)]


@pytest.mark.parametrize("paragraph", [
    "After a long answer, Judge Okafor asked the witness: “Finished?”",
    "Not satisfied, Okafor continued: “Which contract did you sign first?”",
    "“The dates do not match,” Okafor interjected. “Do you dispute that?”",
    "Okafor pressed on. “You signed it in May?” Okafor asked.",
    "Okafor cut him off: “No, that is not my point. The dates matter, right? Who signed first?",
])
def test_a_speakers_quoted_question_is_theirs(paragraph: str) -> None:
    assert questions(paragraph) == []


@pytest.mark.parametrize("paragraph,question", [
    ("Senators might ask the minister one plain question: “Who pays for the ferry?”",
     "Senators might ask the minister one plain question: “Who pays for the ferry?”"),
    ("Every newsroom should meet weekly. “What did the other papers try this week?”",
     "“What did the other papers try this week?”"),
    ("Who pays for the ferry?", "Who pays for the ferry?"),
])
def test_the_authors_own_questions_stay(paragraph: str, question: str) -> None:
    assert questions(paragraph) == [question]


def test_a_quotation_closed_in_one_paragraph_does_not_run_into_the_next() -> None:
    assert questions("Okafor cut him off: “No, that is not my point.", "Who pays for the ferry?") == \
        ["Who pays for the ferry?"]
