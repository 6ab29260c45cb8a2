"""Two builds of the same seeds give byte-identical site_src/ (and so the same ids).

Each build runs in its own process with its own hash seed, in its own folder, so set
order, dict order from hashing, and absolute paths would all show up as a difference.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from seedkit import project_with_every_case

STATE_FILES = ("ids.lock.json",)
"""Files a build keeps beside site_src/ that must come out the same too."""


def generator_build(project: Path, hash_seed: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


def digest(project: Path) -> dict[str, str]:
    """Every file of site_src/ (and the id registry) → its SHA-256."""
    paths = [p for p in sorted((project / "site_src").rglob("*")) if p.is_file()]
    paths += [project / name for name in STATE_FILES if (project / name).is_file()]
    return {p.relative_to(project).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in paths}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    first = project_with_every_case(tmp_path_factory.mktemp("first"))
    second = project_with_every_case(tmp_path_factory.mktemp("second-in-another-folder"))
    for project, seed in ((first, "1"), (second, "2")):
        result = generator_build(project, seed)
        assert result.returncode == 0, result.stderr
    return first, second


def test_two_builds_are_byte_identical(two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    assert len(digest(first)) > 10
    assert digest(first) == digest(second)


def test_rebuilding_changes_nothing(two_builds: tuple[Path, Path]) -> None:
    first, _ = two_builds
    before = digest(first)
    result = generator_build(first, "3")
    assert result.returncode == 0 and ", 0 files changed" in result.stderr
    assert digest(first) == before
