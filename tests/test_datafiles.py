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


def booleans(value: object, path: str) -> list[str]:
    """Where a data file holds a boolean: in these word lists, always a word YAML 1.1 read
    as one ("on", "no", "yes", "off" unquoted)."""
    if isinstance(value, bool):
        return [path]
    if isinstance(value, dict):
        return [p for key, v in value.items() for p in booleans(v, f"{path}.{key}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in booleans(v, f"{path}[{i}]")]
    return []


@pytest.mark.parametrize("name", DATA)
def test_no_word_of_a_data_file_is_read_as_a_boolean(name: str) -> None:
    assert booleans(load_data(f"data/{name}"), name) == []
