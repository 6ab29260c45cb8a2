"""Short pages for ids: `r/<id>/index.html` for every id ever published, and the id index.

Like mkdocs-redirects, each short page is a tiny static HTML file, not a themed page, so a
site of 1,000 briefs does not render 10,000 extra pages. A live id's page sends the reader
to its item on the brief page (meta refresh, and `location.replace` for browsers that
allow it) and still shows the item's text, actor and brief without JavaScript. A removed
id's page says so, quotes the last text and links to the brief, or home when the brief is
gone: an id the site ever published never ends on a 404. All links are relative
(`../../briefs/<slug>/#<id>`), so pages work with or without `site_url` and under a sub-path.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .ids import plain
from .model import IdRecord

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SHORT_DIR = "r"
INDEX_PAGE = "ids.md"
KIND_LABELS = {"recommendation": "recommendation", "question": "open question"}
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]|#"} | {
    "<": "&lt;", ">": "&gt;", "&": "&amp;", "\n": " "})


def templates() -> Environment:
    """The Jinja2 environment for the id pages: HTML escaped (Markdown pages escape their
    own way, with `md_inline`), undefined names an error."""
    env = Environment(loader=FileSystemLoader(TEMPLATES),
                      autoescape=select_autoescape(["html.j2"], default=False),
                      undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters["plain"] = plain
    env.filters["md_inline"] = md_inline
    return env


def md_inline(text: str) -> str:
    """Text safe inside one Markdown table cell: links reduced, markup characters escaped."""
    return " ".join(plain(text).split()).translate(_MD_SPECIAL)


def short_path(rid: str) -> str:
    """Where an id's short page is written, relative to the site root."""
    return f"{SHORT_DIR}/{rid}/index.html"


def brief_href(slug: str, rid: str | None = None, up: str = "../../") -> str:
    """The relative URL of a brief page (and of an item's anchor on it)."""
    return f"{up}briefs/{quote(slug)}/" + (f"#{quote(rid)}" if rid else "")


def render_shortlink(record: IdRecord, live_slugs: Collection[str], env: Environment) -> str:
    """One short page: a redirect to a live item, or a note that the item was removed."""
    has_brief = record.slug in live_slugs
    live = has_brief and not record.removed
    return env.get_template("shortlink.html.j2").render(
        record=record,
        kind=KIND_LABELS.get(record.kind, record.kind),
        item_url=brief_href(record.slug, record.id) if live else None,
        brief_url=brief_href(record.slug) if has_brief else None,
        home_url="../../")


def render_id_index(records: Iterable[IdRecord], live_slugs: Collection[str],
                    env: Environment) -> str:
    """The Markdown page that lists every id the site has published, current and removed."""
    ordered = sorted(records, key=lambda r: (r.removed, r.title or r.slug, r.slug,
                                             r.paragraph, r.id))
    return env.get_template("ids.md.j2").render(
        records=ordered, live_slugs=live_slugs, kinds=KIND_LABELS, short_path=short_path)


def permalink_files(records: Iterable[IdRecord], live_slugs: Collection[str]
                    ) -> dict[str, str]:
    """Every file the ids add to site_src/: a short page per id, and the id index."""
    records = tuple(records)
    env = templates()
    files = {short_path(r.id): render_shortlink(r, live_slugs, env) for r in records}
    files[INDEX_PAGE] = render_id_index(records, live_slugs, env)
    return files
