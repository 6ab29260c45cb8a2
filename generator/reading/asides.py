"""Blocks a saved page sets beside the article: a teaser that is one link and nothing else
(another story, the site's logo), a run of linked headlines with the label over it ("More
from us"), a byline repeated inside the body, a closing line that gives an e-mail address
("Write to the author at …"), and a last line that leads on to nothing. Told apart by
shape (links, length, how a block ends), not by words; each class is a named furniture
rule. Only blocks after the article's first paragraph are read: the header above it
(masthead, bylines, bios) is the metadata stage's to read.
"""
from __future__ import annotations

import re

from .blocktext import blocks_of
from .bylines import bio_authors, byline
from .furniture import ENDS_SENTENCE, LINK, TAIL, is_paragraph, is_structure, line_of, link_only, title_case
from ..rules import active, rule

LONE_LINK = rule("lone-link", "furniture", "A block that is one short link and nothing else "
                 "is a teaser for another page or a logo, not the article's text.")
HEADLINE_RUN = rule("linked-headline-run", "furniture", "Three or more short unpunctuated "
                    "blocks in a row, each with a link, are other stories (and the label over them).")
STRAY_BYLINE = rule("stray-byline", "furniture", "A byline inside the body ('By A. Writer, "
                    "May 2, 2023 7:18 pm') repeats the page's header, not the article.")
DANGLING_END = rule("dangling-end", "furniture", "A short last line leading on to nothing ('See "
                    "more photos:', 'Loading …') or one bare token is the page's.")
MAX_TOKEN = 40
"""A bare token longer than this is no label: a paragraph of a script written without spaces."""
DANGLES = re.compile(r"(?::|\.\.\.|…)[*_]*$")
CLOSING_EMAIL = rule("closing-email-line", "furniture", "A line of a dozen words at the end giving "
                     "an e-mail address ('Write to X at …') is a contact line, not the article.")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.I)
UNFINISHED = re.compile(r"[.!:;,]$")
"""A headline or label ends without a full stop (a question mark is a headline's too)."""
RUN = 3
"""Linked headlines in a row that make a list of other stories (two may be a pair of sources)."""
CONTACT_WORDS = 12
"""A contact line is a name and an address ('Write to X at …'); a longer block with an address
is an invitation the article makes, and stays."""
BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")


def lone_links(blocks: list[str], start: int) -> set[int]:
    """Blocks from `start` that are one short link standing on their own (not a list item:
    a list of sources is the author's; not the middle of a sentence a page cut apart)."""
    if not active(LONE_LINK):
        return set()
    return {i for i in range(start, len(blocks)) if not is_structure(blocks[i])
            and link_only(blocks[i]) and len(LINK.findall(blocks[i])) == 1
            and standing_alone(blocks, i)}


def standing_alone(blocks: list[str], i: int) -> bool:
    """The block before ends as a sentence or a heading does, and the next one does not go
    on in lower case."""
    before = blocks[i - 1] if i else ""
    after = line_of(blocks[i + 1]) if i + 1 < len(blocks) else ""
    return ((not before or is_structure(before) or bool(ENDS_SENTENCE.search(line_of(before))))
            and not after[:1].islower())


def linked_headline(item: str) -> bool:
    """A short line carrying a link, not ending as a sentence, set in title case or mostly
    link text: another story's headline."""
    if "](" not in item:
        return False
    line = line_of(item)
    words = line.split()
    linked = sum(len(text.split()) for text in LINK.findall(item))
    return (len(words) <= 20 and not UNFINISHED.search(line)
            and (title_case(line) or 2 * linked >= len(words)))


def headlines(block: str) -> int:
    """How many linked headlines a block is: one line, or a list whose every item is one
    (0 when it is anything else)."""
    lines = block.splitlines()
    if len(lines) == 1 and not is_structure(block):
        return int(linked_headline(block))
    items = [BULLET.sub("", line, count=1) for line in lines]
    listed = all(BULLET.match(line) for line in lines)
    return len(items) if listed and all(linked_headline(item) for item in items) else 0


def label(block: str) -> bool:
    """A short line (or heading) without a link or a full stop: the label over a list."""
    line = line_of(block.lstrip("#").strip())
    return ("](" not in block and "\n" not in block and len(line.split()) <= 8
            and not UNFINISHED.search(line))


def headline_runs(blocks: list[str], start: int) -> set[int]:
    """Blocks from `start` in a row holding RUN or more linked headlines together, with the
    label just above them."""
    if not active(HEADLINE_RUN):
        return set()
    found: set[int] = set()
    run: list[int] = []
    count = 0
    for i, block in enumerate([*blocks, ""]):
        many = headlines(block) if i >= start and block else 0
        if many:
            run.append(i)
            count += many
            continue
        if count >= RUN:
            found.update(run)
            found.update([run[0] - 1] if run[0] > start and label(blocks[run[0] - 1]) else [])
        run, count = [], 0
    return found


def stray_bylines(blocks: list[str], start: int) -> set[int]:
    """Bylines from `start` up to the closing blocks (a byline there signs the article off:
    the metadata stage reads it)."""
    if not active(STRAY_BYLINE):
        return set()
    return {i for i in range(start, len(blocks) - TAIL)
            if len(line_of(blocks[i]).split()) <= 30 and byline(blocks[i])}


def dangling_end(blocks: list[str], start: int) -> set[int]:
    """The last block, when it is a short lead-in or loading label (ends on a colon or an
    ellipsis) or a single token without punctuation ('The-City-Wire'); a name signing a
    letter off is the metadata stage's."""
    last = len(blocks) - 1
    if not active(DANGLING_END) or last < max(start, 1) or is_structure(blocks[last]):
        return set()
    line = line_of(blocks[last])
    words = line.split()
    dangles = len(words) <= 6 and DANGLES.search(line) is not None
    token = len(words) == 1 and len(line) <= MAX_TOKEN and re.fullmatch(r"\(?[\w’'-]+\)?", line) is not None
    return {last} if dangles or token else set()


def closing_email_lines(blocks: list[str], start: int) -> set[int]:
    """Short blocks among the last few that give an e-mail address and are no sentence (a
    sentence mentioning an address is the article's; a bio is the metadata stage's)."""
    if not active(CLOSING_EMAIL):
        return set()
    return {i for i in range(max(start, len(blocks) - TAIL), len(blocks))
            if len(line_of(blocks[i]).split()) <= CONTACT_WORDS and EMAIL.search(blocks[i])
            and not ENDS_SENTENCE.search(line_of(blocks[i])) and not bio_authors(blocks[i])}


def drop_asides(text: str) -> str:
    """The text without teasers, linked headline runs and closing e-mail lines."""
    blocks = blocks_of(text)
    start = next((i + 1 for i, block in enumerate(blocks) if is_paragraph(block)), len(blocks))
    drop = (lone_links(blocks, start) | headline_runs(blocks, start) | stray_bylines(blocks, start)
            | closing_email_lines(blocks, start) | dangling_end(blocks, start))
    if not drop:
        return text
    return "\n\n".join(b for i, b in enumerate(blocks) if i not in drop) + "\n"
