"""What a built site weighs for a reader: its HTML pages, the biggest ones, and its search.

    .venv/bin/python bench/site_weight.py site/

Prints the number of HTML pages (short-link pages under r/ apart: tiny static redirects),
the biggest pages, a brief page's size, and the search a reader downloads: Material's
whole index (search/search_index.json) or Pagefind's bundle, of which a query fetches a
few files (measured in Chromium by tests/test_pagefind.py). Prints only, asserts nothing.
"""
from __future__ import annotations

import argparse
from pathlib import Path

KB = 1024


def pages(site: Path) -> list[tuple[int, str]]:
    """Every themed HTML page of the site with its size, biggest first."""
    found = [(p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")
             if not p.relative_to(site).as_posix().startswith("r/")]
    return sorted(found, reverse=True)


def folder_size(folder: Path) -> int:
    """The bytes of every file under a folder (0 when it is missing)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--top", type=int, default=8)
    args = parser.parse_args()
    site, top = args.site, args.top
    sized = pages(site)
    print(f"HTML pages: {len(sized):,} (+{sum(1 for _ in site.glob('r/*/index.html')):,} short-link pages)")
    print(f"entity pages: {sum(1 for _, p in sized if p.startswith('entities/')):,}")
    for size, path in sized[:top]:
        print(f"  {size / KB:8.1f} KB  {path}")
    briefs = sorted(s for s, p in sized if p.startswith("briefs/"))
    if briefs:
        print(f"brief page: median {briefs[len(briefs) // 2] / KB:.1f} KB, max {briefs[-1] / KB:.1f} KB")
    index = site / "search" / "search_index.json"
    if index.is_file():
        print(f"Material search index (every reader fetches it): {index.stat().st_size / KB:,.1f} KB")
    if (site / "pagefind").is_dir():
        print(f"Pagefind bundle on disk: {folder_size(site / 'pagefind') / KB:,.1f} KB "
              f"(a query fetches a few of its files)")


if __name__ == "__main__":
    main()
