"""What a saved page's <head> says about its article: meta tags and JSON-LD → metadata pairs.

A page states its headline, authors, publication date and site for search engines and
social cards (`og:title`, `article:published_time`, `author`, JSON-LD `Article` objects).
Those statements are read before any guess from the visible text; a value that is not what
its field promises (an author "Username", a URL, a handle) is dropped, never kept.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator

import lxml.html

from .bylines import clean_name, looks_like_name
from ..rules import active, rule

META = {
    "title": ("og:title", "twitter:title", "citation_title", "dc.title"),
    "author": ("author", "article:author", "citation_author", "dc.creator", "byl",
               "parsely-author", "sailthru.author"),
    "date": ("article:published_time", "citation_publication_date", "citation_date",
             "dc.date.issued", "dc.date", "date", "pubdate", "publish-date", "parsely-pub-date",
             "sailthru.date", "og:published_time"),
    "site": ("og:site_name", "citation_publisher", "dc.publisher", "application-name"),
}
ARTICLE_TYPES = {"article", "newsarticle", "opinionnewsarticle", "reportagenewsarticle",
                 "analysisnewsarticle", "blogposting", "report", "scholarlyarticle",
                 "techarticle", "socialmediaposting", "reviewnewsarticle"}
ISO_DAY = re.compile(r"((?:19|20)\d\d-[01]\d-[0-3]\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$")
NAME_SPLIT = re.compile(r"\s*(?:;|,\s*(?:and\s+)?|\s+and\s+|&)\s*")
TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—:·•»-]|::|--)\s+")

HEAD_FIRST = rule("page-head-first", "metadata", "A saved page's <head> (og:/article: meta, "
                  "JSON-LD Article) states title, authors, date and site: read before the text.")
SITE_SUFFIX = rule("title-site-suffix", "metadata", "A page title ends ' | Site' or ' - Site' for "
                   "the browser tab; the headline is the part that is not the site's name.")
SITE_TAGLINE = rule("site-name-tagline", "metadata", "A site name followed by its slogan ('Name | "
                    "Your daily news') is the name; the slogan is a sentence, not a name.")
OWNER_NOT_AUTHOR = rule("owner-not-author", "metadata", "An author tag naming the page's copyright "
                        "holder or publisher names the company that owns the site, not a writer.")


def meta_values(tree: lxml.html.HtmlElement, keys: tuple[str, ...]) -> list[str]:
    """Contents of <meta name|property=key> tags, in the order of `keys`."""
    found: dict[str, list[str]] = {}
    for tag in tree.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        if key in keys and (tag.get("content") or "").strip():
            found.setdefault(key, []).append(" ".join(tag.get("content").split()))
    return [v for k in keys for v in found.get(k, [])]


def json_ld_objects(tree: lxml.html.HtmlElement) -> Iterator[dict]:
    """Every JSON-LD object of the page (top level, in lists and in @graph); bad JSON skipped."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack += item
            elif isinstance(item, dict):
                stack += item.get("@graph", []) if isinstance(item.get("@graph"), list) else []
                yield item


def is_article(item: dict) -> bool:
    """A JSON-LD object that describes an article (its @type, one or several)."""
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(str(k).lower() in ARTICLE_TYPES for k in kinds)


def names_in(value: object) -> list[str]:
    """JSON-LD `author`/`publisher`: a string, an object with a name, or a list of them."""
    values = value if isinstance(value, list) else [value]
    out = []
    for v in values:
        name = v.get("name") if isinstance(v, dict) else v
        out += [" ".join(name.split())] if isinstance(name, str) and name.strip() else []
    return out


def person_names(value: str) -> list[str]:
    """An author field → the person names in it; URLs, handles, 'By' and non-names dropped."""
    value = re.sub(r"\(?\bhttps?://\S*\)?|^by\s+", "", value, flags=re.I)
    parts = [clean_name(p) for p in NAME_SPLIT.split(value) if p.strip()]
    return [p for p in parts if looks_like_name(p) and "@" not in p]


def marked_bylines(tree: lxml.html.HtmlElement) -> list[str]:
    """Names in the first element the page marks as its byline (class "byline", itemprop or
    rel "author"), when it is short and reads as names."""
    for element in tree.iter():
        marks = f"{element.get('class') or ''} {element.get('itemprop') or ''} {element.get('rel') or ''}"
        if not isinstance(element.tag, str) or not re.search(r"byline|\bauthor\b", marks, re.I):
            continue
        text = " ".join(" ".join(element.itertext()).split())
        names = person_names(text) if 0 < len(text.split()) <= 12 else []
        if names:
            return names
    return []


def day_of(value: str) -> str | None:
    """An ISO date or timestamp as the page wrote it → the day (its own time zone kept)."""
    found = ISO_DAY.match(value.strip())
    return found.group(1) if found else None


def drop_site_suffix(title: str, sites: list[str], h1: str | None) -> str:
    """'Headline | Site' → 'Headline', when a part is the site's name or the rest is the <h1>."""
    parts = TITLE_SEPARATOR.split(title)
    if len(parts) < 2 or not active(SITE_SUFFIX):
        return title
    fold = lambda s: re.sub(r"^the ", "", re.sub(r"\W+", " ", s).strip().casefold())
    known = {fold(s) for s in sites if s}
    for head, tail in ((parts[:-1], parts[-1]), (parts[1:], parts[0])):
        rest = " - ".join(head) if len(head) > 1 else head[0]
        if fold(tail) in known or (h1 and fold(rest) == fold(h1)):
            return rest
    return title


def without_tagline(site: str) -> str:
    """'Name | Slogan in lower-case words' → 'Name' (a name is capitalised words, a slogan is not)."""
    parts = TITLE_SEPARATOR.split(site)
    if len(parts) < 2 or not active(SITE_TAGLINE):
        return site
    lower = lambda part: sum(w[:1].islower() for w in part.split())
    return parts[0] if lower(parts[0]) == 0 and lower(" ".join(parts[1:])) >= 2 else site


COPYRIGHT_WORDS = re.compile(r"(?i)copyright|©|\(c\)|all rights reserved|\b(?:19|20)\d\d\b|[-–,.;]")


def owners(tree: lxml.html.HtmlElement, publishers: list[str]) -> set[str]:
    """Who owns the page: its publishers and the holder its copyright tag names, folded."""
    notices = meta_values(tree, ("copyright", "dc.rights", "rights"))
    holders = [COPYRIGHT_WORDS.sub(" ", n) for n in notices]
    return {" ".join(h.split()).strip(" .,").casefold() for h in [*holders, *publishers] if h.strip()}


def head_meta(tree: lxml.html.HtmlElement) -> dict[str, list[str]]:
    """The page's own statements: {'title'|'author'|'date'|'site': values, best first}."""
    if not active(HEAD_FIRST):
        return {}
    articles = [o for o in json_ld_objects(tree) if is_article(o)]
    ld = lambda key: [v for o in articles for v in names_in(o.get(key))]
    sites = [without_tagline(s) for s in meta_values(tree, META["site"])] + ld("publisher")
    owned = owners(tree, ld("publisher")) if active(OWNER_NOT_AUTHOR) else set()
    authors = [n for v in ld("author") + meta_values(tree, META["author"]) for n in person_names(v)
               if n.casefold() not in owned]
    authors = authors or marked_bylines(tree)
    dates = [d for v in ld("datePublished") + meta_values(tree, META["date"]) if (d := day_of(v))]
    h1 = next((" ".join(" ".join(h.itertext()).split()) for h in tree.iter("h1")), None)
    titles = [drop_site_suffix(t, sites, h1) for t in ld("headline") + meta_values(tree, META["title"])]
    return {"title": titles, "author": list(dict.fromkeys(authors)), "date": dates, "site": sites}
