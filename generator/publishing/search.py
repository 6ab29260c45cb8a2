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

import subprocess
import sys
from collections.abc import Mapping
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
PAGES = "{*.html,[!r]*/**/*.html,r?*/**/*.html}"
"""The files Pagefind reads: every HTML page but the short-link pages under `r/`
(shortlinks.SHORT_DIR), static redirects with nothing to index: 12,500 files at 1,000
briefs, which took half of Pagefind's time (60 → 30 s) and 150 MB of its memory."""


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


def run_pagefind(site: Path) -> str:
    """Index the built site into `site/pagefind/`; Pagefind's summary, or an error."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind",
         "--glob", PAGES, "--exclude-selectors", EXCLUDED],
        capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        raise RuntimeError(f"pagefind failed: {result.stderr.strip() or result.stdout.strip()}")
    return " ".join(line.strip() for line in result.stdout.splitlines() if "Indexed" in line)
