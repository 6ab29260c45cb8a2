"""What the summary stage reads in a sentence: the classes of phrasing and page structure
that mark a thesis, a conclusion, a detail or a bio (word lists in data/summary.yaml), the
article's own summary and conclusion sections, and how central a sentence is.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache


from ..model import Sentence
from ..datafiles import load_data

STOPWORDS = frozenset("""that this with from have been were they their there which what
when will would could should must also than then them these those into about more most
other some such only over said says very just like being does while where whose after
before because through between under again every each much many your ours""".split())
"""Words every sentence shares: they say nothing about the article's subject."""
NUMBER = re.compile(r"\d[\d,.]*%?")
NUMBERING = re.compile(r"^[\s#*_]*(?:[\dIVXivx]+(?:\.\d+)*[.:)]?\s+)?|[\s:*_]+$")
"""A heading's numbering ("29.2.1:", "II.") and emphasis or trailing colon, removed."""
QUOTED = re.compile(r"[\"”’'],?\s+(?:[\w'’.-]+\s+){0,4}(?:said|says|told|added|wrote)\b")
"""A quotation attributed to its speaker: the source's words, not the author's."""
SAYING = r"(?:say|says|said|argue|argues|argued|expect|expects|claim|claims|contend|contends)"
ATTRIBUTED = re.compile(rf"\baccording to\b|^(?!(?:we|i)\b)(?:[\w'’.-]+\s+){{1,4}}{SAYING}\b"
                        rf"|,\s+(?:[\w'’-]+\s+){{1,3}}{SAYING}\W*$", re.IGNORECASE)
"""A view the article reports, not its own: "Critics argue …", "…, most economists expect",
"according to …"."""
FOOTNOTE_TEXT = re.compile(r"^\d{1,3}\s+(?:[A-Z]|GAO|See\b)")
"""A footnote's own text ("5 These losses are …", "1 GAO, …"), run into the body."""


@lru_cache(maxsize=1)
def cue_lists() -> dict[str, list[str]]:
    """The word lists of data/summary.yaml."""
    return load_data("data/summary.yaml")


@lru_cache(maxsize=None)
def phrase_pattern(key: str, opener: bool = False) -> re.Pattern[str]:
    """One list as a whole-word pattern (at the sentence's start when `opener`)."""
    body = "|".join(re.escape(c) if key == "thesis_cues" else c for c in cue_lists()[key])
    if opener:
        return re.compile(r"^\W*(?:" + body + r")\b", re.IGNORECASE)
    return re.compile(r"\b(?:" + body + r")\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def heading_pattern(key: str) -> re.Pattern[str]:
    """A heading list as a whole-heading pattern."""
    return re.compile(r"(?:" + "|".join(cue_lists()[key]) + r")", re.IGNORECASE)


def heading_class(text: str) -> str | None:
    """"summary" or "conclusion" when a heading names that kind of section, else None."""
    name = NUMBERING.sub("", text).strip().lower()
    for kind in ("summary", "conclusion"):
        if heading_pattern(f"{kind}_headings").fullmatch(name):
            return kind
    return None


def sections(sentences: Sequence[Sentence]) -> dict[int, str]:
    """Paragraph → "summary" / "conclusion" for the paragraphs under a heading of that class:
    from the heading (headings right after it belong to it, as "Highlights" then "What GAO
    Found") to the next heading."""
    found: dict[int, str] = {}
    current, previous_heading = None, False
    for s in sentences:
        if s.index:
            continue
        if s.heading:
            current = heading_class(s.plain) or (current if previous_heading else None)
            previous_heading = True
            continue
        previous_heading = False
        if current:
            found[s.paragraph] = current
    return found


def is_bio(text: str) -> bool:
    """An author's or contributor's bio line: "Editor's note: …", "Jane Roe (@jroe) is a
    professor of …", "A and B are fellows at …"."""
    if re.match(r"^\W*editor'?’?s note\b", text, re.IGNORECASE):
        return True
    roles = "|".join(cue_lists()["bio_roles"])
    name = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}(?:\s*\([^)]*\))?"
    return bool(re.match(rf"^\W*{name}(?:,?\s+and\s+{name})?\s+(?:is|are|was|were|serves as)\s+"
                         rf"(?:\w+\s+){{0,5}}?(?:{roles})s?\b", text))


def is_quotation(text: str) -> bool:
    """A sentence in others' words: a quotation and who said it ("…," the director said),
    or a view it attributes to others."""
    return bool(QUOTED.search(text) or ATTRIBUTED.search(text))


ORDINAL_POINT = re.compile(r"^\W*(?:and\s+)?(?:(?:first|second|third|fourth|fifth)(?:ly)?|next|"
                           r"finally|lastly)\s*,", re.IGNORECASE)
"""A point in the author's own sequence, in running text: "First, …", "Next, …", "And finally, …"."""


def enumerated_points(sentences: Sequence[Sentence]) -> set[tuple[int, int]]:
    """The prose sentences that open the author's numbered points ("First, …", "Second, …",
    "Finally, …"), when there are two or more of them: a sequence, not one "Next, …"."""
    found = {(s.paragraph, s.index) for s in sentences
             if not s.heading and not s.list_item and ORDINAL_POINT.match(s.plain)}
    return found if len(found) >= 2 else set()


ME_MY = re.compile(r"\b[Mm](?:e|y)\b")
WORD = re.compile(r"[\w’']+")
I_WORD = re.compile(r"I(?:[’'](?:m|ve|d|ll))?")


def says_i(text: str) -> bool:
    """Whether the author writes "I": not the numeral after a capitalized word ("Title I
    grants", "World War I"), unless that word opens the sentence ("When I called …")."""
    if "I" not in text:
        return False  # most sentences: no word to test
    words = WORD.findall(text)
    for i, word in enumerate(words):
        if I_WORD.fullmatch(word):
            after = words[i + 1] if i + 1 < len(words) else ""
            numeral = (i > 1 and words[i - 1][0].isupper()) or after[:1].isupper()
            if not numeral:
                return True
    return False


NAMED_SUBJECT = r"^\W*(?:The\s+)?[A-Z][\w.’'-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z(][\w.’'()-]*){0,6}"
PRONOUNS = frozenset("it this that these those there here he she they we you what which".split())


@lru_cache(maxsize=1)
def first_person_stance() -> re.Pattern[str]:
    """The author stating a view: "I believe", "I have long argued", "in my view"."""
    verbs = "|".join(cue_lists()["first_person_stance"])
    views = "|".join(cue_lists()["first_person_views"])
    return re.compile(rf"\bI(?:[’']d)?\s+(?:\w+\s+){{0,2}}?(?:{verbs})\w*\b"
                      rf"|\b[Mm]y\s+(?:own\s+)?(?:{views})\b")


def is_personal_narrative(text: str) -> bool:
    """The author telling their own story ("When I called a friend …", "… hard for me"),
    not stating a view in the first person ("I believe we must …", "In my view, …")."""
    if not (says_i(text) or ME_MY.search(text)):
        return False
    return not first_person_stance().search(text)


def is_definition(text: str) -> bool:
    """A sentence that introduces a named body to the reader ("The Harbour Board is an
    independent agency that …"): background for those who don't know it, not a claim."""
    hit = definition_pattern().match(text)
    return bool(hit) and text.split()[0].lower() not in PRONOUNS


@lru_cache(maxsize=1)
def definition_pattern() -> re.Pattern[str]:
    """A named subject, "is a/an", a few words, a clause that introduces a body (compiled once)."""
    clauses = "|".join(cue_lists()["definition_clauses"])
    return re.compile(rf"{NAMED_SUBJECT}\s+(?:is|are)\s+an?\s+(?:[\w,-]+\s+){{0,5}}?(?:{clauses})\b")


def is_title_cased(text: str) -> bool:
    """A headline left in the body: every word but the short and function words
    capitalized, with or without a full stop ("Price Rules Have Not Lowered Costs.")."""
    long_words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text)
                  if len(w) > 3 and w not in STOPWORDS]
    return len(long_words) >= 3 and all(w[0].isupper() for w in long_words)


def is_furniture(s: Sentence) -> bool:
    """Page furniture inside the body: a sentence that is all one link (a related-article
    headline), a table or info row ("a | b"), or a footnote's own text."""
    text = s.text.strip(" *_")
    whole_link = re.fullmatch(r"\[+[^\]]*\]+\([^)]*\)\W*", text) is not None
    return whole_link or " | " in s.plain or bool(FOOTNOTE_TEXT.match(s.plain))


def numbers(text: str) -> int:
    """How many figures a sentence quotes: many make it a detail, not a point."""
    return len(NUMBER.findall(text))


def content_words(text: str) -> list[str]:
    """The sentence's words that can carry its subject (longer than three letters)."""
    return [w for w in re.findall(r"[a-z][a-z'-]+", text.lower())
            if len(w) > 3 and w not in STOPWORDS]


def centrality(texts: Sequence[str]) -> list[float]:
    """Cosine of each sentence's tf-idf vector with the article's (their sum), 0..1 after
    scaling by the best: how much a sentence is about what the whole article is about.
    Linear in the article's length (one pass to count, one to compare)."""
    bags = [Counter(content_words(t)) for t in texts]
    df = Counter(w for bag in bags for w in bag)
    n = len(bags) or 1
    idf = {w: math.log(1 + n / c) for w, c in df.items()}
    centroid: Counter[str] = Counter()
    for bag in bags:
        for w, c in bag.items():
            centroid[w] += c * idf[w]
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    raw = []
    for bag in bags:
        vec = {w: c * idf[w] for w, c in bag.items()}
        size = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        raw.append(sum(v * centroid[w] for w, v in vec.items()) / (size * norm))
    top = max(raw, default=0.0) or 1.0
    return [r / top for r in raw]
