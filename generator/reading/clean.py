"""Repair a seed's layout and drop web furniture: text → text, keeping the author's words.

Cleaning is a declared list of small `str -> str` steps (the way markdown-it-py lists its
core rules), each idempotent, so `clean_text(clean_text(t)) == clean_text(t)`.
Paragraphs stay separated by one blank line; Markdown links are kept.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .blocktext import blocks_of, folded, furniture, unlinked
from .asides import drop_asides
from .furniture import drop_furniture_classes
from .regex_needs import screened_sub

ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
ODD_SPACES = re.compile("[\u00a0\u202f\u2007\u2009\u200a\u3000\t]")
"""Characters taken out, and spaces made plain: a regex scan, as `str.translate` with a
table looks every character up in a dict (1.8 ms for a 5 kB article, x4 per seed)."""

LINK = r"\[[^\]\n]*\]\([^)\s]*\)"
ANGLE_LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\(<([^>\s]+)>\)")
"""A link whose address is written in angle brackets (it holds parentheses or spaces)."""
DOUBLED_LINK = re.compile(rf"({LINK})[ \t]*\(<[^>\s]+>\)")
BOLD_WITH_URL = re.compile(r"\*\*([^*\n]+?)[ \t]*\(<(https?://[^>\s]+)>\)[ \t]*\*\*")
BARE_URL_ECHO = re.compile(r"[ \t]*\(<https?://[^>\s]+>\)")
ESCAPED_PATH_LINK = re.compile(r"\[([^\]\n]*?)[ \t]*\\\(/[^)\n]*?\\\)\]\(#\)")
DEAD_LINK = re.compile(r"\[([^\]\n]*)\]\(#\)")
ITALIC = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*\\])\*(?![\w*])")
"""Single-star emphasis around words ("*and*"); bold "**" stays for the later stages."""
TERMINAL = re.compile(r"[.!?:;\"”’)\]]\s*$")


def normalize_spaces(text: str) -> str:
    """Odd spaces → plain spaces, invisible characters out, no trailing blanks, one blank line.
    (Each rewrite is tried only on text holding what it rewrites: on clean text, as in the
    cleaner's checking pass, a regex scan costs 100 times the substring test.)"""
    text = ODD_SPACES.sub(" ", ZERO_WIDTH.sub("", text))
    text = re.sub(r" {2,}", " ", text) if "  " in text else text
    text = re.sub(r"[ ]+\n", "\n", text) if " \n" in text else text
    return (re.sub(r"\n{3,}", "\n\n", text) if "\n\n\n" in text else text).strip() + "\n"


LINK_THEN_WORD = re.compile(r"(\]\([^)\s]*\))(?=[A-Za-z])")
"""A saved page's link run into the next word ("[fair](url)in Las Vegas"): the space it lost."""


def repair_links(text: str) -> str:
    """Links written twice, hidden behind '#' or with an address in angle brackets: keep one
    plain link (parentheses in the address escaped as %28/%29), or just the text; a link run
    into the next word gets its space back."""
    text = screened_sub(ANGLE_LINK, lambda m: f"[{m.group(1)}]({escape_parens(m.group(2))})", text)
    text = screened_sub(DOUBLED_LINK, r"\1", text)
    text = screened_sub(BOLD_WITH_URL, r"**[\1](\2)**", text)
    text = screened_sub(BARE_URL_ECHO, "", text)
    text = screened_sub(ESCAPED_PATH_LINK, r"\1", text)
    text = screened_sub(DEAD_LINK, r"\1", text)
    return LINK_THEN_WORD.sub(r"\1 ", text) if "](" in text else text


def escape_parens(url: str) -> str:
    """An address with its parentheses percent-encoded, so '(url)' closes where it should."""
    return url.replace("(", "%28").replace(")", "%29")


def setext_headings(text: str) -> str:
    """'Title' over a line of '=' or '-' (a setext heading) → '# Title' / '## Title', so
    every later stage sees one heading form."""
    out = []
    for block in blocks_of(text):
        *lines, last = block.splitlines() or [""]
        if lines and re.fullmatch(r"(={3,}|-{3,})[ \t]*", last) and not starts_structure(lines[0]):
            block = ("# " if last.startswith("=") else "## ") + " ".join(" ".join(lines).split())
        out.append(block)
    return "\n\n".join(out) + "\n"


def is_short(block: str) -> bool:
    """Short lines: titles, names, dates, links in a list — not an article paragraph."""
    return len(folded(block).split()) < 25


def is_language_name(block: str) -> bool:
    """A language switcher's entry: a word or two, never a heading."""
    return not block.startswith("#") and len(folded(block).split()) <= 3


def drop_furniture(text: str) -> str:
    """Remove furniture blocks, language switchers, and 'Recommended'/'Related' runs."""
    pats = furniture()
    kept: list[str] = []
    dropping = None  # the test a following block must pass to be dropped with its header
    for block in blocks_of(text):
        line = unlinked(folded(block))
        if pats["keep"].match(line):
            dropping = None
            kept.append(block)
        elif pats["sections"].match(line):
            dropping = is_short
        elif pats["switchers"].match(line):
            dropping = is_language_name
        elif dropping and dropping(block):
            continue
        else:
            dropping = None
            if not (pats["blocks"].match(line) or pats["share_bar"].match(line)):
                kept.append(block)
    return "\n\n".join(kept) + "\n"


def plain_italics(text: str) -> str:
    """Italic marks off ("*and*" → "and"): the body is plain text, links and bold aside."""
    return screened_sub(ITALIC, r"\1", text)


def drop_inline_furniture(text: str) -> str:
    """Image credits and page counters glued into a paragraph by PDF or feed extraction."""
    return screened_sub(furniture()["inline"], "", text)


def drop_end_marks(text: str) -> str:
    """End marks (❖, ■, -30-) closing a paragraph are layout, not words."""
    return screened_sub(end_marks(), "", text)


@lru_cache(maxsize=1)
def end_marks() -> re.Pattern[str]:
    """An end mark with the spaces around it, closing a line (compiled once)."""
    marks = "|".join(map(re.escape, furniture()["end_marks"]))
    return re.compile(rf"[ \t]*(?:{marks})[ \t]*(?=\n|$)")


def starts_structure(block: str) -> bool:
    """Headings, list items and quotes never continue the paragraph before them."""
    return bool(re.match(r"(#{1,6}\s|[-*+]\s|\d+[.)]\s|>)", block))


UNFINISHED_LINE = re.compile(r"(?:\b[a-z][\w'’-]*|,)[*_]*$")
"""A block that stops on a lower-case word or a comma (perhaps inside emphasis) has not ended."""
CANNOT_END = re.compile(r"(?:,|\b(?:the|a|an|of|to|in|on|at|by|for|with|from|into|and|or|but|"
                        r"that|than|as|its|their|his|her|our|under|about|between))[*_]*$")
"""A comma, an article, a preposition or a conjunction never ends a paragraph: what follows
continues it, whatever its case ("In 2002, the" / "LA Times reported …")."""
GOES_ON = re.compile(r"[*_]*(?:[a-z]|\[)")
"""A block that opens in lower case, or with a link, can go on from one that has not ended."""
WORDS_ON = re.compile(r"[*_\[\"“]*[A-Za-z]")
"""After a paragraph that cannot end, a block of words goes on with it (a note, opening
with its number, does not)."""


def join_page_breaks(text: str) -> str:
    """Rejoin a paragraph cut in two: by a page break, or by a saved page that set a link or
    an emphasis on a line of its own. The first part stops on a lower-case word or a comma
    (a title ends on a capital), the next opens in lower case or with a link."""
    out: list[str] = []
    for block in blocks_of(text):
        prev = out[-1] if out else ""
        goes_on = ((CANNOT_END.search(prev) and WORDS_ON.match(block))
                   or (GOES_ON.match(block) and UNFINISHED_LINE.search(prev)))
        if prev and not TERMINAL.search(prev) and not starts_structure(prev) \
                and not starts_structure(block) and goes_on:
            out[-1] = prev + " " + block
        else:
            out.append(block)
    return "\n\n".join(out) + "\n"


STEPS = (normalize_spaces, setext_headings, repair_links, plain_italics, drop_furniture,
         drop_furniture_classes, drop_asides, drop_inline_furniture, drop_end_marks, join_page_breaks,
         normalize_spaces)


def clean_text(text: str) -> str:
    """Run every cleaning step in order, again until nothing changes (one step can expose
    work for another: an end mark dropped leaves a furniture line), so cleaning is idempotent.
    Steps are pure: one given the very text it was given on the pass before gives what it
    gave then, so a checking pass reruns only the steps up to the last one that changed
    something (for about half the seeds, only the first)."""
    last: list[tuple[str, str] | None] = [None] * len(STEPS)
    for _ in range(5):
        before = text
        for i, step in enumerate(STEPS):
            done = last[i]
            if done is not None and done[0] == text:
                text = done[1]
                continue
            last[i] = (text, step(text))
            text = last[i][1]
        if text == before:
            break
    return text
