"""Golden tests: each seed's whole brief (JSON) and its rendered page, byte for byte.

After an intended change: `make golden`, then review `git diff tests/golden`.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.publishing.export import brief_to_dict, to_json
from generator.model import Site
from generator.publishing.render import render_site
from siteproject import ROOT, SEEDS, seed_brief

GOLDEN = Path(__file__).parent / "golden"


def check(path: Path, actual: str, update: bool) -> None:
    if update:
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"no golden file {path.name}: run `make golden`"
    assert actual == path.read_text(encoding="utf-8"), f"{path.name} changed: `make golden` if intended"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_brief_matches_golden(seed: Path, update_golden: bool) -> None:
    brief = seed_brief(seed)
    check(GOLDEN / f"{seed.stem}.json", to_json(brief_to_dict(brief)), update_golden)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_page_matches_golden(seed: Path, update_golden: bool) -> None:
    brief = seed_brief(seed)
    page = render_site(Site(briefs=(brief,)), ROOT / "templates")[f"briefs/{brief.slug}.md"]
    check(GOLDEN / f"{seed.stem}.md", page, update_golden)
