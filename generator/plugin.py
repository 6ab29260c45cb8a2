"""The MkDocs plugin: `mkdocs build` regenerates `site_src/` from `seeds/` first.

`on_pre_build` runs before MkDocs collects the docs folder, so the pages it writes are the
ones MkDocs builds. Each bad seed is one warning line (so `--strict` fails on it).
`on_serve` watches seeds, templates and the alias file so `mkdocs serve` rebuilds.
The `search` option picks the site's search (publishing/search.py): Material's, or
Pagefind's, which replaces Material's in the header and indexes the site after the build.
"""
from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from .build import CACHE_DIR, ParseCache, Paths, build, seed_files
from .memory import release_freed_memory
from .model import SeedError
from .publishing import search as site_search

log = logging.getLogger("mkdocs.plugins.briefs")


class BriefsConfig(Config):
    """Options under `plugins: - briefs:` in mkdocs.yml (paths relative to mkdocs.yml)."""

    seeds = opt.Dir(exists=False, default="seeds")
    templates = opt.Dir(exists=True, default="templates")
    aliases = opt.File(exists=False, default="aliases.yaml")
    search = opt.Choice(site_search.ENGINES, default="auto")
    """auto: Pagefind from `pagefind_from` seeds on, Material's search below."""
    pagefind_from = opt.Type(int, default=site_search.PAGEFIND_FROM)
    pagefind_bundle_pages = opt.Type(int, default=site_search.PAGES_PER_BUNDLE)
    """Pages per Pagefind run: a bigger site is indexed in parts (publishing/search.py)."""


class BriefsPlugin(BasePlugin[BriefsConfig]):
    """Runs the generator before every build."""

    engine = "material"
    """The search this build has (on_config picks it)."""
    indexed: list[str] = []
    """The built pages (site-relative) marked for Pagefind in this build."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this keeps the plugin (and its parse cache) alive across serve rebuilds;
        a one-off build has no next build to keep parsed briefs for."""
        self.cache: ParseCache | None = {} if command == "serve" else None

    def on_config(self, config):
        """Pick the search: in Pagefind mode, Material's search plugin is switched off (no
        whole index to download) and the header gets the Pagefind search box."""
        offline = config.plugins.get("material/offline")
        self.engine = site_search.choose_engine(
            self.config.search, len(seed_files(Path(self.config.seeds))),
            bool(offline and offline.config.enabled), self.config.pagefind_from)
        material = config.plugins.get("material/search")
        self.indexed = []
        if self.engine == "pagefind":
            if material:
                material.config.enabled = False
            config.extra_javascript.append(site_search.ASSETS[0])
            config.extra_css.append(site_search.ASSETS[1])
        log.info(f"briefs: search with {self.engine}")
        return config

    def on_page_content(self, html: str, *, page, config, files) -> str:
        """In Pagefind mode, mark what Pagefind indexes (what Material's search would) and
        note the page, so Pagefind reads only the marked pages."""
        if self.engine != "pagefind":
            return html
        if not site_search.excluded(page.meta):
            self.indexed.append(page.file.dest_uri)
        return site_search.pagefind_body(html, page.meta)

    @event_priority(-100)
    def on_post_page(self, output: str, *, page, config) -> str:
        """Once a page is written, let go of its Markdown and HTML (72 MB at 1,000 briefs):
        nothing later reads them (titles, links and anchors are kept), and Pagefind's
        indexer runs beside this process at the end. Last of the plugins to see the page."""
        page.markdown = page.content = ""
        return output

    def on_post_build(self, *, config) -> None:
        """In Pagefind mode, index the built site, with as little as possible of this
        process's memory still held beside the indexer."""
        if self.engine == "pagefind":
            release_freed_memory()
            try:
                summary = site_search.run_pagefind(Path(config.site_dir), self.indexed,
                                                   self.config.pagefind_bundle_pages)
                log.info(f"briefs: pagefind {summary}")
            except (RuntimeError, OSError, subprocess.SubprocessError) as err:
                raise PluginError(str(err)) from err

    def paths(self, config) -> Paths:
        """This project's paths: docs_dir is where the generated Markdown goes."""
        root = Path(config.config_file_path).parent
        return Paths(root=root, seeds=Path(self.config.seeds), templates=Path(self.config.templates),
                     out=Path(config.docs_dir), aliases=Path(self.config.aliases),
                     directory_urls=config.use_directory_urls, site_url=config.site_url,
                     site_name=config.site_name, cache=root / CACHE_DIR)

    def on_pre_build(self, config) -> None:
        """Regenerate site_src/ before MkDocs reads it; each problem is one warning line."""
        self.generate(config)
        release_freed_memory()  # the generator's stage is over: ~250 MB at 1,000 briefs

    def generate(self, config) -> None:
        """Run the generator into docs_dir and log what it reports."""
        try:
            report = build(self.paths(config), getattr(self, "cache", None))
        except SeedError as err:  # a broken id registry: never build over published ids
            raise PluginError(str(err)) from err
        for problem in report.problems:
            log.warning(str(problem))
        for note in report.notes:
            log.info(f"ids: {note}")
        log.info(f"{report.built} briefs built, {len(report.problems)} warnings; "
                 f"{report.summary()}")

    def on_serve(self, server, config, builder):
        """Have `mkdocs serve` rebuild when a seed, a template or the alias file changes."""
        for path in (self.config.seeds, self.config.templates, self.config.aliases):
            if Path(path).exists():
                server.watch(path)
        return server
