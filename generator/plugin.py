"""The MkDocs plugin: `mkdocs build` regenerates `site_src/` from `seeds/` first.

`on_pre_build` runs before MkDocs collects the docs folder, so the pages it writes are the
ones MkDocs builds. Each bad seed is one warning line (so `--strict` fails on it).
`on_serve` watches seeds, templates and the alias file so `mkdocs serve` rebuilds.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .build import CACHE_DIR, ParseCache, Paths, build
from .model import SeedError

log = logging.getLogger("mkdocs.plugins.briefs")


class BriefsConfig(Config):
    """Options under `plugins: - briefs:` in mkdocs.yml (paths relative to mkdocs.yml)."""

    seeds = opt.Dir(exists=False, default="seeds")
    templates = opt.Dir(exists=True, default="templates")
    aliases = opt.File(exists=False, default="aliases.yaml")


class BriefsPlugin(BasePlugin[BriefsConfig]):
    """Runs the generator before every build."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this keeps the plugin (and its parse cache) alive across serve rebuilds."""
        self.cache: ParseCache = {}

    def paths(self, config) -> Paths:
        """This project's paths: docs_dir is where the generated Markdown goes."""
        root = Path(config.config_file_path).parent
        return Paths(root=root, seeds=Path(self.config.seeds), templates=Path(self.config.templates),
                     out=Path(config.docs_dir), aliases=Path(self.config.aliases),
                     directory_urls=config.use_directory_urls, cache=root / CACHE_DIR)

    def on_pre_build(self, config) -> None:
        """Regenerate site_src/ before MkDocs reads it; each problem is one warning line."""
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
