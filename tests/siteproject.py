"""The project as tests see it: its root, its seeds' briefs, a throwaway copy of it, and
`mkdocs build` in that copy (for end-to-end tests)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

from generator.extraction.aliases import load_aliases
from generator.build import parse_seed
from generator.identity.ids import assign_ids
from generator.model import Brief

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
EXTRA_SEEDS = "BRIEFS_EXTRA_SEEDS"
"""An environment variable naming a folder whose seeds join the repo's in the sites the
reader, browser, search, link and feed tests build (`built_site`, `served`, `offline_site`):
the same checks on a bigger corpus, e.g. the dev corpus, which stays outside the repo."""


@cache
def seed_brief(path: Path) -> Brief:
    """A seed's brief as `extract` gives it with no registry: built-in aliases, fresh ids
    (parsed once per session: briefs are frozen)."""
    brief = parse_seed(path, ROOT, load_aliases(None))
    return assign_ids([brief], (), complete=False).briefs[0]


def copy_project(dest: Path) -> Path:
    """The project's inputs (config, seeds, templates, theme overrides, aliases) in a fresh
    folder."""
    for name in ("mkdocs.yml", "aliases.yaml"):
        shutil.copy(ROOT / name, dest / name)
    for name in ("seeds", "templates", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    (dest / "site_src").mkdir()
    return dest


def mkdocs_build(project: Path, *extra: str, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build` in `project`, as a user runs it, with extra arguments and environment."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *extra],
                          cwd=project, env=env, capture_output=True, text=True, timeout=600)


def add_extra_seeds(project: Path) -> None:
    """The seeds of the folder named by $BRIEFS_EXTRA_SEEDS, if any, copied into `project`."""
    folder = os.environ.get(EXTRA_SEEDS)
    if folder:
        extra = [p for p in sorted(Path(folder).iterdir()) if p.is_file()]
        assert extra, f"${EXTRA_SEEDS}={folder} holds no seeds"
        for seed in extra:
            shutil.copy(seed, project / "seeds" / seed.name)


def build_copy(dest: Path, **env: str) -> Path:
    """A copy of the project (plus any $BRIEFS_EXTRA_SEEDS) built into `dest/site`; fails
    loudly on any warning."""
    project = copy_project(dest)
    add_extra_seeds(project)
    result = mkdocs_build(project, "--strict", **env)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"
