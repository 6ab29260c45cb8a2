"""Shared test setup: the project root, and `--update-golden` to refresh golden files."""
from __future__ import annotations

from pathlib import Path

import pytest
from siteproject import build_copy

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output (review the diff!)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once per test session, in a copy of the project."""
    return build_copy(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The copy that works opened from disk: `OFFLINE=true mkdocs build`."""
    return build_copy(tmp_path_factory.mktemp("offline"), OFFLINE="true")
