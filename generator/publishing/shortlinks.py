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
from dataclasses import fields
from functools import partial
from operator import attrgetter
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .compiled import keep_compiled
from .markdown_safe import item_text, md_text
from .pages import ITEMS_PER_PAGE, paginate, render_pages
from .rendercache import CachedEnvironment, Deferred, RenderCache
from ..model import IdRecord

SHORT_DIR = "r"
INDEX_PAGE = "ids.md"
ASSETS = ("assets/permalinks.js", "assets/permalinks.css")
"""Static files the copy buttons need, copied from the templates folder as they are."""
KIND_LABELS = {"recommendation": "recommendation", "question": "open question"}
RECORD_VALUES = attrgetter(*(f.name for f in fields(IdRecord)))
"""An id record's field values, all plain (str, int, bool, None): a short page's key."""


def environment(templates: Path) -> Environment:
    """Jinja2 over the templates folder: `.html.j2` autoescaped, Markdown escaped by `md`."""
    env = Environment(loader=FileSystemLoader(str(templates)),
                      autoescape=select_autoescape(["html.j2"], default=False),
                      undefined=StrictUndefined, keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.filters.update(md=md_text, plain=item_text)
    return env


def short_path(rid: str) -> str:
    """Where an id's short page is written, relative to the site root."""
    return f"{SHORT_DIR}/{rid}/index.html"


def brief_href(slug: str, rid: str | None = None, directory_urls: bool = True) -> str:
    """The URL of a brief page (and of an item's anchor on it), relative to a short page;
    `briefs/<slug>.html` when the site is built without directory URLs (offline copy)."""
    page = f"{quote(slug)}/" if directory_urls else f"{quote(slug)}.html"
    return f"../../briefs/{page}" + (f"#{quote(rid)}" if rid else "")


def render_shortlink(record: IdRecord, live_slugs: Collection[str], env: Environment,
                     directory_urls: bool = True) -> str:
    """One short page: a redirect to a live item, or a note that the item was removed."""
    has_brief = record.slug in live_slugs
    live = has_brief and not record.removed
    return env.get_template("shortlink.html.j2").render(
        record=record,
        kind=KIND_LABELS.get(record.kind, record.kind),
        item_url=brief_href(record.slug, record.id, directory_urls) if live else None,
        brief_url=brief_href(record.slug, None, directory_urls) if has_brief else None,
        home_url="../../" if directory_urls else "../../index.html")


def shortlink_pages(records: Iterable[IdRecord], live_slugs: Collection[str], env: Environment,
                    cache: RenderCache, directory_urls: bool = True) -> dict[str, str | Deferred]:
    """Every short page through `cache`, each keyed by what it shows: the record's fields,
    whether its brief is live, the URL style (render_shortlink reads nothing else); that
    key's digest also stands for the record in the id index's keys. One loop, one digest
    a page: a 1,000-brief site has 13,000 of them."""
    page = cache.plain_page
    files = {}
    for record in records:
        files[short_path(record.id)] = page(
            "shortlink", (RECORD_VALUES(record), record.slug in live_slugs, directory_urls),
            partial(render_shortlink, record, live_slugs, env, directory_urls), record)
    return files


def render_id_index(records: Iterable[IdRecord], live_slugs: Collection[str],
                    env: Environment | CachedEnvironment) -> dict[str, str]:
    """The Markdown pages that list every id the site has published, current and removed:
    `ids.md`, and when they do not fit one page, numbered pages under `ids/` it indexes.
    Each row is (record, whether its brief is live): a page's render reads its own rows
    only, not every slug of the site."""
    ordered = sorted(records, key=lambda r: (r.removed, r.title or r.slug, r.slug,
                                             r.paragraph, r.id))
    rows = [(r, r.slug in live_slugs) for r in ordered]
    return render_pages(env.get_template("ids.md.j2"),
                        paginate([(None, rows)], INDEX_PAGE, ITEMS_PER_PAGE), INDEX_PAGE,
                        lambda _, row: row[0].title or row[0].slug,
                        kinds=KIND_LABELS, short_path=short_path, quote=quote)


def permalink_files(records: Iterable[IdRecord], live_slugs: Collection[str],
                    templates: Path, directory_urls: bool = True,
                    cache: RenderCache | None = None) -> dict[str, str]:
    """Every file the ids add to site_src/: a short page per id, the id index, the assets;
    renders seen before come from `cache`."""
    records = tuple(records)
    cache = cache or RenderCache(None, templates)
    env = keep_compiled(environment(templates), cache.folder, "shortlinks")
    files = shortlink_pages(records, live_slugs, env, cache, directory_urls)
    files.update(render_id_index(records, live_slugs, CachedEnvironment(env, cache)))
    files.update({a: (templates / a).read_text(encoding="utf-8") for a in ASSETS})
    return files
