"""Footnote markers out of display text: `[^29_1]`, `[1]`, `[2, 3]`, `¹²`, `<sup>4</sup>`.

A marker points into notes the brief does not show, so in a summary sentence or an item's
title it is noise. The full text keeps them (it is the article as written), except a
Markdown `[^label]` reference whose note the seed does not hold (publishing/render.py); the
stages that show single sentences call `strip_footnote_marks`.
"""
from __future__ import annotations

import re

NOTE_REFERENCE = r"\s?\[\^(?P<label>[\w.-]+)\]"
"""A Markdown footnote reference, [^29_1], with the space before it."""
FOOTNOTE_MARK = re.compile(
    NOTE_REFERENCE +
    r"|\s?\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\](?!\()"  # bracketed number [1], [2, 3], [4-6]
    r"|\s?\[\\?\[?\d{1,3}\\?\]?\]\(#[^)\s]*\)"        # a number linked to a note: [1](#fn1)
    r"|<sup>\s*[\d,\s–-]{1,12}</sup>"                 # HTML superscript number
    r"|(?<=[\w.,;:!?)”\"’'])[¹²³⁰⁴⁵⁶⁷⁸⁹]+")           # superscript digits after a word
"""A reference to a note, with the space before it; a `[1](https://…)` link to a page is
no marker and stays."""


def strip_footnote_marks(text: str) -> str:
    """The text without footnote markers (and without the space that preceded them)."""
    return FOOTNOTE_MARK.sub("", text).strip()
