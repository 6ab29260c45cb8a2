"""The bytes a reader's browser fetches for a first search, measured in Chromium.

    .venv/bin/python bench/first_search.py site/ "words to search"

Serves the built site on 127.0.0.1, opens its home page in Debian's headless Chromium,
searches with whichever engine the site has (Material's search box, or the Pagefind
button the `briefs` plugin puts in the header) and prints the bytes of every search
response (Material's index and worker, or Pagefind's script, wasm, index chunks and
fragments), from the page's load until the first results show. Prints only.
"""
from __future__ import annotations

import argparse
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SEARCH_PATHS = ("/search/", "/workers/search", "/pagefind/")


class Quiet(SimpleHTTPRequestHandler):
    """The site, without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


def first_search(site: Path, query: str) -> list[tuple[str, int]]:
    """(path, bytes) of each search response until the first results show."""
    from playwright.sync_api import sync_playwright
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fetched: list[tuple[str, int]] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            page.set_default_timeout(120_000)
            page.on("requestfinished", lambda r: fetched.append(
                (urlsplit(r.url).path, len(r.response().body()))))
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            if page.locator(".briefs-search-button").count():
                page.locator(".briefs-search-button").click()
                page.locator("#briefs-search-input").fill(query)
                page.locator(".briefs-search__results li").first.wait_for()
            else:
                page.locator("input.md-search__input").click()
                page.locator("input.md-search__input").press_sequentially(query)
                page.locator(".md-search-result__item").first.wait_for()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return [(path, size) for path, size in fetched if any(s in path for s in SEARCH_PATHS)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("query")
    args = parser.parse_args()
    fetched = first_search(args.site.resolve(), args.query)
    for path, size in fetched:
        print(f"  {size:>12,}  {path}")
    print(f"first search: {sum(s for _, s in fetched):,} bytes in {len(fetched)} responses")


if __name__ == "__main__":
    main()
