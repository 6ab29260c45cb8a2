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
from .markdown_safe import md_inline, md_text, plain_text, web_url
from .model import Brief, Recommendation, Site
from .shortlinks import permalink_files

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
STRENGTH_ORDER = {"must": 0, "should": 1, "could": 2}


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
                       authors=author_names, web_url=web_url)
    return env


def recommendations_by_actor(briefs: Iterable[Brief]) -> list[tuple[str, list[tuple[Brief, Recommendation]]]]:
    """Every recommendation, grouped by actor (alphabetical), strongest first within."""
    groups: dict[str, list[tuple[Brief, Recommendation]]] = defaultdict(list)
    for brief in briefs:
        for rec in brief.recommendations:
            groups[rec.actor or "No named actor"].append((brief, rec))
    return [(actor, sorted(items, key=lambda br: (STRENGTH_ORDER[br[1].strength], br[0].slug,
                                                  br[1].paragraph, br[1].sentence)))
            for actor, items in sorted(groups.items())]


def home_order(briefs: Iterable[Brief]) -> list[Brief]:
    """Newest first; undated briefs after dated ones, then by title."""
    by_title = sorted(briefs, key=lambda b: ((b.meta.title or b.slug).lower(), b.slug))
    return sorted(by_title, key=lambda b: b.meta.date or "", reverse=True)  # stable


def render_site(site: Site, templates: Path) -> dict[str, str]:
    """Every generated file of `site_src/`, as {relative path: content}."""
    env = environment(templates)
    briefs = sorted(site.briefs, key=lambda b: b.slug)
    files = {f"briefs/{b.slug}.md": env.get_template("brief.md.j2").render(brief=b)
             for b in briefs}
    files["index.md"] = env.get_template("index.md.j2").render(briefs=home_order(briefs))
    files["recommendations.md"] = env.get_template("recommendations.md.j2").render(
        groups=recommendations_by_actor(briefs))
    files["questions.md"] = env.get_template("questions.md.j2").render(briefs=briefs)
    files["briefs.json"] = briefs_to_json(briefs)
    files.update(permalink_files(site.ids, {b.slug for b in briefs}, templates))
    return files
