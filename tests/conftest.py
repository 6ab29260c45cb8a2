"""Shared test setup: `--update-golden`, the session-wide site builds and Chromium."""
from __future__ import annotations

import functools
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from seedkit import project_with_every_case
from siteproject import build_copy, mkdocs_build

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output (review the diff!)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def every_case_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    """One `mkdocs build` of the real seeds plus every bad, edge and hostile case (shared)."""
    project = project_with_every_case(tmp_path_factory.mktemp("every-case"))
    return project, mkdocs_build(project)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once per test session, in a copy of the project."""
    return build_copy(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The copy that works opened from disk: `OFFLINE=true mkdocs build`."""
    return build_copy(tmp_path_factory.mktemp("offline"), OFFLINE="true")


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    """Debian's headless Chromium under Playwright, one for the whole session (Playwright's
    sync API allows one at a time). Missing: a failure, never a skip (`make test` installs
    it first when it can, or names the command)."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, or as root: "
                    "apt-get update && apt-get install -y chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the built site without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The site served on a free port of 127.0.0.1, built with that address as its
    site_url: instant navigation follows only links whose port matches the sitemap's."""
    dest = tmp_path_factory.mktemp("served")
    handler = functools.partial(QuietHandler, directory=str(dest / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    site = build_copy(dest, SITE_URL=base)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base, site
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(served: tuple[str, Path]) -> str:
    return served[0]


@pytest.fixture(scope="session")
def site(served: tuple[str, Path]) -> Path:
    return served[1]
