"""Brief pages rendered in worker processes: the bytes of rendering them here, and only the
pages the render cache does not hold are rendered at all."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.build import Paths, build
from generator.publishing import pagepool
from generator.publishing.rendercache import RenderCache
from seedkit import article
from siteproject import ROOT, copy_project

TITLES = ["Harbours Need Dredging Before the Storms", "Grain Stores Must Be Audited Yearly",
          "Rail Freight Should Carry the Harvest", "Ferry Crews Need Winter Training"]


def tree(out: Path) -> dict[str, bytes]:
    """Every file under `out` → its bytes."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def project_with(tmp: Path, titles: list[str]) -> Path:
    tmp.mkdir(parents=True)
    project = copy_project(tmp)
    for i, title in enumerate(titles):
        (project / "seeds" / f"extra_{i}.txt").write_text(article(title), "utf-8")
    return project


class CountedPool(pagepool.ProcessPoolExecutor):
    """The pool pagepool starts, counted, so a test knows the workers did render."""

    started = 0

    def __init__(self, *args, **kwargs) -> None:
        CountedPool.started += 1
        super().__init__(*args, **kwargs)


def test_pages_rendered_in_workers_are_the_bytes_of_pages_rendered_here(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = project_with(tmp_path / "here", TITLES)
    workers = project_with(tmp_path / "workers", TITLES)
    build(replace(Paths.under(here), cache=None))
    monkeypatch.setattr(pagepool, "PARALLEL_PAGES_FROM", 2)
    monkeypatch.setattr(pagepool, "CHUNK", 2)  # six pages: three chunks over two workers
    monkeypatch.setattr(pagepool, "workers_for", lambda count: 2)
    monkeypatch.setattr(pagepool, "ProcessPoolExecutor", CountedPool)
    build(Paths.under(workers))
    assert CountedPool.started == 1
    assert tree(here / "site_src") == tree(workers / "site_src")
    assert (here / "ids.lock.json").read_bytes() == (workers / "ids.lock.json").read_bytes()


def test_only_pages_the_cache_does_not_hold_are_rendered(tmp_path: Path) -> None:
    rendered: list[str] = []

    def render(env: object, title: str, body: str) -> str:
        rendered.append(title)
        return f"# {title}\n\n{body}\n"

    def pages(inputs: dict[str, tuple[str, str]]) -> dict[str, str]:
        cache = RenderCache(tmp_path / "pages", ROOT / "templates")
        with pagepool.BriefPages(None, cache, ROOT / "templates", inputs, render, str) as made:
            texts = cache.settle(made.pages_by_slug())
        cache.save()
        return texts

    first = {"a": ("A", "Ports must open."), "b": ("B", "Who pays?")}
    assert pages(first) == {"a": "# A\n\nPorts must open.\n", "b": "# B\n\nWho pays?\n"}
    rendered.clear()
    second = {**first, "b": ("B", "Who pays now?"), "c": ("C", "Crews must rest.")}
    assert list(pages(second)) == ["a", "b", "c"]
    assert rendered == ["B", "C"]
