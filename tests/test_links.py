"""Every internal link of the built site resolves: the file exists, and so does the #fragment.

Both builds are checked: the served site and the offline copy (opened from disk, where a
link to a folder does not open its index.html). And the site asks no other host for anything.
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src",
              "source": "src", "audio": "src", "video": "src", "embed": "src"}
NOT_FILES = ("mailto:", "javascript:", "data:", "tel:")


class Page(HTMLParser):
    """One HTML page's ids and the links it carries (tag, link, all attributes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.ids.update(values[k] for k in ("id", "name") if values.get(k))
        if LINK_ATTRS.get(tag) in values:
            self.links.append((tag, values[LINK_ATTRS[tag]], values))


def parse(path: Path) -> Page:
    """A built page, parsed."""
    page = Page()
    page.feed(path.read_text("utf-8"))
    return page


def target_file(site: Path, page: Path, path: str) -> Path:
    """The file a relative or root-relative link path points at (a folder → its index)."""
    base = site if path.startswith("/") else page.parent
    target = (base / unquote(path.lstrip("/"))).resolve() if path else page
    return target / "index.html" if target.is_dir() else target


def broken_links(site: Path, offline: bool) -> list[str]:
    """Every internal link of every page that does not resolve, as 'page: link (why)'."""
    pages = {p.resolve(): parse(p) for p in sorted(site.rglob("*.html"))}
    broken = []
    for path, page in pages.items():
        for tag, link, _ in page.links:
            url = urlsplit(link)
            if url.scheme or url.netloc or link.startswith(NOT_FILES):
                continue
            target = target_file(site, path, url.path)
            where = f"{path.relative_to(site.resolve())}: {link}"
            if offline and tag == "a" and url.path.endswith("/"):
                broken.append(f"{where} (a folder link does not open from disk)")
            elif not target.is_file():
                broken.append(f"{where} (no file)")
            elif url.fragment and target in pages and unquote(url.fragment) not in pages[target].ids:
                broken.append(f"{where} (no id {url.fragment!r})")
    return broken


@pytest.mark.parametrize("build", ["built_site", "offline_site"])
def test_no_broken_internal_link(build: str, request: pytest.FixtureRequest) -> None:
    site = request.getfixturevalue(build)
    assert not broken_links(site, offline=build == "offline_site")


@pytest.mark.parametrize("build", ["built_site", "offline_site"])
def test_no_resource_from_another_host(build: str, request: pytest.FixtureRequest) -> None:
    site = request.getfixturevalue(build)
    external = [f"{p.relative_to(site)}: {link}"
                for p in sorted(site.rglob("*.html"))
                for tag, link, attrs in parse(p).links
                if (tag != "a" and not (tag == "link" and attrs.get("rel") == "canonical"))
                and (urlsplit(link).scheme in ("http", "https") or link.startswith("//"))]
    assert not external


def test_checker_reports_what_is_broken(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="x">X</h2><a href="#x">ok</a>'
                                               '<a href="../b/">gone</a><a href="#y">no id</a>'
                                               '<img src="/a/">', "utf-8")
    (tmp_path / "index.html").write_text('<a href="a/#x">ok</a><a href="a/#z">bad</a>', "utf-8")
    assert broken_links(tmp_path, offline=False) == [
        "a/index.html: ../b/ (no file)", "a/index.html: #y (no id 'y')",
        "index.html: a/#z (no id 'z')"]
    assert "index.html: a/#x (a folder link does not open from disk)" in broken_links(tmp_path, True)
