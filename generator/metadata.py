"""Find an article's metadata — title, authors and bios, date, publication, kind, source —
and take those lines out of the body: cleaned text → (Metadata, body text).

Metadata sits in a header (lines before the first article paragraph) and a trailer (bios,
"Originally published in …"). Front matter or HTML <meta> values, when a seed has them,
win over what the text suggests.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

import yaml

from .clean import blocks_of, folded
from .dates import find_date, parse_date
from .model import Author, Metadata

LINK_URL = re.compile(r"\]\((https?://[^)\s]+)\)")
NAME_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|;\s*)")


@lru_cache(maxsize=1)
def patterns() -> dict:
    """The genre's metadata patterns (generator/data/metadata.yaml), compiled once."""
    files = resources.files("generator")
    data = yaml.safe_load(files.joinpath("data/metadata.yaml").read_text("utf-8"))
    pubs = yaml.safe_load(files.joinpath("data/publishers.yaml").read_text("utf-8"))
    full = lambda ps, flags=re.I: [re.compile(rf"^(?:{p})$", flags) for p in ps]
    return {
        "kinds": {k.lower(): k for k in data["kinds"]},
        "source_lines": full(data["source_lines"]),
        "author_headings": full(data["author_headings"]),
        "bios": [re.compile(rf"^(?:{p})", re.U) for p in data["bios"]],
        "bylines": full(data["bylines"]),
        "feed_headers": full(data["feed_headers"], re.S),
        "cover_lines": full(data["cover_lines"], re.S),
        "publishers": pubs,
    }


def heading_text(block: str) -> str | None:
    """The text of a Markdown ATX heading, or None."""
    found = re.match(r"^#{1,6}\s+(.*?)\s*#*$", block)
    return found.group(1).strip() if found else None


def is_article_paragraph(block: str) -> bool:
    """Where the body begins: a real paragraph (many words, ending as prose ends)."""
    words = folded(block).split()
    return len(words) >= 20 and bool(re.search(r"[.!?\"”’)]$", folded(block)))


def split_names(names: str) -> list[str]:
    """'A, B and C' → ['A', 'B', 'C'] (credentials like ', PhD' dropped)."""
    parts = [p.strip(" .") for p in NAME_SPLIT.split(names) if p.strip(" .")]
    return [p for p in parts if p.lower() not in {"phd", "ph.d", "jr", "md", "esq"}]


def looks_like_name(text: str) -> bool:
    """Two to five capitalized words: a person's name, not a sentence."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() or w.lower() in
                                        {"al", "de", "van", "von", "bin", "el", "da", "le"} or
                                        re.match(r"^(al|el)-", w, re.I) for w in words)


def bio_author(block: str) -> str | None:
    """The name a bio is about, if this block is a short bio."""
    if len(folded(block).split()) > 90:
        return None
    for pat in patterns()["bios"]:
        found = pat.match(folded(block))
        if found and looks_like_name(found.group("name")):
            return found.group("name")
    return None


def source_publication(block: str) -> str | None:
    """The publication a source line names ("Originally published in X")."""
    for pat in patterns()["source_lines"]:
        found = pat.match(folded(block))
        if found:
            return found.group("pub").strip(" .*_")
    return None


def byline_names(block: str) -> list[str]:
    """Names from a byline ("by A and B"), or [] when the block is not one."""
    for pat in patterns()["bylines"]:
        found = pat.match(folded(block))
        if found:
            names = split_names(found.group("names"))
            if names and all(looks_like_name(n) for n in names):
                return names
    return []


def publisher_name(domain: str) -> str | None:
    """A known publisher's name for a web domain (sub-domains included)."""
    known = patterns()["publishers"]
    domain = domain.lower().removeprefix("www.")
    return known.get(domain) or known.get(".".join(domain.split(".")[-2:]))


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
        self.bios: dict[str, str] = {}
        self.date: str | None = None
        self.kind: str | None = None
        self.source: str | None = None
        self.publication: str | None = None

    def add_bio(self, name: str, bio: str) -> None:
        self.bios.setdefault(name, bio)


def read_header_block(block: str, found: Reading, in_authors: bool) -> str | None:
    """Classify one header block; return what it was ("title", "authors", …) or None."""
    line, heading = folded(block), heading_text(block)
    kinds = patterns()["kinds"]
    if heading is not None and any(p.match(heading) for p in patterns()["author_headings"]):
        return "authors"
    if found.kind is None and line.lower() in kinds:
        found.kind = kinds[line.lower()]
        return "kind"
    if in_authors and bio_author(block):
        found.add_bio(bio_author(block), line)
        return "authors"
    if in_authors and looks_like_name(line):
        found.names.append(line)
        return "authors"
    if byline_names(block):
        found.names += byline_names(block)
        return "byline"
    if found.date is None and len(line.split()) <= 12 and parse_date(line):
        found.date = parse_date(line)
        return "date"
    if found.title is None and (heading or (len(line.split()) <= 25 and not line.endswith("."))):
        found.title = heading or line
        return "title"
    if found.title and heading and same_title(heading, found.title):
        return "title"
    return None


def read_trailer_block(block: str, found: Reading) -> bool:
    """Classify one trailer block (bio, source line); True when it is metadata."""
    pub = source_publication(block)
    if pub:
        found.source = found.source or folded(block)
        found.publication = found.publication or pub
        return True
    name = bio_author(block)
    if name:
        found.add_bio(name, folded(block))
        return True
    return False


def split_feed_header(blocks: list[str], found: Reading) -> list[str]:
    """A feed item fused on one line: take title, source and date off it (it leads the
    text, perhaps after an editor's note or two)."""
    for i, block in enumerate(blocks[:3]):
        for pat in patterns()["feed_headers"]:
            hit = pat.match(block)
            if hit:
                found.title = hit.group("title").strip()
                found.date = find_date(hit.group("date"))
                found.publication = publisher_name(hit.group("source")) or hit.group("source")
                return [*blocks[:i], hit.group("body").strip(), *blocks[i + 1:]]
    return blocks


def split_cover(block: str, found: Reading) -> str:
    """A PDF cover run into the first paragraph: drop title repeats, take author and date."""
    title = found.title
    while title and block.startswith(title + " "):
        block = block[len(title) + 1:]
    for pat in patterns()["cover_lines"]:
        hit = pat.match(block)
        if hit and block != hit.group("body"):
            found.names += [n.title() for n in split_names(hit.group("names"))]
            found.date = found.date or find_date(hit.group("date"))
            return restore_drop_cap(hit.group("body"))
    return block


def restore_drop_cap(block: str) -> str:
    """A PDF's drop cap lands mid-sentence ("hen the … deep W corruption"): put it back."""
    stray = re.search(r" ([B-HJ-Z]) (?=[a-z])", block[:400])
    if block[:1].islower() and stray:
        return stray.group(1) + block[:stray.start()] + block[stray.end() - 1:]
    return block


def scan(blocks: list[str], found: Reading) -> list[str]:
    """Walk header then trailer blocks, recording metadata; return the body's blocks."""
    start, in_authors = 0, False
    for start, block in enumerate(blocks):
        if is_article_paragraph(block) and not (in_authors and bio_author(block)):
            break
        kind = read_header_block(block, found, in_authors)
        if kind is None:
            break
        in_authors = kind == "authors"
    else:
        start = len(blocks)
    if start < len(blocks) and not found.names:
        blocks = [*blocks[:start], split_cover(blocks[start], found), *blocks[start + 1:]]
    end = len(blocks)
    while end > start + 1 and read_trailer_block(blocks[end - 1], found):
        end -= 1
    return blocks[start:end]


def authors_of(found: Reading, hints: tuple[tuple[str, str], ...]) -> tuple[Author, ...]:
    """Authors from front matter, else bylines and author sections, else bios; bios attached."""
    names = hint(hints, "author") or found.names or list(found.bios)
    unique = list(dict.fromkeys(names))

    def bio_for(name: str) -> str | None:
        last = name.split()[-1]
        return next((b for n, b in found.bios.items() if n == name or n.split()[-1] == last), None)

    return tuple(Author(name=n, bio=bio_for(n)) for n in unique)


def find_metadata(text: str, hints: tuple[tuple[str, str], ...] = ()) -> tuple[Metadata, str]:
    """Cleaned text (+ a seed's own metadata) → (Metadata, the body text without it)."""
    found = Reading()
    body = scan(split_feed_header(blocks_of(text), found), found)
    date = next(filter(None, map(parse_date, hint(hints, "date"))), None) or found.date
    meta = Metadata(
        title=(hint(hints, "title") or [found.title])[0],
        authors=authors_of(found, hints),
        date=date,
        publication=(hint(hints, "publication") or [found.publication])[0]
        or domain_publication(text),
        kind=(hint(hints, "kind") or [found.kind])[0],
        url=(hint(hints, "url") or [None])[0],
        source_line=found.source,
    )
    return meta, "\n\n".join(body) + "\n"
