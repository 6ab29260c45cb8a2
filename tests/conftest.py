"""Shared test setup: the project root, and `--update-golden` to refresh golden files."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from seedkit import mkdocs_build, project_with_every_case

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
def every_case_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    """One `mkdocs build` of the real seeds plus every bad, edge and hostile case (shared)."""
    project = project_with_every_case(tmp_path_factory.mktemp("every-case"))
    return project, mkdocs_build(project)
