"""The MkDocs plugin: options validated by MkDocs, and what `mkdocs serve` watches."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError
from siteproject import ROOT



def project(tmp: Path, plugin_options: str = "") -> Path:
    shutil.copytree(ROOT / "templates", tmp / "templates")
    shutil.copytree(ROOT / "seeds", tmp / "seeds")
    (tmp / "site_src").mkdir()
    (tmp / "mkdocs.yml").write_text(
        "site_name: t\ndocs_dir: site_src\ntheme: {name: material, font: false}\n"
        f"plugins:\n  - briefs{':' + plugin_options if plugin_options else ''}\n", "utf-8")
    return tmp / "mkdocs.yml"


class RecordingServer:
    """Stands in for MkDocs' LiveReloadServer, which only needs `watch` here."""

    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_options_resolve_against_the_config_folder(tmp_path: Path) -> None:
    config = load_config(str(project(tmp_path)))
    plugin = config.plugins["briefs"]
    assert Path(plugin.config.seeds) == tmp_path / "seeds"
    assert Path(plugin.config.templates) == tmp_path / "templates"


def test_a_missing_templates_folder_is_refused_by_mkdocs(tmp_path: Path) -> None:
    with pytest.raises((ConfigurationError, Abort)):
        load_config(str(project(tmp_path, "\n      templates: no-such-folder")))


def test_an_unknown_option_is_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    load_config(str(project(tmp_path, "\n      colour: blue")))
    assert "Unrecognised configuration name: colour" in caplog.text


def test_serve_watches_seeds_and_templates(tmp_path: Path) -> None:
    config = load_config(str(project(tmp_path)))
    server = RecordingServer()
    config.plugins["briefs"].on_serve(server, config=config, builder=None)
    assert str(tmp_path / "seeds") in server.watched
    assert str(tmp_path / "templates") in server.watched


def test_pre_build_writes_the_pages_and_only_changes_what_changed(tmp_path: Path) -> None:
    config = load_config(str(project(tmp_path)))
    plugin = config.plugins["briefs"]
    plugin.on_pre_build(config=config)
    index = tmp_path / "site_src" / "index.md"
    before = index.stat().st_mtime_ns
    plugin.on_pre_build(config=config)
    assert index.stat().st_mtime_ns == before


def test_serve_rebuilds_parse_only_the_seed_that_changed(tmp_path: Path, monkeypatch) -> None:
    import generator.build as build_module

    config = load_config(str(project(tmp_path)))
    plugin = config.plugins["briefs"]
    plugin.on_startup(command="serve", dirty=False)
    parsed: list[str] = []
    real = build_module.parse_seed
    monkeypatch.setattr(build_module, "parse_soon", lambda *_: None)  # parsed here, where the patch sees it
    monkeypatch.setattr(build_module, "parse_seed",
                        lambda path, *rest: parsed.append(path.name) or real(path, *rest))
    plugin.on_pre_build(config=config)
    assert len(parsed) == 2
    seed = sorted((tmp_path / "seeds").glob("*.txt"))[0]
    seed.write_text(seed.read_text("utf-8") + "\n\nThe government should publish its plan.\n", "utf-8")
    plugin.on_pre_build(config=config)
    assert parsed[2:] == [seed.name]
    assert "The government should publish its plan." in (tmp_path / "site_src" / "briefs.json").read_text("utf-8")
