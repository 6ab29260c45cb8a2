"""Brief pages rendered across the machine's cores when many are to be rendered (a first
build, a changed template), while the building process renders the rest of the site: the
same bytes as rendering them one by one.

A brief page depends only on its inputs (the brief, its BriefPage, the slugs of its
entities that have pages: frozen values) and the templates, so where it is rendered
cannot change it. The building process works out each page's render-cache key; a page the
cache holds (from this build, or the store of the last) is left to the cache, which gives
it, or leaves its file as it is, when the site settles. When at least PARALLEL_PAGES_FROM
pages are left to render, worker processes
(parallel.py's fork server, each with its own Jinja2 environment over the same templates)
render them in chunks while the building process goes on with the cross-brief pages and
the short pages, and their texts join the cache as if rendered here. Fewer pages are
rendered in this process: starting workers would cost more than it saves.
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from ..parallel import context, workers_for
from .rendercache import RenderCache

PARALLEL_PAGES_FROM = 100
"""Fewer brief pages to render than this are rendered in the building process."""
CHUNK = 25
"""Brief pages sent to a worker at a time: few round trips, an even share at the end."""
NAME = "brief-page"
"""The render cache's name for a brief page (its key digests NAME and the page's inputs)."""

PageInputs = tuple[Any, ...]
"""What a brief page is rendered from: (brief, its BriefPage, slugs of its entity pages)."""
Render = Callable[..., str]
"""(Jinja2 environment, *PageInputs) → the page's Markdown (render.brief_page_text)."""

_worker: tuple[Any, Render] | None = None


def _start_worker(templates: Path, environment: Callable[[Path], Any], render: Render) -> None:
    """Each worker makes its Jinja2 environment once, for every chunk it renders."""
    global _worker
    _worker = (environment(templates), render)


def _render_chunk(chunk: list[PageInputs]) -> list[str]:
    env, render = _worker
    return [render(env, *inputs) for inputs in chunk]


class BriefPages:
    """{slug: page text} for every brief, the pages not in the cache rendered in worker
    processes when there are many; a context manager, so workers never outlive a build."""

    def __init__(self, env: Any, cache: RenderCache, templates: Path,
                 inputs: dict[str, PageInputs], render: Render,
                 environment: Callable[[Path], Any]) -> None:
        self.cache, self.pool, self.inputs, self.env, self.render = cache, None, inputs, env, render
        self.keys = {slug: cache.key(NAME, page) for slug, page in inputs.items()}
        self.texts: dict[str, str] = {}
        missing = [slug for slug, key in self.keys.items() if not cache.holds(key)]
        workers = workers_for(len(missing)) if len(missing) >= PARALLEL_PAGES_FROM else 1
        self.chunks: list[tuple[list[str], Future]] = []
        if workers == 1:
            for slug in missing:
                self.texts[slug] = render(env, *inputs[slug])
            return
        self.pool = ProcessPoolExecutor(workers, mp_context=context(), initializer=_start_worker,
                                        initargs=(templates, environment, render))
        for start in range(0, len(missing), CHUNK):
            slugs = missing[start:start + CHUNK]
            self.chunks.append((slugs, self.pool.submit(_render_chunk, [inputs[s] for s in slugs])))

    def __enter__(self) -> "BriefPages":
        return self

    def __exit__(self, *error: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def pages_by_slug(self) -> dict[str, Any]:
        """Every brief's page (waiting for the workers): the rendered ones kept in the render
        cache, each given as the cache gives a page (its text, or deferred to the cache's
        `settle`, which leaves a page the last build wrote as it is)."""
        for slugs, future in self.chunks:
            self.texts.update(zip(slugs, future.result()))
        for slug, text in self.texts.items():
            self.cache.keep(self.keys[slug], text)
        return {slug: self.cache.page_by_key(self.keys[slug], lambda page=page: self.render(self.env, *page))
                for slug, page in self.inputs.items()}
