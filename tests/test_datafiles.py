"""The generator's data files read through libyaml give what the pure-Python loader gives."""
from __future__ import annotations

from importlib import resources

import pytest
import yaml

from generator.datafiles import load_data

DATA = sorted(p.name for p in resources.files("generator").joinpath("data").iterdir()
              if p.name.endswith(".yaml"))


@pytest.mark.parametrize("name", DATA)
def test_each_data_file_loads_as_the_pure_python_loader_reads_it(name: str) -> None:
    text = resources.files("generator").joinpath("data", name).read_text("utf-8")
    assert load_data(f"data/{name}") == yaml.safe_load(text)
