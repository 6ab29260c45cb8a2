"""Summary stage: 3–5 sentences, in document order, that state what the article argues.

A reader who reads nothing else should get the thesis and the main advice, not a copy of
the whole recommendations list below it. So the best source is the article's own summary
(an abstract, "Key takeaways", a report's highlights, front-matter key points) when it has
one; otherwise the lead, the sentences that turn from the set-up to the author's claim
("But, in fact, …"), the conclusion, and the central advice (never only advice). Each
sentence is scored on those classes of structure and phrasing (summary_cues,
data/summary.yaml) plus how central it is to the article's vocabulary; details, quotations,
bios, the author's own story, introductions of named bodies, headings and furniture are
left out. The
best are taken greedily, skipping near-duplicates, and put back in document order.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import OpenQuestion, Recommendation, Sentence
from ..rules import active, rule
from .footnotes import strip_footnote_marks
from .prefilter import may_match, required_words, screened
from .summary_cues import (centrality, enumerated_points, is_bio, is_definition, is_furniture,
                           is_personal_narrative, is_quotation, is_title_cased, numbers,
                           phrase_pattern, sections)

MIN_SENTENCES, MAX_SENTENCES = 3, 5
MAX_WORDS = 140
"""Words a summary may reach once it has three sentences: what a reader takes in at a glance
(and a phone shows above the first recommendation)."""
MIN_WORDS, LONG_WORDS = 5, 60
"""Shorter sentences are fragments; longer ones are usually run-together page text."""
MAX_ADVICE, FEW_ADVICE = 4, 2
"""Advice the summary may repeat from the recommendations list: all but one place (two with
the main-advice rule off)."""
WORD_BUDGET = rule("summary-word-budget", "summary",
                   "Past three sentences, a summary takes no sentence that would carry it over a glance's words")
MAIN_ADVICE = rule("summary-main-advice", "summary", "An advocacy piece's thesis is its main "
                   "advice: the summary may carry up to four pieces of it, never five.")
PERSONAL_NARRATIVE = rule("summary-personal-narrative", "summary", "The author's own story "
                          "('When I called a friend …') sets the scene; 'I believe we must …' "
                          "is still the claim.")
DEFINITION = rule("summary-definition", "summary", "'The X Board is an independent agency "
                  "that …' introduces a named body to the reader: background, not the claim.")
POINTS = rule("summary-enumerated-points", "summary", "'First, … Second, … Finally, …' in "
              "running text: the author counts out their main points.")
ONE_ITEM = rule("summary-item-counted-once", "summary", "A sentence read as both advice and a "
                "question ('Senators might ask: what …?') is one item: the stronger label counts.")
PER_PARAGRAPH = 3
"""At most this many from one paragraph, so the summary spans the article."""
DUPLICATE_OVERLAP = 0.5
"""Word overlap (Jaccard) above which two sentences say the same thing."""
LEAD, LEAD_PARAGRAPH = 2.5, 0.8
"""The article's first sentence states its subject; the rest of its first paragraph sets it up."""
# The weights below are about the log-odds with which each class marked a key sentence in
# the labelled dev articles (a class twice as common among key sentences: about +0.7);
# they say how much a class counts, the classes themselves are the genre's, not a document's.
OWN_SUMMARY, CONCLUSION_SECTION, LAST_PARAGRAPH, POINT = 2.0, 1.0, 0.8, 0.7
OPENING, OPENING_SHARE, LIST_ITEM = 0.5, 0.2, 1.0
PIVOT, PIVOT_SHARE, STANCE, CONCLUDING, CLOSE_SHARE = 1.5, 0.34, 1.0, 1.5, 0.5
ADVICE = {"must": 1.2, "should": 1.0, "could": 0.6}
QUESTION = {"explicit": 1.2, "implicit": 1.2}
CUE, CUE_CAP = 0.7, 1.4
CENTRALITY = 2.5
DETAIL, MANY_NUMBERS, QUOTATION, UNFINISHED, LONG, PAST = 1.0, 0.8, 2.5, 1.0, 1.0, 0.8
NARRATIVE, BACKGROUND = 2.0, 1.5
PAST_TENSE = re.compile(r"\b(?:was|were|had|did)\b", re.IGNORECASE)
PRESENT_TENSE = re.compile(r"\b(?:is|are|has|have|does|do)\b", re.IGNORECASE)
"""A sentence told in the past tense only narrates what happened; a thesis is stated now."""
OPENS_QUOTE = re.compile(r"^\W?[\"“‘]")
"""A sentence that opens with a quotation mark is someone else's words (an epigraph, a
source quoted), not the author's claim."""
SUB_ITEM = re.compile(r"\s*\(?(?:[ivx]+|[a-h])[.)]\s")
"""A sub-item numbered in lower case ("iv. Secure the borders"): a detail of its list."""
MIN_GOOD = 3.0
"""Below this score a sentence is only taken to reach the minimum of three."""


@dataclass(frozen=True, slots=True)
class Labels:
    """What the other stages found in a sentence, and where it sits in the article."""

    advice: str | None
    question: str | None
    section: str | None
    lead: int
    """0 for the article's first candidate sentence, 1 for the rest of its paragraph, else 2."""
    place: float
    """Where in the article the sentence sits, 0 (start) to 1 (end)."""
    last: bool
    point: bool = False
    """Whether it opens one of the author's counted-out points ("First, …", "Finally, …")."""


def words(text: str) -> set[str]:
    """Lower-case word set of a sentence, for overlap tests."""
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def overlap(a: str, b: str) -> float:
    """Jaccard overlap of two sentences' words."""
    wa, wb = words(a), words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def is_candidate(s: Sentence, bios: set[int]) -> bool:
    """Whole sentences of the author's text: no headings or title-cased lines, fragments,
    lead-ins to a list, bio paragraphs or page furniture."""
    if s.heading or s.paragraph in bios or is_title_cased(s.plain) or is_furniture(s) \
            or OPENS_QUOTE.match(s.plain):
        return False
    return len(s.plain.split()) >= MIN_WORDS and not s.plain.rstrip().endswith(":")


def structure_score(s: Sentence, labels: Labels) -> float:
    """Where the sentence sits: the article's own summary, its lead, its opening fifth, the
    author's counted-out points, its conclusion; an item of a list is a detail of the
    sentence that opens the list (but key points are bullets)."""
    score = OWN_SUMMARY if labels.section == "summary" else 0.0
    score += CONCLUSION_SECTION if labels.section == "conclusion" else 0.0
    score += LEAD if labels.lead == 0 else LEAD_PARAGRAPH if labels.lead == 1 else 0.0
    score += OPENING if labels.place < OPENING_SHARE else 0.0
    score += POINT if labels.point and active(POINTS) else 0.0
    score -= LIST_ITEM if s.list_item and labels.section != "summary" else 0.0
    return score + (LAST_PARAGRAPH if labels.last else 0.0)


def framing(text: str, labels: Labels) -> float:
    """A stance the author takes, a turn to the author's claim where claims are made (the
    opening third, the last paragraph, a summary or conclusion section), a closing phrase
    where the argument closes."""
    score = STANCE if phrase_pattern("stance_openers", True).match(text) else 0.0
    if labels.place < PIVOT_SHARE or labels.last or labels.section:
        score += PIVOT if phrase_pattern("pivot_openers", True).match(text) else 0.0
    if labels.place >= CLOSE_SHARE or labels.section:
        score += CONCLUDING if phrase_pattern("conclusion_openers", True).match(text) else 0.0
    return score


def matches(pattern: re.Pattern[str], text: str, lowered: str | None) -> list[str]:
    """`pattern.findall(text)`, not run on a sentence that lacks every word the pattern
    cannot match without (extraction/prefilter.py): most sentences hold no thesis cue and
    no past tense, and these case-blind alternations cost 10-35 µs a sentence to scan."""
    return pattern.findall(text) if may_match(required_words(pattern), lowered) else []


def phrasing_score(text: str) -> float:
    """What the sentence's wording says it is: a thesis cue; or a detail, a quotation, an
    unfinished line, run-together text."""
    lowered = screened(text)
    score = min(CUE_CAP, CUE * len(matches(phrase_pattern("thesis_cues"), text, lowered)))
    score -= DETAIL if phrase_pattern("detail_openers", True).match(text) else 0.0
    score -= MANY_NUMBERS if numbers(text) >= 3 else 0.0
    score -= QUOTATION if is_quotation(text) else 0.0
    score -= UNFINISHED if not text.rstrip(" *_)”\"’'").endswith((".", "?", "!")) else 0.0
    score -= LONG if len(text.split()) > LONG_WORDS else 0.0
    score -= PAST if matches(PAST_TENSE, text, lowered) and not matches(PRESENT_TENSE, text, lowered) else 0.0
    return score - (1.0 if SUB_ITEM.match(text) else 0.0) - background(text)


def background(text: str) -> float:
    """What sets the scene rather than argues: the author's own story, a named body
    introduced to the reader."""
    score = NARRATIVE if active(PERSONAL_NARRATIVE) and is_personal_narrative(text) else 0.0
    return score + (BACKGROUND if active(DEFINITION) and is_definition(text) else 0.0)


def score_sentence(s: Sentence, labels: Labels, central: float) -> float:
    """How much of the article's thesis one sentence carries."""
    score = structure_score(s, labels) + framing(s.plain, labels) + phrasing_score(s.plain)
    score += CENTRALITY * central
    advice, question = ADVICE.get(labels.advice or "", 0.0), QUESTION.get(labels.question or "", 0.0)
    return score + (max(advice, question) if active(ONE_ITEM) else advice + question)


def label(s: Sentence, by_text: dict[str, str], by_place: dict[tuple[int, int], tuple[str, str]]
          ) -> str | None:
    """The label (strength or question kind) an item gives this sentence, matched by its
    text, or by its place when the item's text is the same sentence lightly rejoined."""
    found = by_text.get(s.text) or by_text.get(s.plain)
    if found:
        return found
    text, value = by_place.get((s.paragraph, s.index), ("", ""))
    return value if text and overlap(text, s.plain) > DUPLICATE_OVERLAP else None


def item_labels(items: Sequence[Recommendation] | Sequence[OpenQuestion], attr: str
                ) -> tuple[dict[str, str], dict[tuple[int, int], tuple[str, str]]]:
    """Items' labels by text and by place, for `label`."""
    return ({i.text: getattr(i, attr) for i in items},
            {(i.paragraph, i.sentence): (i.text, getattr(i, attr)) for i in items})


def labelled(pool: Sequence[Sentence], recommendations: Sequence[Recommendation],
             questions: Sequence[OpenQuestion], section_of: dict[int, str]) -> list[Labels]:
    """Each candidate's labels: advice, question, section, lead position, last paragraph,
    counted-out point."""
    advice, asked = item_labels(recommendations, "strength"), item_labels(questions, "kind")
    first = pool[0].paragraph if pool else 0
    last = max((s.paragraph for s in pool), default=0)
    points = enumerated_points(pool)
    return [Labels(label(s, *advice), label(s, *asked), section_of.get(s.paragraph),
                   0 if i == 0 else 1 if s.paragraph == first else 2, i / len(pool),
                   s.paragraph == last, (s.paragraph, s.index) in points)
            for i, s in enumerate(pool)]


def pick(ranked: Sequence[tuple[float, Sentence, Labels]]) -> list[Sentence]:
    """Best first, skipping near-duplicates, crowding from one paragraph and advice past
    the first four."""
    chosen: list[tuple[Sentence, set[str]]] = []
    spread = len({s.paragraph for _, s, _ in ranked}) >= MIN_SENTENCES
    advice, most_advice = 0, MAX_ADVICE if active(MAIN_ADVICE) else FEW_ADVICE
    for score, s, labels in ranked:
        if len(chosen) >= MAX_SENTENCES or (score < MIN_GOOD and len(chosen) >= MIN_SENTENCES):
            break
        crowded = spread and sum(c.paragraph == s.paragraph for c, _ in chosen) >= PER_PARAGRAPH
        if crowded or (labels.advice and advice >= most_advice):
            continue
        bag = words(s.plain)
        if any(len(bag & b) > DUPLICATE_OVERLAP * len(bag | b) for _, b in chosen):
            continue
        if len(chosen) >= MIN_SENTENCES and active(WORD_BUDGET) \
                and sum(len(c.plain.split()) for c, _ in chosen) + len(s.plain.split()) > MAX_WORDS:
            continue
        advice += labels.advice is not None
        chosen.append((s, bag))
    return [s for s, _ in chosen]


def fill(chosen: list[Sentence], sentences: Sequence[Sentence]) -> list[Sentence]:
    """Top up to three with the earliest remaining sentences, body text before headings."""
    if len(chosen) >= MIN_SENTENCES:
        return chosen
    rest = sorted((s for s in sentences if s not in chosen), key=lambda s: s.heading)
    return chosen + rest[:max(0, MIN_SENTENCES - len(chosen))]


def summarize(sentences: Sequence[Sentence], recommendations: Sequence[Recommendation],
              questions: Sequence[OpenQuestion], own_summary: Sequence[Sentence] = ()
              ) -> tuple[str, ...]:
    """Sentences → 3 to 5 of them, in document order, footnote markers removed.
    `own_summary`: the summary the seed's front matter gives, read as the article's own
    summary section ahead of the body."""
    section_of = sections(sentences) | {s.paragraph: "summary" for s in own_summary}
    everything = [*own_summary, *sentences]
    bios = {s.paragraph for s in everything if s.index == 0 and is_bio(s.plain)}
    pool = [s for s in everything if is_candidate(s, bios)]
    labels = labelled(pool, recommendations, questions, section_of)
    central = centrality([s.plain for s in pool])
    ranked = sorted(((score_sentence(s, lab, central[i]), s, lab)
                     for i, (s, lab) in enumerate(zip(pool, labels))),
                    key=lambda t: (-t[0], t[1].paragraph, t[1].index))
    chosen = fill(pick(ranked), everything)
    return tuple(strip_footnote_marks(s.text)
                 for s in sorted(chosen, key=lambda s: (s.paragraph, s.index)))
