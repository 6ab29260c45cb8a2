"""Metadata lines a text states outside its byline: labelled field lines ("Published: … |
Source: …"), a letter's signature, a blog's "Posted on … by …" sign-off, a wire dateline
("(Agency) —"), a house editorial's title ("The X view on …"), a bio under the title, and
names spelled as the text spells them.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .bylines import bio_authors, looks_like_name, name_list, patterns, split_names
from .blocktext import folded, unlinked
from .dates import find_date, parse_date
from ..rules import active, rule

if TYPE_CHECKING:
    from .metadata import Reading

FIELD = re.compile(r"^(?P<label>[A-Z][\w ]{1,24}?):\s*(?P<value>\S.*)$")
FIELD_KINDS = {
    "date": {"published", "date", "posted", "issued", "released", "publication date",
             "date published", "first published"},
    "updated": {"updated", "last updated", "modified"},
    "publication": {"source", "publisher", "publication", "published by", "site", "outlet"},
    "names": {"author", "authors", "by", "written by", "byline"},
    "id": {"report", "report number", "number", "no", "doc", "document", "document number",
           "id", "doi", "series", "pages", "type", "format", "product number"},
}
POSTED = re.compile(r"^(?:posted|published|written|filed)\b(?P<rest>.*\bby\s+(?P<names>[^|]+?))"
                    r"\.?$", re.I)
DATELINE = re.compile(r"^(?:[A-Z][\w.' -]{1,30},? )?\((?P<pub>[A-Z][\w.&]{1,15}(?: [A-Z][\w.&]+)"
                      r"{0,2})\)\s*(?:--|—|–|-)\s")
NAME_LINE = rule("name-line-author", "metadata", "A lone name line near the top whose surname labels "
                 "the highlight lines ('Roe: …') names the author, and is no body.")
HOUSE_VIEW = re.compile(r"^(?P<pub>The (?:[A-Z][\w’'.-]+ ){1,3})(?:view|verdict) on\b")

FIELD_LINE = rule("field-line", "metadata", "A header line of labelled fields ('Published: … | "
                  "Source: …') states the date and publisher, and is not body.")
SIGNATURE = rule("signature", "metadata", "A letter or report ends with its signer (a name over "
                 "role lines); the signer is the author when no byline names one.")
SIGN_OFF = rule("sign-off-ends-post", "furniture", "A blog post ends with 'Posted on <date> by "
                "<name>'; what follows (comment links, licence, disclaimers) is furniture.")
WIRE_DATELINE = rule("wire-dateline", "metadata", "A news story opening '(Agency) —' or 'CITY "
                     "(Agency) -' names its publisher in the dateline.")
EDITORS_NOTE = re.compile(r"^editor[’']?s note:", re.I)
HEADER_BIO = rule("author-bio-header", "furniture", "A bio under the title ('Editor's note: X is "
                  "…') of a person the article never names again is metadata, not body.")
HOUSE_EDITORIAL = rule("house-view-title", "metadata", "A house editorial titled 'The <Paper> "
                       "view on …' names its publication in the title.")


def field_line(block: str) -> dict[str, list[str]] | None:
    """'Report: X | Published: 2026-03-17 | Source: Y' → {'date': [...], 'publication': [...]};
    None unless every part is a known labelled field and one says when, who or where."""
    parts = re.split(r"\s+[|·•]\s+", unlinked(folded(block)))
    if len(parts) < 2 or not active(FIELD_LINE):
        return None
    out: dict[str, list[str]] = {}
    for part in parts:
        hit = FIELD.match(part.strip())
        kind = next((k for k, labels in FIELD_KINDS.items()
                     if hit and hit.group("label").lower() in labels), None)
        if kind is None:
            return None
        value = hit.group("value").strip(" *_")
        value = (parse_date(value) or find_date(value)) if kind in ("date", "updated") else value
        out.setdefault(kind, []).extend(split_names(value) if kind == "names" else [value] if value else [])
    return out if out.keys() - {"id"} else None


def signature(block: str) -> list[str]:
    """A signer's block: a name on its own line over one to three role lines, else []."""
    raw = [ln for ln in block.splitlines() if ln.strip()]
    if not active(SIGNATURE) or not 2 <= len(raw) <= 4:  # counted first: a page-long block is no signature
        return []
    lines = [unlinked(folded(ln)) for ln in raw]
    if not looks_like_name(lines[0]):
        return []
    roles = lines[1:]
    role_words = patterns()["not_name_words"]
    is_role = lambda ln: not ln.endswith(".") and len(ln.split()) <= 10 and any(
        w.lower().strip(",.") in role_words for w in ln.split())
    return [lines[0]] if all(is_role(ln) for ln in roles) else []


def posted_line(block: str) -> tuple[list[str], str | None] | None:
    """'Posted on Tuesday 15 October 2019 at 09:11 by Jane Roe.' → (names, ISO date)."""
    hit = POSTED.match(unlinked(folded(block)))
    if not hit or len(hit.group(0).split()) > 25 or not active(SIGN_OFF):
        return None
    names = name_list(hit.group("names").strip())
    return (names, find_date(hit.group("rest"))) if names else None


def dateline_publication(block: str) -> str | None:
    """'(Agency) -- The story …' / 'CITY (Agency) - …' → 'Agency'."""
    hit = DATELINE.match(folded(block))
    return hit.group("pub") if hit and active(WIRE_DATELINE) else None


def house_view_publication(title: str | None) -> str | None:
    """'The Daily Lantern view on …' → 'The Daily Lantern'."""
    hit = HOUSE_VIEW.match(title or "")
    return hit.group("pub").strip() if hit and active(HOUSE_EDITORIAL) else None


def read_fields(block: str, found: Reading) -> str | None:
    """A line of labelled fields ("Published: … | Source: …"): record what it states."""
    fields = field_line(block)
    if fields is None:
        return None
    for date in fields.get("date", []):
        found.add_date("published", date)
    for date in fields.get("updated", []):
        found.add_date("updated", date)
    found.names += [n for n in fields.get("names", []) if n]
    found.publication = found.publication or next(iter(fields.get("publication", [])), None)
    return "fields"


def is_header_bio(block: str, later: list[str]) -> bool:
    """A bio right under the title: labelled an editor's note, or about a person the article
    does not name again (a story about someone names them again; a bio's author is not)."""
    names = bio_authors(block)
    if not names or not active(HEADER_BIO):
        return False
    rest = " ".join(later)
    return bool(EDITORS_NOTE.match(folded(block))) or not any(
        re.search(rf"\b{re.escape(n.split()[-1])}\b", rest) for n in names)


def name_line_author(blocks: list[str], body: list[str]) -> tuple[int, str] | None:
    """(index in body, name) of a lone name line among the body's first blocks whose surname
    labels a short line above it ('Story highlights Jane Roe: …', 'Roe: …'), else None."""
    if not active(NAME_LINE):
        return None
    for i, block in enumerate(body[:12]):
        names = name_list(folded(block))
        if len(names) != 1 or folded(block) != names[0]:
            continue
        label = re.compile(rf"(?:^|\s){re.escape(names[0].split()[-1])}: \S")
        above = blocks[:blocks.index(block)] if block in blocks else []
        if any(label.search(folded(b)) and len(folded(b).split()) <= 30 for b in above):
            return i, names[0]
    return None


def as_written(given: list[str], written: list[str]) -> list[str]:
    """A page's <meta> or front-matter names, spelled as its own text spells them when both
    agree ("Marek J Nowak" → "Marek J. Nowak") or differ by a slip of one letter ("Jon R.
    Burdon" in the front matter, "Jon R. Burton" over the author's section)."""
    key = lambda n: re.sub(r"[^\w\s]", "", n).lower()
    initials = lambda n: [w[:1] for w in key(n).split()]

    def spelled(name: str) -> str:
        same = [w for w in written if key(w).replace(" ", "") == key(name).replace(" ", "")]
        slips = [w for w in written if initials(w) == initials(name) and len(key(w)) == len(
            key(name)) and sum(a != b for a, b in zip(key(w), key(name))) == 1]
        return next(iter(same or slips), name)

    return [spelled(n) for n in given]
