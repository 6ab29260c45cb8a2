"""The generator's own data files (generator/data/*.yaml), read through libyaml.

Every build that parses a seed reads them all (~85 kB): PyYAML's pure-Python loader takes
about a third of a second, its libyaml loader (PyYAML's wheels carry it) a tenth of
that, with the same safe constructor, so the same values. User files (seed front matter,
aliases.yaml) keep the pure-Python loader and the errors it reports.
"""
from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_data(name: str) -> Any:
    """The YAML file generator/`name` (e.g. "data/lexicon.yaml"), parsed."""
    return yaml.load(resources.files("generator").joinpath(name).read_text("utf-8"), Loader=LOADER)
