"""Open questions: the author's own questions and named uncertainty (invented sentences)."""
from __future__ import annotations

import pytest

from generator.model import Paragraph, Sentence
from generator.extraction.questions import find_open_questions
from generator.reading.sentences import split_sentences

CASES = [
    ("Why has the ministry waited so long to act?", "explicit"),
    ("And what happens to the refugees once the camps close?", "explicit"),
    ("So, with the election over, should we simply declare the reform finished?", "explicit"),
    ("Who will pay for the new reactors (and when)?", "explicit"),
    ("It remains to be seen whether the truce will survive the winter.", "implicit"),
    ("It is unclear how the plan will be funded after 2030.", "implicit"),
    ("It's unclear whether the court will rule this year.", "implicit"),
    ("It is still not clear whether the court will hear the appeal.", "implicit"),
    ("The question is whether voters will accept higher fares.", "implicit"),
    ("Whether the coalition survives the budget vote remains an open question.", "implicit"),
    ("After the first round of talks, several questions remain.", "implicit"),
    ("How the money will reach the provinces is unclear.", "implicit"),
    ("The long-term effects of the levy are still unknown.", "implicit"),
    ("A key question is whether the banks will lend.", "implicit"),
    ("Only time will tell if the gamble pays off.", "implicit"),
    ("We still don't know how many contracts were cancelled.", "implicit"),
    ("Nobody knows whether the reserves are real.", "implicit"),
    ("It is also unclear how the reform will be paid for.", "implicit"),
    ("Nor is it clear how allies will share the cost.", "implicit"),
    ("It is far from clear that the truce will hold.", "implicit"),
    ("Whether the surplus will last is anyone's guess.", "implicit"),
    ("The big unknown is whether voters will accept the tax.", "implicit"),
    ("We know how the last crisis ended.", None),
    ("“Why now?” the minister asked.", None),
    ("She asked reporters, “Where is the money?”", None),
    ("The ministry may be willing to compromise.", None),
    ("Sanctions could generate resentment among traders.", None),
    ("The coalition remains fragile.", None),
    ("The government should answer these questions before the vote.", None),
    ("It is unlikely that the militias will escalate.", None),
    ('Regulators might put it plainly: "Who pays when the dam fails?"', "explicit"),
    ('Once the data arrive, the planners start to ask "what is possible?"', None),
    ('"Who will pay for it?" the mayor asked.', None),
    ("It is not even clear who will run the port.", "implicit"),
]


@pytest.mark.parametrize("text,kind", CASES)
def test_question_kind(text: str, kind: str | None) -> None:
    found = find_open_questions(split_sentences([Paragraph(1, text)]))
    assert [q.kind for q in found] == ([kind] if kind else [])


def test_each_question_sentence_is_one_entry_with_its_place() -> None:
    text = "Three things are unknown. What will the bank do? Why now? Who pays?"
    found = find_open_questions(split_sentences([Paragraph(1, "Intro."), Paragraph(2, text)]))
    assert [(q.paragraph, q.sentence, q.text) for q in found] == [
        (2, 1, "What will the bank do?"), (2, 2, "Why now?"), (2, 3, "Who pays?")]
    assert all(q.id == "" for q in found)


def test_links_are_kept_in_the_text() -> None:
    s = Sentence(1, 0, "Will [the fund](https://x.org/f) pay?", "Will the fund pay?")
    assert find_open_questions([s])[0].text == s.text
