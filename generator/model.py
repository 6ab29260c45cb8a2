"""The data every stage passes along: plain frozen dataclasses, no I/O, no behaviour.

A seed becomes a `Document` (decoded text), then a `Brief` (what the site shows). Items
that readers cite — recommendations and open questions — carry a stable `id` that the id
stage fills in; until then it is the empty string.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Document:
    """A seed read from disk: its text, decoded, and the format it was written in."""

    path: Path
    """Where the seed was read from (as given; reported in error lines)."""
    text: str
    """The decoded text; for HTML seeds, the main text already extracted as Markdown."""
    format: str
    """One of "txt", "md", "html"."""
    meta: tuple[tuple[str, str], ...] = ()
    """Metadata a format carries on its own (HTML <meta>, Markdown front matter), as pairs."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the cleaned body, numbered from 1 in reading order."""

    number: int
    text: str
    """Cleaned text; Markdown links kept, everything else plain."""
    heading: bool = False
    """True when the author wrote this paragraph as a heading."""
    list_item: bool = False
    """True when it was an item of a bulleted or numbered list."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the body, with where it sits (for ids, highlights and context)."""

    paragraph: int
    index: int
    """Position of the sentence within its paragraph, from 0."""
    text: str
    """The sentence as written, Markdown links kept."""
    plain: str
    """The same sentence with Markdown links reduced to their text (what rules read)."""
    heading: bool = False
    list_item: bool = False


@dataclass(frozen=True, slots=True)
class Author:
    name: str
    bio: str | None = None


@dataclass(frozen=True, slots=True)
class Recommendation:
    """A sentence in which the author advocates an action by some actor."""

    text: str
    actor: str | None
    """Canonical name of who should act; None only where the text names no one."""
    strength: str
    """"must", "should" or "could"."""
    paragraph: int
    sentence: int = 0
    """Index of the sentence within its paragraph."""
    id: str = ""


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    """A question the author poses, or an uncertainty they name as unresolved."""

    text: str
    kind: str
    """"explicit" (a question sentence) or "implicit" ("it remains to be seen whether …")."""
    paragraph: int
    sentence: int = 0
    id: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organization or place the body names, merged across spellings."""

    name: str
    kind: str
    """"person", "organization" or "place"."""
    aliases: tuple[str, ...] = ()
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the metadata stage finds about an article (and which lines it consumed)."""

    title: str | None = None
    authors: tuple[Author, ...] = ()
    date: str | None = None
    """ISO date: "2020-07-01", or "2021-06" / "2021" when the source gives no more."""
    publication: str | None = None
    kind: str | None = None
    url: str | None = None
    source_line: str | None = None
    """The article's own line about where it first appeared ("Originally published in …")."""


@dataclass(frozen=True, slots=True)
class Brief:
    """One article, as the site shows it and as `extract` prints it (schema brief/1)."""

    slug: str
    source_file: str
    meta: Metadata
    body: tuple[Paragraph, ...]
    summary: tuple[str, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    open_questions: tuple[OpenQuestion, ...] = ()
    entities: tuple[Entity, ...] = ()
    headline: str = ""
    """What pages call the brief: its title, else words from its lead (never a file name).
    Display only: `extract` reports the title the article states, or null."""


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a seed was skipped, or what in it needs a maintainer's eye."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class SeedError(Exception):
    """A seed that cannot become a brief; carries the file (and line) for one clear line."""

    def __init__(self, path: str | Path, message: str, line: int | None = None):
        self.problem = Problem(str(path), message, line)
        super().__init__(str(self.problem))


@dataclass(frozen=True, slots=True)
class IdRecord:
    """One id the site has published: what it pointed at, last time it was seen."""

    id: str
    kind: str
    """"recommendation" or "question"."""
    slug: str
    source_file: str
    text: str
    prefix: str = ""
    """Text just before the item (its neighbour), for re-anchoring after edits."""
    suffix: str = ""
    paragraph: int = 0
    actor: str | None = None
    title: str | None = None
    removed: bool = False
    """True when its item is gone; the id stays published and says so."""


@dataclass(frozen=True, slots=True)
class Site:
    """Everything one build renders: the briefs, every id ever published, and problems."""

    briefs: tuple[Brief, ...]
    ids: tuple[IdRecord, ...] = ()
    problems: tuple[Problem, ...] = field(default_factory=tuple)
