"""Dates as articles write them → ISO strings, without locale ("Jul 1, 2020" → "2020-07-01").

Precision is kept, never invented: "June 2021" → "2021-06", "2021" alone is not a date.
"""
from __future__ import annotations

import datetime
import re

MONTHS = {m: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for m in names}
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
FORMS = [
    re.compile(rf"{WEEKDAY}{MONTH}\s+{DAY},?\s+{YEAR}", re.I),          # Jul 1, 2020
    re.compile(rf"{WEEKDAY}(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH},?\s+{YEAR}", re.I),  # 11 Jul 2016
    re.compile(rf"{YEAR}-(?P<mm>\d\d)-(?P<dd>\d\d)(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"),  # ISO
    re.compile(rf"{YEAR}/(?P<mm>\d\d)/(?P<dd>\d\d)"),                    # 2020/07/01
    re.compile(rf"(?P<mm>\d{{1,2}})/(?P<dd>\d{{1,2}})/{YEAR}"),          # 7/1/2020 (US)
    re.compile(rf"(?P<dd>\d{{1,2}})\.(?P<mm>\d{{1,2}})\.{YEAR}"),        # 1.7.2020 (Europe)
    re.compile(rf"{MONTH}\s+{YEAR}", re.I),                               # June 2021
]
LABEL = r"(?:(?:published|posted|updated|date|last updated|first published)(?: on)?\s*:*\s*)?"
TIME = r"(?:(?:,|\s+[/|·•-])?\s+(?:at\s+)?\d\d?(?::\d\d){1,2}.*)?"
"""A time after the date ("17:01:00 -0400", ", 9:30 a.m. PT", "at 5:12 p.m."): ignored."""


def iso(match: re.Match) -> str | None:
    """A date match → ISO text at the precision written; None if it is no real date."""
    parts = match.groupdict()
    year = int(parts["year"])
    month = MONTHS[parts["month"].lower()] if parts.get("month") else int(parts.get("mm") or 0)
    day = int(parts.get("day") or parts.get("dd") or 0)
    try:
        datetime.date(year, month, day or 1)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"


def parse_date(text: str) -> str | None:
    """A string that is just a date (perhaps labelled, perhaps with a time) → ISO."""
    text = text.strip(" .*_")
    for form in FORMS:
        found = re.fullmatch(rf"{LABEL}{form.pattern}{TIME}", text, re.I)
        if found:
            return iso(found)
    return None


def date_start(text: str) -> int | None:
    """Where the first date written in `text` starts (None: it has none)."""
    starts = [m.start() for form in FORMS for m in form.finditer(text) if iso(m)]
    return min(starts) if starts else None


def find_date(text: str) -> str | None:
    """The first date written anywhere in `text` → ISO (for dates inside a header line)."""
    hits = [(m.start(), iso(m)) for form in FORMS for m in form.finditer(text)]
    hits = [h for h in hits if h[1]]
    return min(hits)[1] if hits else None
