"""Read one seed file: bytes → decoded text and format, or a SeedError saying why not.

This is the only stage that touches a seed's bytes. Everything after it works on text:
`.txt` as it is, `.md` without its front matter (read as metadata), `.html`/`.htm` as the
article trafilatura finds in the page (its metadata read the same way).

Size limits (measured with bench/benchmark.py): parsing takes about 1.2 s for 125 kB of
text, 2.4 s for 250 kB and 12 s for 1 MB, close to linear. A long think-tank report is well
under 1 MB, so a text seed may hold MAX_TEXT_BYTES = 1 MB, and so may the article extracted
from a web page; the page itself may be MAX_HTML_BYTES (scripts and styles make saved
pages big; trafilatura's own default limit). Larger files are refused before reading.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from .decode import decode_text
from ..model import Document, SeedError

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
           ".htm": "html"}
MAX_TEXT_BYTES = 1_000_000
MAX_HTML_BYTES = 20_000_000
HIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
"""Unicode categories a file name must not show raw: controls, bidi marks, broken bytes."""
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
"""Stray controls (tab, line and page breaks aside): a regex scan, quicker than a
`str.translate` table, which looks every character up."""

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
FRONT_MATTER_KEYS = {"title": "title", "author": "author", "authors": "author", "date": "date",
                     "publication": "publication", "publisher": "publication", "url": "url",
                     "source": "url", "canonical_url": "url", "kind": "kind", "type": "kind",
                     **dict.fromkeys(("summary", "abstract", "description", "key_points",
                                      "keypoints", "key_takeaways", "takeaways", "highlights",
                                      "tldr"), "summary")}
"""Front-matter keys we read, and the metadata name each gives; "summary" is the article's
own summary or key points (the summary stage's best source)."""


def printable(name: str) -> str:
    """A file name fit for one report line: bytes that are not UTF-8 and controls escaped."""
    return "".join(c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) in HIDDEN
                   else c for c in name)


def seed_format(path: Path) -> str | None:
    """The format a file name promises, or None for files that are not seeds."""
    return FORMATS.get(path.suffix.lower())


def split_front_matter(text: str, path: Path) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Markdown YAML front matter → (text without it, metadata pairs we understand).

    Keys that are not metadata (`template`, `hide`, …) are dropped: a seed never sets page
    options. Front matter that is not a YAML mapping stays in the text, shown as written.
    """
    found = FRONT_MATTER.match(text)
    if not found:
        return text, ()
    try:
        data = yaml.safe_load(found.group(1))
    except yaml.YAMLError:
        return text, ()
    if not isinstance(data, dict):
        return text, ()
    pairs: list[tuple[str, str]] = []
    for key, value in data.items():
        name = FRONT_MATTER_KEYS.get(str(key).lower())
        values = value if isinstance(value, list) else [value]
        if name:
            pairs += [(name, front_matter_value(name, v)) for v in values
                      if isinstance(v, (str, int, float)) or hasattr(v, "isoformat")]
    return text[found.end():], tuple(pairs)


def front_matter_value(name: str, value: object) -> str:
    """A front-matter value as text; an author's role in brackets after the name goes
    ("Jane Roe (chapters 1-3)" → "Jane Roe")."""
    text = str(value).strip()
    return re.sub(r"\s*\([^()]*\)$", "", text) if name == "author" else text


def read_bytes(path: Path, limit: int) -> bytes:
    """A seed's bytes, refusing files past `limit` before reading them."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise SeedError(path, f"too large ({size / 1e6:.1f} MB; a seed of this type may be "
                                  f"{limit / 1e6:.0f} MB at most): split or trim it")
        return path.read_bytes()
    except OSError as err:
        raise SeedError(path, f"cannot read ({err.strerror})") from err


def normalize_text(text: str) -> str:
    """One line-break convention, stray control characters out (tabs and breaks kept)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    return CONTROL_CHARS.sub("", text)


def article_text(text: str, fmt: str, path: Path) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Decoded file → (the article's text, the metadata its format carries)."""
    if fmt == "md":
        return split_front_matter(text, path)
    if fmt == "html":
        from .webpage import read_webpage  # trafilatura takes 0.3 s to import: only for pages
        article, meta = read_webpage(text, path)
        if len(article.encode("utf-8")) > MAX_TEXT_BYTES:
            raise SeedError(path, f"article too long (over {MAX_TEXT_BYTES / 1e6:.0f} MB of text)")
        return normalize_text(article), meta
    return text, ()


def read_seed(path: Path) -> Document:
    """Read and decode one seed; raise SeedError naming the reason when it is not usable."""
    if printable(path.name) != path.name:
        raise SeedError(path, "file name has characters that cannot be shown "
                              "(not UTF-8, or control characters); rename the file")
    fmt = seed_format(path)
    if fmt is None:
        kind = f"unknown file type {path.suffix!r}" if path.suffix else "no file extension"
        raise SeedError(path, f"{kind}; seeds are .txt, .md, .html")
    data = read_bytes(path, MAX_HTML_BYTES if fmt == "html" else MAX_TEXT_BYTES)
    if not data:
        raise SeedError(path, "empty file")
    text = normalize_text(decode_text(data, path, html=fmt == "html"))
    if not text.strip():
        raise SeedError(path, "empty file (only white space)")
    text, meta = article_text(text, fmt, path)
    return Document(path=path, text=text, format=fmt, meta=meta)
