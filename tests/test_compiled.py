"""Compiled templates kept between builds (publishing/compiled.py): reused when sealed and
current, compiled again when a file is torn, edited or sealed by another version."""
from __future__ import annotations

from pathlib import Path

import jinja2

from generator.publishing import compiled
from generator.publishing.compiled import keep_compiled


def environment(templates: Path, cache: Path) -> jinja2.Environment:
    return keep_compiled(jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates))), cache, "t")


def compiles(templates: Path, cache: Path, monkeypatch) -> tuple[str, int]:
    """What a fresh environment renders, and how many templates it compiled from source."""
    calls = []
    env = environment(templates, cache)
    compile_source = env.compile
    monkeypatch.setattr(env, "compile", lambda *a, **k: calls.append(a) or compile_source(*a, **k))
    return env.get_template("page.j2").render(name="Harbour"), len(calls)


def test_a_sealed_template_is_reused_and_a_damaged_one_compiled_again(tmp_path: Path, monkeypatch) -> None:
    templates, cache = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    (templates / "page.j2").write_text("Hello {{ name }}!", "utf-8")
    assert compiles(templates, cache, monkeypatch) == ("Hello Harbour!", 1)
    assert compiles(templates, cache, monkeypatch) == ("Hello Harbour!", 0)
    [stored] = (cache / "compiled" / "t").iterdir()
    stored.write_bytes(stored.read_bytes()[:-5] + b"xxxxx")
    assert compiles(templates, cache, monkeypatch) == ("Hello Harbour!", 1)
    stored.write_bytes(stored.read_bytes()[:40])
    assert compiles(templates, cache, monkeypatch) == ("Hello Harbour!", 1)
    monkeypatch.setattr(compiled.jinja2, "__version__", "0.0-other")
    assert compiles(templates, cache, monkeypatch) == ("Hello Harbour!", 1)


def test_a_changed_template_is_compiled_again(tmp_path: Path, monkeypatch) -> None:
    templates, cache = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    (templates / "page.j2").write_text("Hello {{ name }}!", "utf-8")
    compiles(templates, cache, monkeypatch)
    (templates / "page.j2").write_text("Goodbye {{ name }}.", "utf-8")
    assert compiles(templates, cache, monkeypatch) == ("Goodbye Harbour.", 1)


def test_no_folder_keeps_nothing(tmp_path: Path) -> None:
    env = jinja2.Environment()
    assert keep_compiled(env, None, "t").bytecode_cache is None
