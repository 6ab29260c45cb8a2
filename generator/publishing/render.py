"""Site → Markdown pages (and static files) for `site_src/`, through the Jinja2 templates.

Python decides what goes on a page (grouping, ordering, labels); templates only lay it out.
Every value from a seed passes through an escaping filter (see markdown_safe).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import jinja2

from .export import briefs_to_json
from .highlight import Marked, highlight_paragraph, spans, text_anchor
from .markdown_safe import md_inline, md_text, plain_text, safe_url, web_url
from ..model import Brief, Recommendation, Site
from .briefpage import brief_pages
from .shortlinks import permalink_files
from .views import (actor_label, anchor, brief_tags, briefs_by_publication, briefs_by_year,
                    entities_by_kind, entity_slug, entity_views, related_briefs,
                    strength_counts, strongest_first)

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
ASSETS = ("assets/briefs.css", "assets/iframe-worker-shim.js")
"""Static files the pages need, copied from the templates folder as they are."""


def human_date(iso: str | None) -> str:
    """"2020-07-01" → "1 July 2020" (no locale, so every machine writes the same bytes)."""
    if not iso:
        return ""
    parts = iso.split("-")
    month = MONTH_NAMES[int(parts[1]) - 1] if len(parts) > 1 else ""
    return " ".join(p for p in (parts[2].lstrip("0") if len(parts) > 2 else "", month, parts[0]) if p)


def author_names(brief: Brief) -> str:
    """"A, B and C" for the byline."""
    names = [a.name for a in brief.meta.authors]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def environment(templates: Path) -> jinja2.Environment:
    """A Jinja2 environment over the templates folder, with the escaping filters."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)),
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True, autoescape=False)
    env.filters.update(md=md_text, md_inline=md_inline, plain=plain_text, date=human_date,
                       authors=author_names, anchor=anchor, entity_slug=entity_slug,
                       text_anchor=text_anchor, actor=actor_label, safe_url=safe_url,
                       tags=brief_tags, web_url=web_url)
    return env


def marked_body(brief: Brief) -> tuple[list[tuple[int, str]], dict[str, str]]:
    """The full text as (paragraph number, Markdown), each item's sentence marked in place,
    and where each item's "In the text" link goes: its mark, or its paragraph when the
    sentence could not be found word for word (a list item rejoined, a footnote dropped)."""
    items: dict[int, list[Marked]] = defaultdict(list)
    for number, rec in enumerate(brief.recommendations, 1):
        items[rec.paragraph].append(Marked(rec.text, rec.id, "recommendation", number))
    for number, q in enumerate(brief.open_questions, 1):
        items[q.paragraph].append(Marked(q.text, q.id, "question", number))
    body, in_text = [], {}
    for p in brief.body:
        body.append((p.number, highlight_paragraph(p.text, items[p.number])))
        found = {m.id for _, _, m in spans(p.text, items[p.number])}
        in_text.update({m.id: text_anchor(m.id) if m.id in found else f"p{p.number}"
                        for m in items[p.number]})
    return body, in_text


def recommendations_by_actor(briefs: Iterable[Brief]) -> list[tuple[str, list[tuple[Brief, Recommendation]]]]:
    """Every recommendation, grouped by actor (alphabetical), strongest first within."""
    groups: dict[str, list[tuple[Brief, Recommendation]]] = defaultdict(list)
    for brief in briefs:
        for rec in brief.recommendations:
            groups[actor_label(rec)].append((brief, rec))
    return [(actor, strongest_first(items)) for actor, items in sorted(groups.items())]


def home_order(briefs: Iterable[Brief]) -> list[Brief]:
    """Newest first; undated briefs after dated ones, then by title."""
    by_title = sorted(briefs, key=lambda b: ((b.meta.title or b.slug).lower(), b.slug))
    return sorted(by_title, key=lambda b: b.meta.date or "", reverse=True)  # stable


def render_views(env: jinja2.Environment, briefs: list[Brief]) -> dict[str, str]:
    """The pages across briefs: home, recommendations, questions, entities, date, publication."""
    groups = recommendations_by_actor(briefs)
    entities = entity_views(briefs)
    grouped = env.get_template("brief_groups.md.j2")
    files = {
        "index.md": env.get_template("index.md.j2").render(briefs=home_order(briefs)),
        "recommendations.md": env.get_template("recommendations.md.j2").render(
            groups=groups, counts=[(actor, strength_counts(r for _, r in items))
                                   for actor, items in groups]),
        "questions.md": env.get_template("questions.md.j2").render(
            briefs=home_order(b for b in briefs if b.open_questions)),
        "by-date.md": grouped.render(title="Briefs by date", prefix="year-",
                                     groups=briefs_by_year(briefs)),
        "by-publication.md": grouped.render(title="Briefs by publication", prefix="pub-",
                                            groups=briefs_by_publication(briefs)),
        "entities/index.md": env.get_template("entities.md.j2").render(
            groups=entities_by_kind(entities)),
        "tags.md": env.get_template("tags.md.j2").render(),
    }
    entity = env.get_template("entity.md.j2")
    files.update({f"entities/{v.slug}.md": entity.render(entity=v) for v in entities})
    return files


def render_site(site: Site, templates: Path, directory_urls: bool = True) -> dict[str, str]:
    """Every generated file of `site_src/`, as {relative path: content}; `directory_urls`
    as MkDocs' use_directory_urls (False in the offline copy)."""
    env = environment(templates)
    briefs = sorted(site.briefs, key=lambda b: b.slug)
    brief_page = env.get_template("brief.md.j2")
    pages = brief_pages(home_order(briefs), related_briefs(briefs))
    files = {}
    for b in briefs:
        body, in_text = marked_body(b)
        files[f"briefs/{b.slug}.md"] = brief_page.render(brief=b, body=body, in_text=in_text,
                                                         page=pages[b.slug])
    files.update(render_views(env, briefs))
    files["briefs.json"] = briefs_to_json(briefs)
    files.update({a: (templates / a).read_text(encoding="utf-8") for a in ASSETS})
    files.update(permalink_files(site.ids, {b.slug for b in briefs}, templates, directory_urls))
    return files
