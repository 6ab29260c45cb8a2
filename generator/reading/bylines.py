"""Names and lines in an article's header and trailer: bylines, bios, source and copyright
lines, site names — a folded block → what it says, or None when it is not one.

The patterns are data (generator/data/metadata.yaml); these functions only apply them.
"""
from __future__ import annotations

import re
from functools import lru_cache


from .blocktext import folded, furniture, unlinked
from .dates import date_start, find_date, parse_date
from ..rules import active, rule
from ..datafiles import load_data

WEEKDAY = rule("weekday-not-name", "metadata", "'On Tuesday, the task force will …' opens a "
               "sentence: a weekday is never part of a person's name.")
FOLLOW_US = rule("follow-us-handle", "metadata", "'Follow us on Twitter @CityDesk': the page's "
                 "own account names its publication ('City Desk').")
BYLINE_TAIL = rule("byline-tail", "metadata", "A wire byline ends with its outlet, date and time, "
                   "and may quote a nickname: none of them is a name.")
NICKNAME = re.compile(r"\s[\"“][^\"”]{1,30}[\"”]\s")
SYNDICATE = rule("syndicate-not-publication", "metadata", "A copyright held by a syndicate "
                 "('… Media Services, Inc.') names the column's distributor, not its publication.")

NAME_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|;\s*)")
ABBREVIATION = re.compile(r"(?:\b[A-Z]|\bJr|\bSr)\.$")


@lru_cache(maxsize=1)
def patterns() -> dict:
    """The genre's metadata patterns (generator/data/metadata.yaml), compiled once."""
    data = load_data("data/metadata.yaml")
    pubs = load_data("data/publishers.yaml")
    full = lambda ps, flags=re.I: [re.compile(rf"^(?:{p})$", flags) for p in ps]
    words = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))
    return {
        "kinds": {k.lower(): k for k in data["kinds"]},
        "section_headings": {h.lower() for h in data["section_headings"]},
        "memo_head": re.compile(rf"^(?:{words(data['memo_fields'])}):\s", re.I),
        "topic_labels": full(data["topic_labels"], 0),
        "source_lines": full(data["source_lines"]),
        "author_headings": full(data["author_headings"]),
        "bios": [re.compile(rf"^(?:{p})", re.U) for p in data["bios"]],
        "bylines": full(data["bylines"]),
        "feed_headers": full(data["feed_headers"], re.S),
        "cover_lines": full(data["cover_lines"], re.S),
        "publishers": pubs,
        "honorific": re.compile(rf"^(?:(?:{words(data['honorifics'])})\.?\s+)+"),
        "credential": re.compile(rf"^(?:(?i:{words(data['credentials'])})\.?|"
                                 rf"{data['credential_shape']})$"),
        "particles": set(data["name_particles"]),
        "not_name_words": {w.lower() for w in data["not_name_words"]},
        "not_people": re.compile(rf"\b(?:{'|'.join(data['not_people'])})\b", re.I),
        "weekday": re.compile(rf"\b(?:{'|'.join(data['weekdays'])})\b", re.I),
        "syndicate": re.compile(rf"\b(?:{'|'.join(data['syndicates'])})\b", re.I),
        "site_names": full(data["site_names"], 0),
        "copyright": full(data["copyright"]),
        "follow_us": full(data["follow_us"]),
        "title_label": re.compile(rf"^(?:{words([*data['kinds'], *data['title_labels']])})"
                                  r"\s*[:|]\s+(?=\S)", re.I),
        "meta_line_split": re.compile(data["meta_line_split"], re.I),
    }


def clean_name(name: str) -> str:
    """'Dr. Jane Q. Roe' → 'Jane Q. Roe': honorifics off, a final period kept only after an
    initial or 'Jr.'."""
    name = patterns()["honorific"].sub("", name.strip(" ,;:*_"))
    return name if ABBREVIATION.search(name) else name.rstrip(".")


def split_names(names: str) -> list[str]:
    """'A, B and C' → ['A', 'B', 'C'] (titles and credentials like ', PhD' dropped)."""
    parts = [clean_name(p) for p in NAME_SPLIT.split(names.strip(" *_"))]
    return [p for p in parts if p and not patterns()["credential"].match(p)
            and p.lower() not in {"jr", "sr"}]


def looks_like_name(text: str) -> bool:
    """Two to five capitalized words: a person's name, not a sentence or an institution."""
    words = text.split()
    return (2 <= len(words) <= 5 and ":" not in text
            and not patterns()["not_people"].search(text)
            and not (active(WEEKDAY) and patterns()["weekday"].search(text))
            and not any(w.lower().strip(",.") in patterns()["not_name_words"] for w in words)
            and all(w[:1].isupper() or w.lower() in patterns()["particles"]
                    or re.match(r"^(al|el)-", w, re.I) for w in words))


def name_list(line: str) -> list[str]:
    """A line that is only names ("Jane Roe and John Doe"), or one name and its role
    ("Jane Roe, Senior Fellow for Asia") → the names, else []."""
    names = split_names(line)
    if names and all(looks_like_name(n) for n in names):
        return names
    head, _, role = line.partition(", ")
    role_words = {w.lower().strip(",.") for w in role.split()}
    return [clean_name(head)] if (looks_like_name(clean_name(head)) and
                                  role_words & patterns()["not_name_words"]) else []


def bio_authors(block: str) -> list[str]:
    """The names a short bio block is about (one per "X is a …" sentence), else []."""
    line = re.sub(r"^(?:about the authors?:|editor[’']?s note:|[—–•·*-]+)\s*", "", folded(block),
                  flags=re.I)
    if len(line.split()) > 90:
        return []
    found = []
    for sentence in re.split(r"(?<=[a-z]{2}[.!?])\s+(?=[A-Z])", line):
        for pat in patterns()["bios"]:
            hit = pat.match(sentence)
            names = split_names(hit.group("name")) if hit else []
            if names and all(looks_like_name(n) for n in names):
                found += names
                break
    return found if found and bio_starts(line, found[0]) else []


def bio_starts(line: str, name: str) -> bool:
    """A bio block opens with its person (perhaps after a title such as 'Dr.')."""
    return clean_name(line).startswith(name)


def first_group(key: str, group: str, block: str) -> str | None:
    """The named group of the first `key` pattern matching the whole block, else None."""
    line = unlinked(folded(block))
    return next((m.group(group) for p in patterns()[key] if (m := p.match(line))), None)


def source_publication(block: str) -> str | None:
    """The publication a source line names ("Originally published in X")."""
    pub = first_group("source_lines", "pub", block)
    if pub and find_date(pub):
        pub = re.split(r",?\s+(?:on\s+)?(?=\S*\s*\d)", pub)[0]
    return pub.strip(" .*_") if pub else None


def byline(block: str) -> list[str] | None:
    """Names from a byline ("by A and B"): [] for a byline naming no person ("By the
    Editorial Board"), None when the block is not a byline."""
    line = unlinked(folded(block))
    for pat in patterns()["bylines"]:
        found = pat.match(line)
        if found and patterns()["not_people"].search(found.group("names")):
            return []
        names = byline_names(found.group("names")) if found else []
        if names:
            return names
    return None


def byline_names(names: str) -> list[str]:
    """The people a byline's names part gives: a wire byline's tail (its outlet, date and
    time: "…, and Tom Watkins, CNN November 28, 2013 -- Updated 0203 GMT") and nicknames
    in quotation marks ('Amanda "Tania Mae" Tan') are not part of any name."""
    if name_list(names) or not active(BYLINE_TAIL):
        return name_list(names)
    cut = date_start(names)
    names = NICKNAME.sub(" ", names[:cut] if cut else names).strip(" ,;-–—|")
    names = " ".join(names.split())
    head, _, last = names.rpartition(",")
    outlet = head and len(last.split()) == 1
    return name_list(head if outlet else names) if (head if outlet else names) else []


def publishing_holder(holder: str | None) -> str | None:
    """A copyright holder that published the page; a syndicate only distributed the column."""
    syndicated = holder and active(SYNDICATE) and patterns()["syndicate"].search(holder)
    return None if syndicated else holder


def handle_publication(block: str) -> str | None:
    """'Follow us on Twitter @CityDesk' → 'City Desk': 'us' is the publication, so its handle
    (split where the case changes) names it."""
    handle = first_group("follow_us", "handle", block) if active(FOLLOW_US) else None
    return re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", handle) if handle else None


def copyright_holder(block: str) -> str | None:
    """The holder a copyright line names ("© 2021 The Atlantic Council. All rights …")."""
    holder = first_group("copyright", "name", block)
    return holder.strip(" ,.") if holder else None


def site_name(block: str) -> str | None:
    """A short line that names an institution or a newspaper (a site's name), else None."""
    return first_group("site_names", "name", block)


def strip_title_label(title: str) -> str:
    """'Opinion | Our rates will spike' → 'Our rates will spike' (the label is the kind)."""
    return patterns()["title_label"].sub("", title).strip()


def meta_line(block: str) -> tuple[list[str], list[tuple[str, str]]] | None:
    """'Jane Roe | Published March 3, 2021 · Updated …' → (names, [(label, iso date)]);
    None unless every part is a byline, a list of names, a (labelled) date, furniture or a
    kind label (beside no bare list of names, which would be a title's words)."""
    parts = patterns()["meta_line_split"].split(unlinked(folded(block)))
    if len(parts) < 2:
        return None
    names, dates, labelled, listed = [], [], False, False
    for part in parts:
        date = parse_date(part)
        people = byline(part) if byline(part) is not None else name_list(part)
        if date:
            dates.append(("updated" if part.lower().startswith("updated") else "published", date))
        elif people or byline(part) is not None:
            names += people
            listed = listed or byline(part) is None
        elif part.lower() in patterns()["kinds"]:
            labelled = True  # "Commentary | 5 min read"; "Opinion | Title Words" is a title
        elif not furniture()["blocks"].match(part):
            return None
    return None if labelled and listed else (names, dates)
