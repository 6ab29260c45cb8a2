"""Paragraphs → sentences with pysbd, split on the plain text so a URL never splits one.

Each sentence keeps two forms: `text` as written (Markdown links kept, for the site) and
`plain` (links reduced to their words, for the rules that read it).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

import pysbd

from .model import Paragraph, Sentence

MD_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]*)\)")
SEGMENTER = pysbd.Segmenter(language="en", clean=False, char_span=True)


def plain_with_spans(text: str) -> tuple[str, list[int], list[int]]:
    """Markdown links → their words; maps from plain offsets to where spans start/end in `text`."""
    plain: list[str] = []
    starts: list[int] = []
    ends: list[int] = [0]
    pos = 0
    for link in [*MD_LINK.finditer(text), None]:
        stop = link.start() if link else len(text)
        for i in range(pos, stop):
            plain.append(text[i]); starts.append(i); ends.append(i + 1)
        if link is None:
            break
        words = range(link.start(1), link.end(1))
        for k, i in enumerate(words):
            plain.append(text[i])
            starts.append(link.start() if k == 0 else i)
            ends.append(link.end() if k == len(words) - 1 else i + 1)
        pos = link.end()
    starts.append(len(text))
    return "".join(plain), starts, ends


def split_paragraph(paragraph: Paragraph) -> list[Sentence]:
    """One paragraph → its sentences, each with its written and plain forms."""
    plain, starts, ends = plain_with_spans(paragraph.text)
    out: list[Sentence] = []
    for span in SEGMENTER.segment(plain):
        left = span.start + len(span.sent) - len(span.sent.lstrip())
        right = span.start + len(span.sent.rstrip())
        if right <= left:
            continue
        out.append(Sentence(paragraph=paragraph.number, index=len(out),
                            text=paragraph.text[starts[left]:ends[right]].strip(),
                            plain=plain[left:right], heading=paragraph.heading,
                            list_item=paragraph.list_item))
    return out


def split_sentences(paragraphs: Sequence[Paragraph]) -> tuple[Sentence, ...]:
    """Every sentence of the body, in reading order."""
    return tuple(s for p in paragraphs for s in split_paragraph(p))
