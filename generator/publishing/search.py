"""Which search the site gets, and Pagefind's part of it.

Material's search makes every reader download the whole index before the first result
(~10 KB per brief: 10.5 MB at 1,000 briefs). Pagefind indexes the built pages into small fragments, and a
query fetches only the few it needs. So a site gets Pagefind from PAGEFIND_FROM seeds on
(`search: auto`, the default), or always (`search: pagefind`), or never (`material`).
The offline copy keeps Material's search: Pagefind's fragments cannot be fetched from disk.

Both engines index the same things: a page whose front matter says `search: exclude`
stays out, and so does any element marked `data-search-exclude` (a list that repeats
what a brief says), so a recommendation is found once, on its brief, under its own
heading — Pagefind lists it as a sub-result with the heading's anchor.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

ENGINES = ("auto", "pagefind", "material")
PAGEFIND_FROM = 200
"""Seeds from which `auto` picks Pagefind: Material's index is then ~2 MB for every
reader (~65 KB gzipped, when the server compresses), and grows with each brief, while a
first Pagefind search stays ~170 KB plus a few fragments."""
ASSETS = ("assets/pagefind-search.js", "assets/pagefind-search.css")
"""The header search box wired to Pagefind's API (added to the pages in Pagefind mode)."""
EXCLUDED = "[data-search-exclude], .headerlink"
"""What Pagefind skips: what Material's search skips, and the headings' ¶ permalinks."""
BODY = '<div data-pagefind-body>{}</div>'
OUTPUT = "pagefind"
PAGES_PER_BUNDLE = 500
"""Pages one Pagefind run indexes. Pagefind holds ~0.45 MB per page until it has written
its bundle (490 MB for a site of 1,000 briefs, beside MkDocs' ~100 MB), so a bigger site
is indexed in parts, one run after another: `pagefind/` and `pagefind/part-1/`, … which
the search box merges in the reader's browser (Pagefind's mergeIndex), listed in
PARTS_FILE. Each part adds ~6 KB (its entry, meta, index chunks; the wasm is loaded once)
to a reader's first search: 198 → 215 KB at 1,000 briefs in 3 parts."""
PARTS_FILE = "parts.json"
GLOB_SPECIAL = frozenset("\\*?$[]{},<>:()!#")
"""Characters with a meaning in Pagefind's globs, escaped in a page's path."""


def choose_engine(option: str, seeds: int, offline: bool, threshold: int = PAGEFIND_FROM) -> str:
    """"pagefind" or "material" for a site of `seeds` seeds (offline copy: Material)."""
    if offline or option == "material":
        return "material"
    if option == "pagefind":
        return "pagefind"
    return "pagefind" if seeds >= threshold else "material"


def excluded(meta: Mapping) -> bool:
    """Whether a page's front matter keeps it out of search (Material's `search: exclude`)."""
    search = meta.get("search")
    return isinstance(search, Mapping) and bool(search.get("exclude"))


def pagefind_body(html: str, meta: Mapping) -> str:
    """A page's content marked for Pagefind: only pages carrying data-pagefind-body are
    indexed, so a page kept out of Material's search is kept out of Pagefind's too."""
    return html if excluded(meta) else BODY.format(html)


def bundles(pages: Sequence[str], per_bundle: int = PAGES_PER_BUNDLE) -> list[tuple[str, list[str]]]:
    """The pages to index (site-relative paths) in as few parts of at most `per_bundle` as
    hold them, of even sizes, each with the folder its bundle goes to: the first `pagefind`,
    then `pagefind/part-1`, …"""
    ordered = sorted(pages)
    count = max(1, -(-len(ordered) // per_bundle))
    bounds = [len(ordered) * n // count for n in range(count + 1)]
    chunks = [ordered[a:b] for a, b in zip(bounds, bounds[1:])]
    return [(OUTPUT if n == 0 else f"{OUTPUT}/part-{n}", chunk) for n, chunk in enumerate(chunks)]


def glob_of(pages: Sequence[str]) -> str:
    """A Pagefind glob that matches exactly these site-relative paths."""
    escaped = ("".join("\\" + c if c in GLOB_SPECIAL else c for c in page) for page in pages)
    return "{" + ",".join(escaped) + "}"


def run_pagefind(site: Path, pages: Sequence[str], per_bundle: int = PAGES_PER_BUNDLE) -> str:
    """Index `pages` of the built site into `site/pagefind/` (and its parts); how many
    pages each run indexed, or an error. The plugin passes the pages it marked
    data-pagefind-body: the short-link redirects and other unmarked pages are never read."""
    parts = bundles(pages, per_bundle)
    summary = [index_bundle(site, output, chunk) for output, chunk in parts]
    extra = [output.removeprefix(OUTPUT + "/") + "/" for output, _ in parts[1:]]
    (site / OUTPUT / PARTS_FILE).write_text(json.dumps(extra), encoding="utf-8")
    return f"{' + '.join(summary)} pages indexed in {len(parts)} run(s)"


def index_bundle(site: Path, output: str, pages: Sequence[str]) -> str:
    """One Pagefind run over `pages` into `site/<output>/`. The glob goes in a config file
    (Pagefind reads pagefind.json from its working folder): one argument could not hold it."""
    with tempfile.TemporaryDirectory() as work:
        config = {"site": str(site.resolve()), "output_subdir": output, "glob": glob_of(pages),
                  "exclude_selectors": [EXCLUDED]}
        (Path(work) / "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "pagefind"], cwd=work,
                                capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        raise RuntimeError(f"pagefind failed: {result.stderr.strip() or result.stdout.strip()}")
    counts = re.findall(r"Indexed (\d+) pages?", result.stdout)
    return counts[-1] if counts else "0"
