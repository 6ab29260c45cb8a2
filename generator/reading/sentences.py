"""Paragraphs -> sentences, split on the plain text and mapped back to the Markdown.

pysbd reads the plain text (links reduced to their label, emphasis and footnote marks
dropped), so a URL's dots or a footnote mark never cut a sentence; each span is then
mapped back to the paragraph's own text so the sentence keeps its links. Items of an
inline enumeration ("… should be to: i. Support X. ii. Stop Y.") and labelled blocks
("RECOMMENDATION 2: …") become sentences of their own, marked as list items.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..extraction.lexicon import lexicon
from ..model import Paragraph, Sentence
from ..parallel import in_halves, worth_forking
from .segmenter import segmenter

# Markup that plain text drops: [label](target) keeps its label; **, __, footnote marks
# ([^note], [12], ¹²) and a doubled link " (<https://…>)" vanish; "\(" keeps the bracket.
_MARKUP = re.compile(
    r"(?P<link>\[(?P<label>[^\]\n]*)\]\((?P<target>[^)\s]*)\))"
    r"|(?P<doubled>\s?\(<[^>\s]+>\))"
    r"|(?P<note>\[\^[^\]\s]+\]|\[\d{1,3}\](?!\()|[\u00b9\u00b2\u00b3\u2070-\u2079]+)"
    r"|(?P<emph>\*\*|__)"
    r"|(?P<escape>\\(?=[()\[\]*_]))"
)
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+\.(?:com|org|edu|gov|net|int)\b\S*")
_CLOSING = re.compile(r"(?:\]\([^)\s]*\)|\*\*|__|\[\^[^\]\s]+\]|\[\d{1,3}\](?!\()|[\u00b9\u00b2\u00b3\u2070-\u2079]+|\s?\(<[^>\s]+>\))*")
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]


def plain_text(text: str) -> tuple[str, list[int]]:
    """Markdown text -> (plain text, index in `text` of each plain character)."""
    out: list[str] = []  # pieces of text, joined once
    where: list[int] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        out.append(text[pos:m.start()])
        where.extend(range(pos, m.start()))
        if m.group("link") is not None:
            start = m.start("label")
            out.append(m.group("label"))
            where.extend(range(start, start + len(m.group("label"))))
        pos = m.end()
    out.append(text[pos:])
    where.extend(range(pos, len(text)))
    return "".join(out), where


def _masked(plain: str, enumerators: list[int]) -> str:
    """Plain text for pysbd: URL dots and enumerator dots can no longer end a sentence."""
    urls = list(_BARE_URL.finditer(plain))
    if not urls and not enumerators:
        return plain  # most paragraphs: nothing to mask
    chars = list(plain)
    for m in urls:
        for i in range(m.start(), m.end() - 1):
            if chars[i] == ".":
                chars[i] = "_"
    for start in enumerators:
        dot = plain.find(".", start, start + 6)
        if dot >= 0:
            chars[dot] = ")"
    return "".join(chars)


def _enumerators(plain: str) -> list[int]:
    """Start offsets of inline list markers that run in sequence (i., ii., …; a., b., …)."""
    found = [(m.start(), m.group().strip("(.)").lower()) for m in lexicon().enumerator.finditer(plain)]
    keep: list[int] = []
    for k, (start, label) in enumerate(found):
        nxt = found[k + 1][1] if k + 1 < len(found) else None
        prev = found[k - 1][1] if k else None
        if _follows(prev, label) or _follows(label, nxt):
            keep.append(start)
    return keep


def _follows(a: str | None, b: str | None) -> bool:
    """True when list label `b` comes right after `a` (ii after i, c after b, 3 after 2)."""
    if a is None or b is None:
        return False
    if a in _ROMAN and b in _ROMAN and _ROMAN.index(b) == _ROMAN.index(a) + 1:
        return True
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    return len(a) == len(b) == 1 and a.isalpha() and ord(b) == ord(a) + 1


def _item_starts(plain: str, enumerators: list[int]) -> list[int]:
    """Offsets where a list item or labelled block starts a new sentence."""
    starts = {m.start() for m in lexicon().block_label.finditer(plain)}
    for start in enumerators:
        before = plain[:start].rstrip()
        if before and before[-1] in ".;!?":
            starts.add(start)
    return sorted(starts)


_MAY_END_SENTENCE = frozenset(".!?…。！？\n\r\"”»)")
"""Characters at or near which pysbd can put a sentence boundary."""


def _segment(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence pysbd finds in `text`; a text with none of the
    characters a boundary needs before its last is one sentence, found without pysbd (most
    list items, short paragraphs: pysbd runs ~190 rules on each text it is given)."""
    body = text.rstrip()
    if body.strip() and not any(c in _MAY_END_SENTENCE for c in body[:-1]):
        return [(len(text) - len(text.lstrip()), len(text))]
    return [(part.start, part.end) for part in segmenter().segment(text)]


MAX_SENTENCE = 1500
"""Characters in one sentence at most: real sentences stay far below (the longest in the
seeds and the eval corpora is about 600)."""


def _spans(plain: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_item) spans of the plain text's sentences."""
    enumerators = _enumerators(plain)
    masked = _masked(plain, enumerators)
    items = _item_starts(plain, enumerators)
    bounds = sorted({0, *items, len(plain)})
    spans: list[tuple[int, int, bool]] = []
    for a, b in zip(bounds, bounds[1:]):
        for part_start, part_end in _segment(masked[a:b]):
            start, end = a + part_start, a + part_end
            if plain[start:end].strip():
                spans.append((start, end, a in items and start == a))
    return [piece for span in _rejoin(plain, spans) for piece in _bounded(plain, span)]


def _bounded(plain: str, span: tuple[int, int, bool]) -> list[tuple[int, int, bool]]:
    """A run-on span longer than MAX_SENTENCE (text with no sentence ends: a scraped
    table, a list run together) cut at its last clause break or space before the limit, so
    no stage's per-sentence work grows with a whole page."""
    start, end, item = span
    pieces = []
    while end - start > MAX_SENTENCE:
        window = plain[start + MAX_SENTENCE // 2:start + MAX_SENTENCE]
        cut = max(window.rfind("; "), window.rfind(", "))
        cut = cut if cut >= 0 else window.rfind(" ")
        cut = start + MAX_SENTENCE // 2 + (cut + 1 if cut >= 0 else len(window))
        pieces.append((start, cut, item))
        start, item = cut, False
    return [*pieces, (start, end, item)]


def _rejoin(plain: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Glue back a piece that starts in lower case after a cut with no full stop before it."""
    out: list[tuple[int, int, bool]] = []
    for start, end, item in spans:
        head = plain[start:end].lstrip()
        tail = plain[out[-1][0]:out[-1][1]].rstrip(" \"'”’)]*") if out else ""
        if out and head[:1].islower() and not item and tail[-1:] not in (".", "?", "!"):
            out[-1] = (out[-1][0], end, out[-1][2])
        else:
            out.append((start, end, item))
    return out


def _text_spans(text: str, where: list[int], spans: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    """The Markdown span behind each plain span, opening and closing markup kept, in order."""
    out: list[tuple[int, int]] = []
    for start, end, _ in spans:
        first = where[start]
        while first > 0 and (text[first - 1] == "[" or text[first - 2:first] in ("**", "__")):
            first -= 1 if text[first - 1] == "[" else 2
        last = _CLOSING.match(text, where[end - 1] + 1).end()
        if out:
            first = max(first, out[-1][1])
        out.append((first, last))
    return out


def split_paragraph(paragraph: Paragraph) -> tuple[Sentence, ...]:
    """One paragraph -> its sentences (a heading stays whole)."""
    plain, where = plain_text(paragraph.text)
    if paragraph.heading or not plain.strip():
        spans = [(0, len(plain), False)] if plain.strip() else []
    else:
        spans = _spans(plain)
    texts = _text_spans(paragraph.text, where, spans)
    # A piece whose words all sat inside markup the previous piece already took (a link's
    # brackets) has no text of its own: it is not a sentence.
    pieces = [(paragraph.text[a:b].strip(), re.sub(r"\s+", " ", plain[s:e]).strip(), item)
              for (s, e, item), (a, b) in zip(spans, texts)]
    pieces = [p for p in pieces if p[0] and p[1]]
    return tuple(Sentence(paragraph=paragraph.number, index=i, text=text, plain=words,
                          heading=paragraph.heading, list_item=paragraph.list_item or item)
                 for i, (text, words, item) in enumerate(pieces))


def split_sentences(paragraphs: Sequence[Paragraph]) -> tuple[Sentence, ...]:
    """Every paragraph's sentences, in reading order (a large body's in two halves, one in
    a forked copy of the process: generator.parallel)."""
    sizes = [len(p.text) for p in paragraphs]
    if worth_forking(sum(sizes)):
        per_paragraph = in_halves(split_paragraph, paragraphs, sizes)
    else:
        per_paragraph = [split_paragraph(p) for p in paragraphs]
    return tuple(s for sentences in per_paragraph for s in sentences)
