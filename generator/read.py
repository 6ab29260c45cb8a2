"""Read one seed file: bytes → decoded text and format, or a SeedError saying why not.

This is the only stage that touches a seed's bytes. Everything after it works on text.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

import yaml

from .model import Document, SeedError

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
FRONT_MATTER_KEYS = {"title": "title", "author": "author", "authors": "author", "date": "date",
                     "publication": "publication", "publisher": "publication", "url": "url",
                     "source": "url", "canonical_url": "url", "kind": "kind", "type": "kind"}


def seed_format(path: Path) -> str | None:
    """The format a file name promises, or None for files that are not seeds."""
    return FORMATS.get(path.suffix.lower())


def decode(data: bytes, path: Path) -> str:
    """Bytes → text: BOMs first (UTF-8, UTF-16), then UTF-8, then Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise SeedError(path, f"broken UTF-16 text ({err.reason})") from err
    if b"\x00" in data:
        raise SeedError(path, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise SeedError(path, f"undecodable text: neither UTF-8 nor Windows-1252 ({err.reason})") from err


def split_front_matter(text: str, path: Path) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Markdown YAML front matter → (text without it, metadata pairs we understand)."""
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
            pairs += [(name, str(v).strip()) for v in values if isinstance(v, (str, int, float)) or
                      hasattr(v, "isoformat")]
    return text[found.end():], tuple(pairs)


def read_seed(path: Path) -> Document:
    """Read and decode one seed; raise SeedError naming the reason when it is not usable."""
    fmt = seed_format(path)
    if fmt is None:
        raise SeedError(path, f"unknown file type {path.suffix or '(none)'!r}; seeds are .txt, .md")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SeedError(path, f"cannot read ({err.strerror})") from err
    text = decode(data, path).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SeedError(path, "empty file")
    meta: tuple[tuple[str, str], ...] = ()
    if fmt == "md":
        text, meta = split_front_matter(text, path)
    return Document(path=path, text=text, format=fmt, meta=meta)
