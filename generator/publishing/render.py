"""Site → Markdown pages (and static files) for `site_src/`, through the Jinja2 templates.

Python decides what goes on a page (grouping, ordering, labels); templates only lay it out.
Every value from a seed passes through an escaping filter (see markdown_safe).
Brief pages go through pagepool.py: when many are to be rendered (a first build), worker
processes render them while this process renders the pages across briefs.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from pathlib import Path

import jinja2

from ..extraction.footnotes import NOTE_REFERENCE
from .export import SCHEMA, brief_to_dict, briefs_to_json, to_json
from .feed import FEED_PATH, feed_xml
from .highlight import Marked, highlight_paragraph, spans, text_anchor
from .markdown_safe import item_text, md_inline, md_text, safe_url, web_url
from ..model import Brief, Recommendation, Site
from .briefpage import brief_pages
from .compiled import keep_compiled
from .pagepool import BriefPages
from .rendercache import CachedEnvironment, RenderCache
from .write import Kept
from .pages import (BRIEFS_PER_PAGE, ITEMS_PER_PAGE, TAG_ENTRIES_PER_PAGE, pack, paginate,
                    render_pages)
from .search import ASSETS as SEARCH_ASSETS
from .shortlinks import permalink_files
from .views import (ENTITY_LIST_LIMIT, BriefLine, EntityView, actor_label, anchor, author_names,
                    brief_line, brief_tags, brief_title,
                    briefs_by_publication, briefs_by_tag, briefs_by_year, entities_by_kind,
                    entity_slug, entity_views, related_briefs, strength_counts,
                    strongest_first)

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
Lines = Mapping[str, BriefLine]
"""Each brief's line (views.BriefLine), by slug: how the lists across briefs show it."""
ASSETS = ("assets/briefs.css", "assets/iframe-worker-shim.js", *SEARCH_ASSETS)
"""Static files the pages need, copied from the templates folder as they are."""


def human_date(iso: str | None) -> str:
    """"2020-07-01" → "1 July 2020" (no locale, so every machine writes the same bytes)."""
    if not iso:
        return ""
    parts = iso.split("-")
    month = MONTH_NAMES[int(parts[1]) - 1] if len(parts) > 1 else ""
    return " ".join(p for p in (parts[2].lstrip("0") if len(parts) > 2 else "", month, parts[0]) if p)


def environment(templates: Path) -> jinja2.Environment:
    """A Jinja2 environment over the templates folder, with the escaping filters."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)),
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True, autoescape=False,
                             auto_reload=False)  # one build: no stat per render
    env.filters.update(md=md_text, md_inline=md_inline, plain=item_text, date=human_date,
                       authors=author_names, anchor=anchor, entity_slug=entity_slug,
                       text_anchor=text_anchor, actor=actor_label, safe_url=safe_url,
                       tags=brief_tags, web_url=web_url, title=brief_title)
    # `e` in these Markdown templates escapes an attribute of raw HTML, which Markdown
    # extensions still read (pymdownx.critic, snippets): md_text's references serve both.
    env.filters.update(e=md_text, escape=md_text)
    return env


NOTE_DEFINITION = re.compile(r"\[\^([\w.-]+)\]:")
"""A Markdown footnote's own text, "[^3]: Survey of ports, 2020.", kept in the full text."""


def without_dangling_notes(brief: Brief) -> Callable[[str], str]:
    """Text → the same without the `[^label]` references whose note the seed does not hold:
    they point nowhere, and "1933[^27_1]" reads as noise (a held note's label stays)."""
    held = {m.group(1) for p in brief.body if (m := NOTE_DEFINITION.match(p.text))}
    reference = re.compile(NOTE_REFERENCE)
    return lambda text: reference.sub(lambda m: m.group() if m["label"] in held else "", text)


def marked_body(brief: Brief) -> tuple[list[tuple[int, str, bool]], dict[str, str]]:
    """The full text as (paragraph number, Markdown, is a heading), each item's sentence
    marked in place, and where each item's "In the text" link goes: its mark, or its
    paragraph when the sentence could not be found word for word (a list item rejoined, a
    footnote dropped)."""
    shown = without_dangling_notes(brief)
    items: dict[int, list[Marked]] = defaultdict(list)
    for number, rec in enumerate(brief.recommendations, 1):
        items[rec.paragraph].append(Marked(shown(rec.text), rec.id, "recommendation", number))
    for number, q in enumerate(brief.open_questions, 1):
        items[q.paragraph].append(Marked(shown(q.text), q.id, "question", number))
    body, in_text = [], {}
    for p in brief.body:
        text = shown(p.text)
        body.append((p.number, highlight_paragraph(text, items[p.number]), p.heading))
        found = {m.id for _, _, m in spans(text, items[p.number])}
        in_text.update({m.id: text_anchor(m.id) if m.id in found else f"p{p.number}"
                        for m in items[p.number]})
    return body, in_text


def recommendations_by_actor(briefs: Iterable[Brief], lines: Lines
                             ) -> list[tuple[str, list[tuple[BriefLine, Recommendation]]]]:
    """Every recommendation, grouped by actor (alphabetical), strongest first within."""
    groups: dict[str, list[tuple[BriefLine, Recommendation]]] = defaultdict(list)
    for brief in briefs:
        for rec in brief.recommendations:
            groups[actor_label(rec)].append((lines[brief.slug], rec))
    return [(actor, strongest_first(items)) for actor, items in sorted(groups.items())]


def listed(groups: list[tuple[str, list[Brief]]], lines: Lines) -> list[tuple[str, list[BriefLine]]]:
    """Groups of briefs as the lines that list them."""
    return [(name, [lines[b.slug] for b in briefs]) for name, briefs in groups]


def home_order(briefs: Iterable[Brief]) -> list[Brief]:
    """Newest first; undated briefs after dated ones, then by title."""
    by_title = sorted(briefs, key=lambda b: (brief_title(b).lower(), b.slug))
    return sorted(by_title, key=lambda b: b.meta.date or "", reverse=True)  # stable


def render_recommendations(env: jinja2.Environment, briefs: list[Brief], lines: Lines
                           ) -> dict[str, str]:
    """All recommendations by actor: one page, or an index with counts and numbered pages."""
    groups = recommendations_by_actor(briefs, lines)
    counts = [(actor, strength_counts(r for _, r in items)) for actor, items in groups]
    return render_pages(env.get_template("recommendations.md.j2"),
                        paginate(groups, "recommendations.md", ITEMS_PER_PAGE),
                        "recommendations.md", counts=counts)


def render_brief_groups(env: jinja2.Environment, groups: list[tuple[str, list[BriefLine]]],
                        base: str, title: str, heading: str, prefix: str) -> dict[str, str]:
    """Briefs by year or by publication: one page, or an index of groups and numbered pages."""
    return render_pages(env.get_template("brief_groups.md.j2"),
                        paginate(groups, base, BRIEFS_PER_PAGE), base, title=title,
                        heading=heading, prefix=prefix, base=base,
                        counts=[(name, len(items)) for name, items in groups])


def render_questions(env: jinja2.Environment, briefs: list[Brief], lines: Lines) -> dict[str, str]:
    """All open questions, brief by brief: one page, or an index and numbered pages."""
    groups = [(lines[b.slug], b.open_questions)
              for b in home_order(b for b in briefs if b.open_questions)]
    return render_pages(env.get_template("questions.md.j2"),
                        paginate(groups, "questions.md", ITEMS_PER_PAGE), "questions.md",
                        lambda line, _: line.title)


def render_entities(env: jinja2.Environment, views: list[EntityView]) -> dict[str, str]:
    """A page for each entity a reader would look up, and their index (paginated)."""
    pages = paginate(entities_by_kind(views), "entities/index.md", ITEMS_PER_PAGE, "entities/all")
    files = render_pages(env.get_template("entities.md.j2"), pages, "entities/index.md",
                         lambda _, v: v.name)
    entity = env.get_template("entity.md.j2")
    files.update({f"entities/{v.slug}.md": entity.render(entity=v, limit=ENTITY_LIST_LIMIT)
                  for v in views})
    return files


def render_tags(env: jinja2.Environment, briefs: list[Brief], lines: Lines) -> dict[str, str]:
    """The tag listing: one page, or an index and pages of whole actors (at most
    TAG_ENTRIES_PER_PAGE briefs listed on a page, unless one actor alone has more)."""
    return render_pages(env.get_template("tags.md.j2"),
                        pack(listed(briefs_by_tag(briefs), lines), "tags.md", TAG_ENTRIES_PER_PAGE),
                        "tags.md")


def render_views(env: jinja2.Environment, briefs: list[Brief], lines: Lines,
                 entities: list[EntityView]) -> dict[str, str]:
    """The pages across briefs: home, recommendations, questions, entities, date,
    publication; each brief a list shows as its line (`lines`, by slug), the home page's
    newest as themselves (it shows their summary and counts)."""
    newest = home_order(briefs)
    files = {
        "index.md": env.get_template("index.md.j2").render(
            briefs=newest[:BRIEFS_PER_PAGE], total=len(newest)),
    }
    files.update(render_tags(env, briefs, lines))
    files.update(render_recommendations(env, briefs, lines))
    files.update(render_questions(env, briefs, lines))
    files.update(render_brief_groups(env, listed(briefs_by_year(briefs), lines), "by-date.md",
                                     "Briefs by date", "Year", "year-"))
    files.update(render_brief_groups(env, listed(briefs_by_publication(briefs), lines),
                                     "by-publication.md", "Briefs by publication", "Publication",
                                     "pub-"))
    files.update(render_entities(env, entities))
    return files


def linked_entities(brief: Brief, entity_pages: dict[str, str]) -> set[str]:
    """The slugs of the brief's entities that have pages (`entity_pages`: name → slug)."""
    return {entity_pages[e.name] for e in brief.entities if e.name in entity_pages}


def brief_page_text(env: jinja2.Environment, brief: Brief, page: object, linked: set[str]) -> str:
    """A brief's page: its marked body and the brief page template."""
    body, in_text = marked_body(brief)
    return env.get_template("brief.md.j2").render(brief=brief, body=body, in_text=in_text,
                                                  entity_pages=linked, page=page)


def render_brief_pages(env: jinja2.Environment, cache: RenderCache, templates: Path,
                       briefs: list[Brief], pages: dict[str, object],
                       entity_pages: dict[str, str]) -> BriefPages:
    """Every brief's page (pagepool.py), reused when the brief, its page's links and which
    of its entities have pages are as last time (its marked body is then not worked out
    again); `entity_pages` maps the name of every entity with a page to its slug."""
    inputs = {b.slug: (b, pages[b.slug], linked_entities(b, entity_pages)) for b in briefs}
    return BriefPages(env, cache, templates, inputs, brief_page_text, environment)


BRIEF_JSON = "brief-json"
"""The render cache's name for a brief's part of briefs.json (a caller may preset it)."""


JSON_HEAD, JSON_TAIL = (part.encode() for part in
                        to_json({"schema": SCHEMA, "briefs": ["\0"]}).split('"\\u0000"'))
JSON_SEPARATOR = b",\n    "
"""briefs.json is JSON_HEAD, each brief's part (in slug order) with JSON_SEPARATOR between,
then JSON_TAIL: briefs_to_json's very bytes. Bytes all through: at 1,000 briefs the file
is 15 MB, which as text would be decoded, copied and encoded again on every build."""


def brief_json_part(brief: Brief) -> bytes:
    """One brief's part of briefs.json: its dump, one level deeper."""
    return to_json(brief_to_dict(brief))[:-1].replace("\n", "\n    ").encode("utf-8")


def briefs_json(briefs: list[Brief], cache: RenderCache) -> bytes:
    """briefs_to_json's very bytes, each brief's part reused when the brief is unchanged."""
    if not briefs:
        return briefs_to_json(briefs).encode("utf-8")
    parts = [cache.get(BRIEF_JSON, b, partial(brief_json_part, b)) for b in briefs]
    return JSON_HEAD + JSON_SEPARATOR.join(parts) + JSON_TAIL


def json_spans(parts: list[bytes]) -> list[tuple[int, int]]:
    """Where each of `parts` (in slug order) sits in the briefs.json they make, as byte
    offsets: a later build reads a kept brief's part back from the file."""
    spans, start = [], len(JSON_HEAD)
    for part in parts:
        spans.append((start, start + len(part)))
        start += len(part) + len(JSON_SEPARATOR)
    return spans


def render_site(site: Site, templates: Path, directory_urls: bool = True,
                site_url: str | None = None, site_name: str = "Briefs",
                cache: RenderCache | None = None) -> dict[str, str | bytes | Kept]:
    """Every generated file of `site_src/`, as {relative path: content, or Kept when the
    cache finds its file holds it already}; `directory_urls`
    as MkDocs' use_directory_urls (False in the offline copy), `site_url` and `site_name`
    as in mkdocs.yml (the feed's links and title); `cache` reuses the renders of inputs
    seen before (rendercache.py)."""
    cache = cache or RenderCache(None, templates)
    env = keep_compiled(environment(templates), cache.folder, "pages")
    briefs = sorted(site.briefs, key=lambda b: b.slug)
    lines = {b.slug: brief_line(b) for b in briefs}
    pages = brief_pages(home_order(briefs), related_briefs(briefs), lines)
    entities = entity_views(briefs, lines)
    slugs = {v.slug for v in entities}
    names = {e.name for b in briefs for e in b.entities}
    entity_pages = {n: s for n, s in ((n, entity_slug(n)) for n in names) if s in slugs}
    with render_brief_pages(env, cache, templates, briefs, pages, entity_pages) as brief_files:
        files = render_views(CachedEnvironment(env, cache), briefs, lines, entities)
        files["briefs.json"] = briefs_json(briefs, cache)
        files[FEED_PATH] = cache.get("feed", (briefs, site_name, site_url, directory_urls),
                                     lambda: feed_xml(home_order(briefs), site_name, site_url,
                                                      directory_urls))
        files.update({a: (templates / a).read_text(encoding="utf-8") for a in ASSETS})
        files.update(permalink_files(site.ids, {b.slug for b in briefs}, templates,
                                     directory_urls, cache))
        files.update({f"briefs/{slug}.md": page for slug, page in brief_files.pages_by_slug().items()})
    return cache.settle(files)
