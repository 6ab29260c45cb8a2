"""Page furniture recognised by the class of block it is, not by its words: widget labels,
labelled related-story headlines and "Read more" links between paragraphs, pull quotes
that repeat a sentence, credit and comment lines, notices and contact lines closing a
report, document numbers, contents lines and figure titles. Each class is a named rule
(generator/rules.py) that `rules --ablate` can switch off.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .blocktext import blocks_of, folded, furniture, unlinked
from .bylines import name_list
from ..extraction.prefilter import may_match, required_words, screened
from ..rules import active, rule

SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
               "the", "to", "vs", "with", "but", "over", "under"}
ENDS_SENTENCE = re.compile(r"[.!?:;\"”’)]$")
LABELLED = re.compile(r"^(?P<label>[A-Z][\w’'.&-]*(?: [A-Z][\w’'.&-]*){0,2}): [\"“‘']?[A-Z0-9]")
READ_MORE = re.compile(r"(?:^|[|—–:-]\s*|\s)(?:read more|continue reading|read the full "
                       r"(?:story|article|report))\s*[.…›»>→]*$", re.I)
NOTICE = re.compile(r"\b(?:is a (?:registered )?(?:trademark|service mark) of|not subject to "
                    r"copyright|all rights reserved|may be reproduced|licensed under (?:a|the) "
                    r"creative commons|(?:are|is an?|uses?|contains?) affiliate links?|this (?:story|"
                    r"article|post|report) (?:has been|was) (?:updated|corrected|amended))\b", re.I)
DISCLAIMER = re.compile(r"\b(?:views|opinions)\b.{0,80}\b(?:do not|don't|does not|not "
                        r"necessarily)\b.{0,40}\b(?:reflect|represent|belong)", re.I)
REACHABLE = re.compile(r"\S@\S+\.[a-z]{2,}|\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}", re.I)
"""An e-mail address or a phone number: what a contact line gives."""
CONTACT = re.compile(r"\bquestions\b.{0,80}\b(?:please )?(?:contact|reach|write to|e-?mail)\b", re.I)
DOC_NUMBER = re.compile(r"(?=\S*\d)[A-Z]{2,10}(?:[-–][A-Z0-9]{1,10}){1,4}")
PAGE_ENTRY = re.compile(r"^(?P<title>\S.*?)\s+\d{1,3}$")
FIGURE_END = re.compile(r",\s+(?:(?:(?:fiscal |calendar |school )?years?\s+|fy\s?)(?:19|20)\d\d"
                        r"|(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d)(?:\s*[-–]\s*(?:19|20)?\d\d)?$", re.I)
"""The series a chart covers: ', Fiscal Years 2018–2023', ', 2007-2025' (not a lone date)."""
LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*\)")
BOLD_LINE = re.compile(r"(\*\*|__)[^*_\n]+\1")
TAIL = 6
"""Notices, disclaimers and contact lines close a document: only its last blocks are read."""


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The classes' word lists (generator/data/furniture.yaml), compiled once."""
    data = furniture()["data"]
    return {"widget": re.compile(rf"^(?:{'|'.join(data['widget_labels'])})\b", re.I),
            "credit": [re.compile(rf"^(?:{p})$", re.I) for p in data["credit_lines"]],
            "subhead": {w.lower() for w in data["subhead_labels"]},
            "player": re.compile(rf"^(?:{'|'.join(data['player_labels'])})$", re.I),
            "player_in_line": re.compile(rf"\b(?:{'|'.join(data['player_labels'])})(?=\s|$)", re.I)}


@lru_cache(maxsize=65536)
def line_of(block: str) -> str:
    """A block as one plain line (links to their text, emphasis off); each class asks for it,
    so it is computed once per block."""
    return unlinked(folded(block))


def is_structure(block: str) -> bool:
    """Headings, list items and quotes: the author's structure, never read as furniture."""
    return bool(re.match(r"(#{1,6}\s|[-*+•]\s|\d+[.)]\s|>)", block))


def is_paragraph(block: str) -> bool:
    """Article prose: a dozen words or more, ending as a sentence ends."""
    line = line_of(block)
    return not is_structure(block) and len(line.split()) >= 12 and bool(ENDS_SENTENCE.search(line))


def between_paragraphs(blocks: list[str], i: int) -> bool:
    """A block inside the article's run of prose (a paragraph on each side)."""
    return 0 < i < len(blocks) - 1 and is_paragraph(blocks[i - 1]) and is_paragraph(blocks[i + 1])


def title_case(text: str) -> bool:
    """Most words capitalised (small words aside): a headline or a caption, not a sentence."""
    words = [w for w in re.findall(r"[^\s()]+", text) if w.lower() not in SMALL_WORDS]
    caps = [w for w in words if not w[0].isalpha() or w[0].isupper()]
    return len(words) >= 2 and len(caps) >= 0.8 * len(words)


def widget_label(blocks: list[str], i: int) -> bool:
    """'Media playback is unsupported …', 'Image copyright X Image caption …', 'JUST WATCHED'."""
    line = line_of(blocks[i])
    return len(line.split()) <= 60 and bool(vocabulary()["widget"].match(line))


def labelled_headline(blocks: list[str], i: int) -> bool:
    """'Label: A related story's headline' standing alone between two paragraphs (set in bold
    as a whole, the same shape is the article's own subheading: "**Federal: Health care**")."""
    line, block = line_of(blocks[i]), blocks[i]
    found = LABELLED.match(line)
    return (found is not None and "\n" not in block and not is_structure(block)
            and not BOLD_LINE.fullmatch(block)
            and len(line.split()) <= 16 and not re.search(r"[.,;:]$", line)
            and found.group("label").lower() not in vocabulary()["subhead"]
            and between_paragraphs(blocks, i))


def read_more_link(blocks: list[str], i: int) -> bool:
    """A short teaser ending 'Read more' / 'Continue reading' (a link to another story)."""
    line = line_of(blocks[i])
    return len(line.split()) <= 30 and bool(READ_MORE.search(line))


def credit_line(blocks: list[str], i: int) -> bool:
    """'X contributed to this report.', 'Submit comments on this post to …', 'Join us on …'."""
    line = line_of(blocks[i])
    if len(line.split()) > 40:
        return False
    hits = [m for pattern in vocabulary()["credit"] if (m := pattern.match(line))]
    return any("names" not in m.groupdict() or name_list(m.group("names")) for m in hits)


def closing_notice(blocks: list[str], i: int) -> bool:
    """A copyright, licence or trademark notice or a views disclaimer at the document's end."""
    line = line_of(blocks[i])
    return i >= len(blocks) - TAIL and len(line.split()) <= 120 and bool(
        NOTICE.search(line) or DISCLAIMER.search(line))


def contact_notice(blocks: list[str], i: int) -> bool:
    """'If you have any questions about this report, please contact …' closing a report."""
    line = line_of(blocks[i])
    return (i >= len(blocks) - TAIL and len(line.split()) <= 150 and bool(CONTACT.search(line))
            and bool(REACHABLE.search(blocks[i])))


def document_number(blocks: list[str], i: int) -> bool:
    """A report's number on a line of its own ('AB-26-109008')."""
    return bool(DOC_NUMBER.fullmatch(line_of(blocks[i])))


CLASSES: tuple[tuple[str, Callable[[list[str], int], bool]], ...] = (
    (rule("widget-label", "furniture", "Player and image-box labels a scraped page keeps "
          "('Media playback is unsupported', 'Image copyright … Image caption …')."), widget_label),
    (rule("labelled-headline", "furniture", "A 'Label: Headline' line alone between paragraphs "
          "is a link to another story, not the article's text."), labelled_headline),
    (rule("read-more-link", "furniture", "A teaser ending 'Read more' or 'Continue reading' "
          "links to another page."), read_more_link),
    (rule("credit-line", "furniture", "Contributor credits, comment invitations, 'join us on' "
          "and 'continued below' lines are page furniture."), credit_line),
    (rule("closing-notice", "furniture", "Copyright, licence, trademark, affiliate-link and update "
          "notices and disclaimers closing a document are boilerplate."), closing_notice),
    (rule("contact-notice", "furniture", "A report's closing 'questions? contact …' paragraph "
          "is boilerplate."), contact_notice),
    (rule("document-number", "furniture", "A lone report number ('AB-26-1234') is a label of "
          "the cover, not text."), document_number),
)
LINK_LIST = rule("link-list", "furniture", "Two or more blocks in a row that are nothing but "
                 "short links are a related-stories list, a tag cloud or a menu.")
PLAYER = rule("player-label", "furniture", "A video player's label ('JUST WATCHED', 'MUST "
              "WATCH') and the video title under it are the player, not the article.")
PLAYER_LINE = rule("player-line", "furniture", "One line of player labels, a video's title and "
                   "a running time (02:48) is a video widget, not the article.")
RUNNING_TIME = re.compile(r"\b\d{1,2}:\d{2}$")
PULL_QUOTE = rule("pull-quote", "furniture", "A short unpunctuated line between paragraphs "
                  "repeating a sentence of the article is a pull quote, not body.")
CONTENTS = rule("contents-lines", "furniture", "Runs of title-case lines ending in a page number "
                "are a table of contents.")
FIGURE_TITLE = rule("figure-title", "furniture", "A title-case line closing a paragraph and "
                    "ending ', Fiscal Years 2018-2023' is a figure's title left by the PDF.")


def link_only(block: str) -> bool:
    """A block of short links and nothing else (bullets, numbers and separators aside)."""
    if "](" not in block:
        return False
    links = LINK.findall(block)
    rest = re.sub(r"[\s|·•,/*_>-]|\d+[.)]", "", LINK.sub("", block))
    return bool(links) and not rest and all(len(t.split()) <= 15 for t in links)


def link_lists(blocks: list[str]) -> set[int]:
    """Runs of two or more link-only blocks."""
    found: set[int] = set()
    run: list[int] = []
    for i, block in enumerate([*blocks, ""]):
        if block and link_only(block):
            run.append(i)
            continue
        found.update(run if len(run) >= 2 else [])
        run = []
    return found if active(LINK_LIST) else set()


def player_blocks(blocks: list[str]) -> set[int]:
    """A player label and the short title line right under it."""
    found: set[int] = set()
    for i, block in enumerate(blocks):
        if vocabulary()["player"].match(line_of(block)) and active(PLAYER):
            nxt = line_of(blocks[i + 1]) if i + 1 < len(blocks) else ""
            title = nxt and len(nxt.split()) <= 15 and not ENDS_SENTENCE.search(nxt)
            found.update([i, i + 1] if title else [i])
        elif active(PLAYER_LINE) and player_line(line_of(block)):
            found.add(i)
    return found


def player_line(line: str) -> bool:
    """Player labels (two, or one and a running time) around a short title, all on one line.
    (Every block is asked: a line without a label's words is answered without the regexes.)"""
    in_line = vocabulary()["player_in_line"]
    if not may_match(required_words(in_line), screened(line)):
        return False
    labels = in_line.findall(line)
    if not labels:
        return False
    rest = RUNNING_TIME.sub("", in_line.sub(" ", line))
    timed = bool(RUNNING_TIME.search(line))
    return (len(labels) >= 2 or (labels and timed)) and len(rest.split()) <= 30 \
        and not ENDS_SENTENCE.search(rest.strip())


def grams(text: str, n: int = 4) -> set[tuple[str, ...]]:
    """Runs of n words in a row (lower case): shared runs mean shared wording, in order."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[k:k + n]) for k in range(len(words) - n + 1)}


def pull_quotes(blocks: list[str]) -> set[int]:
    """Blocks whose runs of words nearly all occur elsewhere in the article: a pull quote
    repeats a sentence (perhaps a word cut). One set of the article's runs, so linear."""
    candidates = [i for i, b in enumerate(blocks) if 10 <= len(line_of(b).split()) <= 40
                  and not ENDS_SENTENCE.search(line_of(b)) and not is_structure(b)
                  and between_paragraphs(blocks, i)]
    if not candidates or not active(PULL_QUOTE):
        return set()
    others = set(candidates)
    said = set().union(*(grams(line_of(b)) for i, b in enumerate(blocks) if i not in others))
    found = set()
    for i in candidates:
        runs = grams(line_of(blocks[i]))
        if runs and len(runs & said) >= 0.6 * len(runs):
            found.add(i)
    return found


def contents_entries(block: str) -> int:
    """How many page-numbered entries a block of contents lines holds (0: not contents)."""
    if not block[-1:].isdigit():
        return 0
    lines = [line_of(ln) for ln in block.splitlines() if ln.strip()]
    entries = [PAGE_ENTRY.match(ln) for ln in lines]
    fits = all(title_case(m.group("title") if m else ln) and not ENDS_SENTENCE.search(
        m.group("title") if m else ln) for ln, m in zip(lines, entries))
    return sum(1 for m in entries if m) if fits and entries and entries[-1] else 0


def contents_runs(blocks: list[str]) -> set[int]:
    """Adjacent contents blocks holding three entries or more together."""
    if not active(CONTENTS):
        return set()
    found: set[int] = set()
    run: list[int] = []
    for i, block in enumerate([*blocks, ""]):
        entries = contents_entries(block) if block and not is_structure(block) else 0
        if entries:
            run.append(i)
            continue
        if sum(contents_entries(blocks[j]) for j in run) >= 3:
            found.update(run)
        run = []
    return found


def without_figure_title(block: str) -> str:
    """A paragraph without the figure title a PDF left on its last lines."""
    lines = block.splitlines()
    for k in range(max(0, len(lines) - 3), len(lines)):
        tail = " ".join(ln.strip() for ln in lines[k:])
        after_sentence = k == 0 or ENDS_SENTENCE.search(lines[k - 1].rstrip())
        end = FIGURE_END.search(tail)
        named = end is not None and len(re.findall(r"[A-Za-z]{2,}", tail[:end.start()])) >= 3
        if (after_sentence and named and title_case(tail) and len(tail.split()) <= 25
                and not is_structure(block)):
            return "\n".join(lines[:k])
    return block


def drop_furniture_classes(text: str) -> str:
    """Remove every block of a furniture class, and figure titles closing a paragraph."""
    blocks = blocks_of(text)
    drop = pull_quotes(blocks) | contents_runs(blocks) | link_lists(blocks) | player_blocks(blocks)
    kept = []
    for i, block in enumerate(blocks):
        kept_for_metadata = furniture()["keep"].match(line_of(block))
        if not kept_for_metadata and (i in drop or any(active(name) and test(blocks, i)
                                                       for name, test in CLASSES)):
            continue
        block = without_figure_title(block) if active(FIGURE_TITLE) else block
        kept += [block] if block.strip() else []
    return "\n\n".join(kept) + "\n"
