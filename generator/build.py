"""The orchestrator: seeds/ → briefs → site_src/. Reads like the script it is.

Like MkDocs' own build, it gathers everything first (every seed parsed, checked across
briefs) and only then writes, so every page sees the same facts. Bad seeds are reported
one line each and skipped; the rest still build.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .extraction.aliases import Aliases, load_aliases
from .identity.ids import assign_ids
from .model import Brief, Problem, SeedError, Site
from .parse import parse_document
from .reading.read import printable, read_seed
from .identity.registry import REGISTRY_FILE, load_registry, save_registry
from .publishing.render import render_site
from .identity.slugs import assign_slugs, known_slugs
from .publishing.write import write_tree


@dataclass(frozen=True, slots=True)
class Paths:
    """Where a project keeps its inputs and where the generated Markdown goes."""

    root: Path
    seeds: Path
    templates: Path
    out: Path
    aliases: Path
    registry: Path | None = None
    """The id registry (ids.lock.json); None for the one at the project root."""
    directory_urls: bool = True
    """How MkDocs writes page URLs: `briefs/x/`, or `briefs/x.html` (the offline copy).
    Short pages are static HTML, so they must link the same way themselves."""
    site_url: str | None = None
    """The site's address (mkdocs.yml's site_url), for the feed's absolute links."""
    site_name: str = "Briefs"

    @classmethod
    def under(cls, root: Path) -> "Paths":
        """The default layout of a project at `root`."""
        return cls(root, root / "seeds", root / "templates", root / "site_src", root / "aliases.yaml")


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did: the problems to show (one line each) and the files it changed."""

    briefs: tuple[Brief, ...]
    problems: tuple[Problem, ...]
    changed: tuple[str, ...]
    notes: tuple[str, ...] = ()
    """What the id stage changed: items re-anchored after an edit, removed, restored."""


def display_path(path: Path, root: Path) -> str:
    """A seed's path as users know it: relative to the project when inside it, on one line."""
    try:
        return printable(path.resolve().relative_to(root.resolve()).as_posix())
    except ValueError:
        return printable(path.as_posix())


def seed_files(seeds: Path) -> list[Path]:
    """Every file in the seeds folder, sorted (hidden files and folders aside)."""
    if not seeds.is_dir():
        return []
    return sorted(p for p in seeds.iterdir() if p.is_file() and not p.name.startswith("."))


def parse_seed(path: Path, root: Path, aliases: Aliases) -> Brief:
    """One seed file → Brief without ids; SeedError when it cannot be one."""
    name = display_path(path, root)
    try:
        return parse_document(read_seed(path), name, aliases)
    except SeedError as err:
        raise SeedError(name, err.problem.message, err.problem.line) from err


ParseCache = dict[tuple[str, str, str], "Brief | Problem"]
"""(seed name, digest of its bytes, digest of the alias file) → what parsing it gave.
`mkdocs serve` keeps one across rebuilds, so editing one seed re-parses that seed only."""


def digest(path: Path) -> str:
    """A file's content digest ("" when it cannot be read: parsing will say why)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def parse_seeds(paths: Paths, aliases: Aliases, cache: ParseCache | None = None
                ) -> tuple[list[Brief], list[Problem]]:
    """Every seed → a Brief, or a Problem naming the file and the reason."""
    briefs, problems = [], []
    alias_digest = digest(paths.aliases)
    for path in seed_files(paths.seeds):
        key = (display_path(path, paths.root), digest(path), alias_digest)
        if cache is None or key not in cache:
            try:
                result: Brief | Problem = parse_seed(path, paths.root, aliases)
            except SeedError as err:
                result = err.problem
            if cache is not None:
                cache[key] = result
        else:
            result = cache[key]
        (problems if isinstance(result, Problem) else briefs).append(result)
    return briefs, problems


def build(paths: Paths, cache: ParseCache | None = None) -> BuildReport:
    """Load seeds → parse each → check across briefs → ids → render → write."""
    aliases = load_aliases(paths.aliases)
    briefs, problems = parse_seeds(paths, aliases, cache)
    registry = paths.registry or paths.root / REGISTRY_FILE
    records = load_registry(registry)
    briefs, clashes = assign_slugs(briefs, known_slugs(paths.out, records))
    problems += clashes
    ids = assign_ids(briefs, records)
    site = Site(briefs=ids.briefs, ids=ids.records, problems=tuple(problems))
    files = render_site(site, paths.templates, paths.directory_urls, paths.site_url,
                        paths.site_name)
    written = write_tree(paths.out, files)
    problems += [Problem(display_path(paths.out / rel, paths.root), "made by hand, so left alone; "
                         "move it to let the generator write this page") for rel in written.kept]
    save_registry(registry, ids.records)
    return BuildReport(ids.briefs, tuple(problems), written.changed, ids.notes)
