"""Find an article's metadata — title, authors and bios, date, publication, kind, source —
and take those lines out of the body: cleaned text → (Metadata, body text).

Metadata sits in a header (lines before the first article paragraph) and a trailer (bios,
"Originally published in …", a copyright line). In the header, the title is found first;
what stands above it (site name, menus, kind label) and the short labels under it that
are not bylines or dates (share bars, "Download PDF", affiliations) are page furniture and
leave the body. Front matter or HTML <meta> values, when a seed has them, win over what
the text suggests.
"""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from .blockshapes import (NOTE, ROOT_LINK, heading_text, is_article_paragraph, is_navigation,
                          is_dek, is_memo_head, is_prose, is_title_like, leads_list, split_fields)
from .bylines import (bio_authors, byline, copyright_holder, handle_publication, meta_line,
                      name_list, patterns, publishing_holder, site_name, source_publication,
                      strip_title_label)
from .blocktext import blocks_of, folded, unlinked
from .covers import publisher_name, split_cover, split_feed_header
from .dates import parse_date
from .signoffs import (as_written, dateline_publication, house_view_publication, is_header_bio,
                       name_line_author, posted_line, read_fields, signature)
from ..model import Author, Metadata

LINK_URL = re.compile(r"\]\((https?://[^)\s]+)\)")


def domain_publication(text: str) -> str | None:
    """A saved page's own site, known from the publisher table, when most links go there."""
    domains = Counter(urlsplit(u).hostname.removeprefix("www.") for u in LINK_URL.findall(text)
                      if urlsplit(u).hostname)
    if not domains:
        return None
    domain, count = domains.most_common(1)[0]
    name = publisher_name(domain)
    return name if name and count >= 2 and count / sum(domains.values()) >= 0.6 else None


def hint(hints: tuple[tuple[str, str], ...], key: str) -> list[str]:
    """Values a seed's own metadata (front matter, HTML <meta>) gives for `key`."""
    return [v for k, v in hints if k == key and v]


def same_title(a: str, b: str) -> bool:
    """A heading that repeats the title (case or a chapter number aside)."""
    norm = lambda s: re.sub(r"^[\d.:\s]+", "", re.sub(r"[^\w\s]", "", s)).lower().split()
    return norm(a) == norm(b)
class Reading:
    """What the header and trailer scans have found so far (a scratchpad, not a result)."""

    def __init__(self) -> None:
        self.title: str | None = None
        self.names: list[str] = []
        self.listed: list[str] = []
        """Names on a line of their own under the title (no "By"): used when no byline names any."""
        self.bios: dict[str, str] = {}
        self.date: str | None = None
        self.updated: str | None = None
        self.kind: str | None = None
        self.source: str | None = None
        self.publication: str | None = None
        self.holder: str | None = None
        """The copyright holder ("© 2021 X"): the site that published the page."""
        self.site: str | None = None
        """A site name shown above the title."""
        self.signers: list[str] = []
        """Who signed the letter at its end (authors only when no byline names anyone)."""
        self.wire: str | None = None
        """The agency a news dateline credits ("(Agency) —")."""
        self.section_names: list[str] = []
        """People a body heading names (a report's section by its author): spellings only."""

    def add_bio(self, name: str, bio: str) -> None:
        self.bios.setdefault(name, bio)

    def add_date(self, label: str, date: str) -> None:
        """Keep the first published date, and the first updated one apart (a fallback)."""
        if label == "updated":
            self.updated = self.updated or date
        else:
            self.date = self.date or date


def is_author_heading(block: str) -> bool:
    """'About the Authors' over the bios, as a heading or a line of its own."""
    line = heading_text(block) or unlinked(folded(block))
    return any(p.match(line) for p in patterns()["author_headings"])


def read_label(block: str, found: Reading) -> str | None:
    """A kind label ("Commentary") or a date line (perhaps "Updated …"); what it was."""
    line = unlinked(folded(block))
    kinds = patterns()["kinds"]
    labelled = [p for p in patterns()["meta_line_split"].split(line) if p.lower() in kinds]
    if found.kind is None and (line.lower() in kinds or (labelled and meta_line(block))):
        found.kind = kinds[(labelled or [line])[0].lower()]
        return "kind"
    if len(line.split()) <= 14 and parse_date(line):
        found.add_date("updated" if line.lower().startswith("updated") else "published",
                       parse_date(line))
        return "date"
    return None


def read_byline(block: str, found: Reading) -> bool:
    """A "Name | date" line (a byline with its date: "By A and B | March 3, 2024") or a
    byline (its first line, over a role); True when it was one."""
    parts = meta_line(block)
    if parts:
        for label, date in parts[1]:
            found.add_date(label, date)
        found.names += parts[0]
        return True
    if byline(block) is not None:
        found.names += byline(block)
        return True
    return False


def read_names(block: str, found: Reading, in_authors: bool) -> str | None:
    """Bylines, "Name | date" lines, author sections and name boxes; what it was."""
    if in_authors and bio_authors(block):
        for name in bio_authors(block):
            found.add_bio(name, folded(block))
        return "authors"
    lines = [folded(ln) for ln in block.splitlines()]
    if in_authors and name_list(folded(block)):
        found.names += name_list(folded(block))
        return "authors"
    roles = all(len(ln.split()) <= 12 and not ln.endswith(".") for ln in lines[1:])
    if read_byline(block, found) or (roles and read_byline(lines[0], found)):
        return "byline"
    first_names = name_list(lines[0]) if found.date is None else []
    if not first_names:  # asked first: a long block whose first line names no one is read no further
        return None
    per_line = [first_names, *(name_list(ln) for ln in lines[1:])]
    if roles or all(per_line):
        found.listed += [n for names in per_line for n in names] if all(per_line) else per_line[0]
        return "names"
    return None


def read_header_block(block: str, found: Reading, in_authors: bool) -> str | None:
    """Classify one header block after the title; return what it was or None."""
    heading = heading_text(block)
    if is_author_heading(block):
        return "authors"
    if found.title and heading and same_title(heading, found.title):
        return "title"
    return read_fields(block, found) or read_label(block, found) or read_names(block, found,
                                                                                in_authors)


def read_before_title(block: str, found: Reading) -> None:
    """Above the title sit the site's name, menus and the kind label: note what they say."""
    line = heading_text(block) or folded(block)
    if not read_label(block, found) and found.site is None:
        found.site = site_name(line) or (unlinked(line) if ROOT_LINK.match(line) else None)


def is_site(block: str, holders: set[str]) -> bool:
    """A line naming the site: its copyright holder, an institution, a link to its home page."""
    line = heading_text(block) or folded(block)
    named = unlinked(line).casefold() in {h.casefold() for h in holders}
    return named or bool(site_name(line) or ROOT_LINK.match(line))


def title_index(blocks: list[str], end: int) -> int | None:
    """Where the title is among the header blocks: the first level-1 heading, else the first
    title-like line, passing over the site's name when another candidate follows it."""
    holders = {copyright_holder(b) for b in blocks[end:]} - {None}
    candidates = [i for i in range(end) if is_title_like(blocks[i])]
    h1s = [i for i in candidates if blocks[i].startswith("# ")]
    for pool in (h1s, candidates):
        for i in pool:
            if not (is_site(blocks[i], holders) and any(j > i for j in candidates)):
                return i
    return None


def read_trailer_block(block: str, found: Reading) -> bool:
    """Classify one trailer block (bio, source line, copyright, author heading); True when
    it is metadata."""
    pub = source_publication(block)
    if pub:
        found.source = found.source or folded(block)
        found.publication = found.publication or pub
        return True
    if is_author_heading(block):
        return True
    if handle_publication(block):
        found.site = found.site or handle_publication(block)
        return True
    if copyright_holder(block):
        found.holder = found.holder or copyright_holder(block)
        return True
    if is_navigation(block) or NOTE.match(folded(block)) or name_list(folded(block)):
        return True  # menus, endnotes, an author's name over the bio
    for name in bio_authors(block):
        found.add_bio(name, folded(block))
    return bool(bio_authors(block))


def read_header(blocks: list[str], found: Reading) -> int:
    """Walk the header, recording metadata; return where the body starts. Blocks above the
    title and short labels under it that say nothing we read (share bars, "Download PDF",
    affiliations) are furniture and left out."""
    end = next((i for i, b in enumerate(blocks) if is_article_paragraph(b)), len(blocks))
    title_at = title_index(blocks, end)
    if title_at is not None:
        found.title = heading_text(blocks[title_at]) or folded(blocks[title_at])
    in_authors = False
    for i, block in enumerate(blocks):
        if title_at is not None and i <= title_at:
            if i < title_at:
                read_before_title(block, found)
            continue
        if title_at is not None and i - title_at <= 3 and is_header_bio(block, blocks[i + 1:]):
            for name in bio_authors(block):
                found.add_bio(name, folded(block))
            continue
        if is_memo_head(block) or (is_article_paragraph(block) and byline(block) is None and
                                   not (in_authors and bio_authors(block))):
            return i
        kind = read_header_block(block, found, in_authors)
        starts = is_prose(block) and not is_dek(blocks, i)
        if kind is None and (starts or title_at is None or leads_list(blocks, i)):
            return i
        in_authors = kind == "authors"
    return len(blocks)


def is_meta_line(line: str) -> bool:
    """A kind label ("OPINION"), a date line ("Published 14 February 2022") or a byline."""
    folded_line = unlinked(folded(line))
    return (folded_line.lower() in patterns()["kinds"] or byline(line) is not None
            or (len(folded_line.split()) <= 14 and parse_date(folded_line) is not None))


def header_lines_apart(blocks: list[str]) -> list[str]:
    """Header blocks that run metadata lines together with other lines (a page copied as
    text: "OPINION / Published 14 February 2022", "Schools Need Nurses / Written by …"),
    one block per line, so each line is read as what it is."""
    end = next((i for i, b in enumerate(blocks) if is_article_paragraph(b)), len(blocks))
    out: list[str] = []
    for block in blocks[:end]:
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        apart = len(lines) > 1 and not heading_text(block) and any(is_meta_line(ln) for ln in lines)
        out += lines if apart else [block]
    return out + blocks[end:]


def scan(blocks: list[str], found: Reading) -> list[str]:
    """Walk header then trailer blocks, recording metadata; return the body's blocks."""
    blocks = header_lines_apart(blocks)
    start = read_header(blocks, found)
    if start < len(blocks) and not found.names:
        blocks = [*blocks[:start], split_cover(blocks[start], found), *blocks[start + 1:]]
    if start < len(blocks):
        found.wire = dateline_publication(blocks[start])
    end = sign_off(blocks, start, found)
    found.signers = signature(blocks[end - 1]) if end > start + 1 else []
    end -= bool(found.signers)
    while end > start + 1 and read_trailer_block(blocks[end - 1], found):
        end -= 1
    body = []
    for block in blocks[start:end]:
        found.section_names += name_list(re.sub(r"^[\d.]+:?\s+", "", heading_text(block) or ""))
        holder = copyright_holder(block)
        found.holder = found.holder or holder
        handle = handle_publication(block)
        found.site = found.site or handle
        if not (holder or handle):
            body.append(block)
    named = name_line_author(blocks, body) if not (found.names or found.listed or found.bios
                                                   or found.signers) else None
    if named:
        found.names.append(named[1])
        del body[named[0]]
    return body


def sign_off(blocks: list[str], start: int, found: Reading) -> int:
    """Where the post ends: at its 'Posted on … by …' line in the second half of the body,
    read as byline and date (what follows is read for metadata, then left out)."""
    for i in range(len(blocks) - 1, start + (len(blocks) - start) // 2 - 1, -1):
        posted = posted_line(blocks[i])
        if posted:
            found.names += [n for n in posted[0] if n not in found.names]
            found.add_date("published", posted[1]) if posted[1] else None
            for block in blocks[i + 1:]:
                read_trailer_block(block, found)
            return i
    return len(blocks)


_ROMAN = re.compile(r"[IVX]+\.?")


def unshouted(name: str) -> str:
    """A name a byline shouts ("LEE WONG", "ANNA O'NEIL III") as a name is written."""
    if not name.isupper():
        return name
    words = name.split()
    suffix = len(words) > 1 and _ROMAN.fullmatch(words[-1]) is not None  # "III", not "XI Jinping"
    return " ".join(w if len(w.rstrip(".")) == 1 or (suffix and i == len(words) - 1) else w.title()
                    for i, w in enumerate(words))


def authors_of(found: Reading, hints: tuple[tuple[str, str], ...]) -> tuple[Author, ...]:
    """Authors from front matter or <meta>, else bylines and author sections, else names
    listed under the title, else bios; bios attached."""
    written = found.names or found.listed or list(found.bios) or found.signers
    names = as_written(hint(hints, "author"), [*written, *found.bios, *found.section_names]) or written
    unique = list(dict.fromkeys(unshouted(n) for n in names))

    def bio_for(name: str) -> str | None:
        last = name.split()[-1].casefold()
        return next((b for n, b in found.bios.items() if n == name or n.split()[-1].casefold() == last), None)

    return tuple(Author(name=n, bio=bio_for(n)) for n in unique)


def first(*values: str | None) -> str | None:
    """The first value that is given."""
    return next((v for v in values if v), None)


def find_metadata(text: str, hints: tuple[tuple[str, str], ...] = ()) -> tuple[Metadata, str]:
    """Cleaned text (+ a seed's own metadata) → (Metadata, the body text without it).

    Publication: what the seed's metadata says, else where the text says it first
    appeared, else the page's site (<meta>, copyright line, its links, its masthead)."""
    found = Reading()
    body = scan(split_fields(split_feed_header(blocks_of(text), found)), found)
    title = first(*hint(hints, "title"), found.title)
    meta = Metadata(
        title=strip_title_label(title) if title else None,
        authors=authors_of(found, hints),
        date=first(*map(parse_date, hint(hints, "date")), found.date, found.updated),
        publication=first(*hint(hints, "publication"), found.publication, *hint(hints, "site"),
                          publishing_holder(found.holder), domain_publication(text), found.site,
                          house_view_publication(title), found.wire),
        kind=first(*hint(hints, "kind"), found.kind),
        url=first(*hint(hints, "url")),
        source_line=found.source,
    )
    return meta, "\n\n".join(body) + "\n"
