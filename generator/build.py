"""The orchestrator: seeds/ → briefs → site_src/. Reads like the script it is.

Like MkDocs' own build, it gathers everything first (every seed parsed, checked across
briefs) and only then writes, so every page sees the same facts. Bad seeds are reported
one line each and skipped; the rest still build.

A rebuild does only the work its changes need (see cache.py): a seed parsed before is
read from `.cache/briefs/`, the others are parsed (across the machine's cores when there
are many: the same bytes as one by one), and pages are rendered and written only when
something they show changed.
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from . import cache as disk
from . import sitestate
from .identity.registry import REGISTRY_FILE, Read, read_registry, save_registry
from .memory import fewer_collections, kept_to_the_end, no_collections
from .model import Brief, Problem, SeedError, Site
from .parallel import drop_standby, parse_all, parse_soon
from .progress import Progress
from .publishing.write import STAGING, Written, write_tree

if TYPE_CHECKING:
    from .extraction.aliases import Aliases
    from .identity.ids import IdResult
# The stages (parsing, ids, rendering) are imported where they run: a build that finds
# nothing changed stops before them, and importing them would take most of its time.

CACHE_DIR = ".cache"
BRIEFS_JSON = "briefs.json"
"""The JSON of every brief (publishing/export.py), which also records each seed's slug."""


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
    cache: Path | None = None
    """Where parsed seeds and the last render's record are kept (`.cache/`); None: nowhere."""

    @classmethod
    def under(cls, root: Path) -> "Paths":
        """The default layout of a project at `root`."""
        return cls(root, root / "seeds", root / "templates", root / "site_src", root / "aliases.yaml",
                   cache=root / CACHE_DIR)


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did: the problems to show (one line each) and the files it changed."""

    briefs: tuple[Brief, ...]
    problems: tuple[Problem, ...]
    changed: tuple[str, ...]
    notes: tuple[str, ...] = ()
    """What the id stage changed: items re-anchored after an edit, removed, restored."""
    built: int = 0
    """How many briefs the site has (`briefs` is empty when nothing changed: see build.json)."""
    from_cache: int = 0
    """Seeds whose brief (or problem) came from the cache rather than being parsed."""
    extracted: int = 0
    failed: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        """The one line a build ends with."""
        return (f"briefs: {self.from_cache} read from cache, {self.extracted} extracted, "
                f"{self.failed} failed, {len(self.changed)} files changed, {self.seconds:.1f} s")


def display_path(path: Path, root: Path) -> str:
    """A seed's path as users know it: relative to the project when inside it, on one line."""
    from .reading.read import printable
    return printable(relative_name(path, root))


def relative_name(path: Path, root: Path) -> str:
    """A path relative to the project when inside it, as it is."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def relative_names(files: list[Path], root: Path) -> list[str]:
    """relative_name of each file, each folder resolved once: a file that is no symlink
    resolves to its resolved folder and its own name (a thousand seeds, one folder)."""
    base = root.resolve().as_posix().rstrip("/") + "/"
    folders: dict[Path, str] = {}
    names = []
    for path in files:
        if path.is_symlink():
            names.append(relative_name(path, root))
            continue
        folder = folders.get(path.parent)
        if folder is None:
            folder = folders[path.parent] = path.parent.resolve().as_posix().rstrip("/") + "/"
        resolved = folder + path.name
        names.append(resolved[len(base):] if resolved.startswith(base) else path.as_posix())
    return names


def seed_files(seeds: Path) -> list[Path]:
    """Every file in the seeds folder, sorted (hidden files and folders aside)."""
    if not seeds.is_dir():
        return []
    return sorted(p for p in seeds.iterdir() if p.is_file() and not p.name.startswith("."))


def parse_seed(path: Path, root: Path, aliases: Aliases) -> Brief:
    """One seed file → Brief without ids; SeedError when it cannot be one."""
    from .parse import parse_document
    from .reading.read import read_seed
    name = display_path(path, root)
    try:
        return parse_document(read_seed(path), name, aliases)
    except SeedError as err:
        raise SeedError(name, err.problem.message, err.problem.line) from err


def parse_or_problem(path: Path, root: Path, aliases: Aliases) -> Brief | Problem:
    """What parsing one seed gives: its Brief, or the Problem that skips it."""
    try:
        return parse_seed(path, root, aliases)
    except SeedError as err:
        return err.problem


WARM_UP = """# Ports Need a Plan Before the Storms

By Ada Lovelace | March 3, 2024

The harbour board should publish its dredging plan by June. Ministers must fund the
levees, and the city could open a second ferry line.

Will the insurers stay? It remains to be seen whether the Port of Antwerp follows.
"""
"""A short article of our own, parsed to get a parser ready (`warm_up`)."""


def warm_up() -> None:
    """Import the parser and compile its patterns, by reading and parsing WARM_UP: what a
    process's first seed would otherwise wait for (a fifth of a second)."""
    from .extraction.aliases import load_aliases
    from .model import Document
    from .parse import parse_document
    from .reading.read import read_seed  # noqa: F401 -- imported as a seed is read
    parse_document(Document(Path("warm-up.txt"), WARM_UP, "txt"), "warm-up.txt", load_aliases())


@dataclass(slots=True)
class SeedParser:
    """parse_or_problem with the aliases of `alias_file`, read on first use: a process that
    parses no seed (a rebuild whose changed seeds a forked copy parses) never reads them,
    and that copy reads them itself while this process loads the last build's state."""

    root: Path
    alias_file: Path
    aliases: Aliases | None = None

    def __call__(self, path: Path) -> Brief | Problem:
        if self.aliases is None:
            from .extraction.aliases import load_aliases
            self.aliases = load_aliases(self.alias_file)
        return parse_or_problem(path, self.root, self.aliases)


ParseCache = dict[str, "Brief | Problem"]
"""Seed key (cache.seed_key) → what parsing it gave. `mkdocs serve` keeps one in memory
across rebuilds, in front of the cache on disk."""

@dataclass(frozen=True, slots=True)
class Parsed:
    """Every seed's result in seed order, its cache key, and which were parsed afresh."""

    results: tuple[Brief | Problem, ...]
    keys: tuple[str, ...]
    fresh: frozenset[int]

    def counts(self) -> tuple[int, int, int]:
        """Briefs read from the cache, briefs extracted now, seeds that failed."""
        failed = sum(isinstance(r, Problem) for r in self.results)
        extracted = sum(isinstance(self.results[i], Brief) for i in self.fresh)
        return len(self.results) - failed - extracted, extracted, failed


def seed_keys(paths: Paths) -> tuple[list[Path], list[str]]:
    """The seed files, and the cache key of each (cache.seed_key)."""
    files = seed_files(paths.seeds)
    alias_digest = disk.file_digest(paths.aliases)
    return files, [disk.seed_key(name, disk.file_digest(p), alias_digest)
                   for p, name in zip(files, relative_names(files, paths.root))]


def seed_key(paths: Paths, path: Path, alias_digest: str) -> str:
    return disk.seed_key(relative_name(path, paths.root), disk.file_digest(path), alias_digest)


Early = dict[int, Callable[[], "Brief | Problem"]]
"""Seed position → what to call for its result, being parsed in a worker meanwhile."""


def parse_early(paths: Paths, files: list[Path], keys: list[str], parser: SeedParser,
                memory: ParseCache | None) -> Early:
    """When the last build left a state to load, start parsing the few seeds neither
    cache holds (the changed ones) in a worker meanwhile (parallel.parse_soon)."""
    if not paths.cache or not (paths.cache / sitestate.FILE).is_file():
        return {}
    store = disk.BriefCache(paths.cache / "briefs")
    todo = [i for i, key in enumerate(keys)
            if (memory is None or key not in memory) and not store.path(key).is_file()]
    soon = parse_soon(parser, [files[i] for i in todo])
    return dict(zip(todo, soon)) if soon else {}


def parse_seeds(paths: Paths, files: list[Path], keys: list[str], parser: SeedParser,
                memory: ParseCache | None = None, early: Early | None = None) -> Parsed:
    """Every seed → a Brief, or a Problem naming the file and the reason; seeds parsed
    before come from the caches, the rest are parsed (in parallel when many; `early`:
    those being parsed already)."""
    early = early or {}
    store = disk.BriefCache(paths.cache / "briefs") if paths.cache else None
    results: list[Brief | Problem | None] = []
    for key in keys:
        found = memory.get(key) if memory is not None else None
        results.append(found if found is not None else store.load(key) if store else None)
    missing = [i for i, r in enumerate(results) if r is None]
    late = [i for i in missing if i not in early]
    fresh = dict(zip(late, parse_all(parser, [files[i] for i in late], Progress(len(late), "extracted"))))
    fresh.update({i: early[i]() for i in missing if i in early})
    alias_digest = disk.file_digest(paths.aliases)
    for i, result in sorted(fresh.items()):
        results[i] = result
        if store and seed_key(paths, files[i], alias_digest) == keys[i]:  # unchanged while parsed
            store.store(keys[i], result)
    if memory is not None:
        memory.clear()
        memory.update(zip(keys, results))
    if store:
        store.prune(keys)
    return Parsed(tuple(results), tuple(keys), frozenset(missing))


def build_inputs(paths: Paths, keys: list[str], registry_digest: str) -> str:
    """A digest of everything a build reads (see cache.py, build.json); `registry_digest`:
    the id registry's (cache.file_digest)."""
    h = hashlib.sha256()
    for part in (disk.generator_version(), disk.tree_digest(paths.templates, ("*",)),
                 disk.file_digest(paths.aliases), registry_digest,
                 str(paths.directory_urls), str(paths.site_url), paths.site_name,
                 str(paths.out.resolve()), *keys):
        h.update(part.encode() + b"\0")
    return h.hexdigest()


def build(paths: Paths, cache: ParseCache | None = None) -> BuildReport:
    """Load seeds → parse each (or read it from the cache) → check across briefs → ids →
    render → write; or, when nothing it reads changed since the last build, its report."""
    with fewer_collections():
        return build_once(paths, cache)


def build_once(paths: Paths, cache: ParseCache | None = None) -> BuildReport:
    """A build, as `build` describes it."""
    start = time.perf_counter()
    files, keys = seed_keys(paths)
    registry = paths.registry or paths.root / REGISTRY_FILE
    if paths.cache:
        last = disk.load_stamp(paths.cache, build_inputs(paths, keys, disk.file_digest(registry)),
                               paths.out)
        if last is not None and not (paths.out / STAGING).exists():
            drop_standby()
            return unchanged_report(last, time.perf_counter() - start)
        disk.forget_stamp(paths.cache)
    return full_build(paths, files, keys, registry, cache, start)


def full_build(paths: Paths, files: list[Path], keys: list[str], registry: Path,
               cache: ParseCache | None, start: float) -> BuildReport:
    """Every stage, each seed's brief read from the caches where they hold, the ids of
    unchanged briefs kept as the last build left them (sitestate.py)."""
    parser = SeedParser(paths.root, paths.aliases)
    early = parse_early(paths, files, keys, parser, cache)
    drop_standby()  # not needed by parse_early: every seed is parsed in parse_seeds, or none
    from .publishing.render import BRIEF_JSON, json_spans, render_site
    from .publishing.rendercache import RenderCache
    with no_collections():
        state = sitestate.load(paths.cache) if paths.cache else None
        held = read_registry(registry, paths.cache)  # while the worker parses
    kept_to_the_end()
    memory = cache if cache is not None or state is None else state.parsed()
    parsed = parse_seeds(paths, files, keys, parser, memory, early)
    if paths.cache:
        sitestate.forget(paths.cache)
    ids, published, clashes = identify(paths, parsed, held, state)
    problems = [r for r in parsed.results if isinstance(r, Problem)] + clashes
    site = Site(briefs=ids.briefs, ids=ids.records, problems=tuple(problems))
    record = paths.cache / disk.WRITTEN if paths.cache else None
    renders = RenderCache(paths.cache / "pages" if paths.cache else None, paths.templates,
                          paths.out, record)
    kept_json = last_json(paths, state)
    for key, brief in published.items():
        renders.know(brief, key)
        if kept_json and (part := state.json_part(key, brief, kept_json)) is not None:
            renders.preset(BRIEF_JSON, brief, part)
    written = write_tree(paths.out, render_site(site, paths.templates, paths.directory_urls,
                                                paths.site_url, paths.site_name, renders),
                         record, renders.recorded)
    renders.save()
    problems += [Problem(display_path(paths.out / rel, paths.root), "made by hand, so left alone; "
                         "move it to let the generator write this page") for rel in written.kept]
    save_registry(registry, ids.records, held, paths.cache)
    from_cache, extracted, failed = parsed.counts()
    report = BuildReport(ids.briefs, tuple(problems), written.changed, ids.notes, len(ids.briefs),
                         from_cache, extracted, failed, time.perf_counter() - start)
    if paths.cache:
        in_order = sorted(published, key=lambda k: published[k].slug)  # as briefs.json lists them
        parts = [renders.rendered(BRIEF_JSON, published[k]) for k in in_order]
        spans = dict(zip(in_order, json_spans(parts))) if None not in parts else {}
        remember(paths, keys, registry, parsed, published, spans, written, report, state)
    return report


def identify(paths: Paths, parsed: Parsed, held: Read, state: sitestate.SiteState | None
             ) -> tuple[IdResult, dict[str, Brief], list[Problem]]:
    """Slugs, then ids (a brief unchanged since the last build keeps its own: ids.py) from
    the registry as read (`held`); the briefs as published by seed key; and a line for
    each slug clash."""
    from .identity.ids import assign_ids
    from .identity.slugs import assign_slugs, known_slugs
    found = [(k, r) for k, r in zip(parsed.keys, parsed.results) if isinstance(r, Brief)]
    intact = state and state.json_intact(paths.out / BRIEFS_JSON)
    briefs, clashes = assign_slugs([r for _, r in found], known_slugs(
        paths.out, held.records, state.slugs() if intact else None))
    settled = state.settled(briefs, [k for k, _ in found], held.digest) if state else {}
    ids = assign_ids(briefs, held.records, settled=settled)
    return ids, dict(zip((k for k, _ in found), ids.briefs)), clashes


def last_json(paths: Paths, state: sitestate.SiteState | None) -> bytes | None:
    """The bytes of the briefs.json the last build left, when it is as that build left it
    (each kept brief's part is read back from it: sitestate.json_part)."""
    path = paths.out / BRIEFS_JSON
    if state is None or not state.json_intact(path):
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def remember(paths: Paths, keys: list[str], registry: Path, parsed: Parsed,
             published: dict[str, Brief], spans: dict[str, tuple[int, int]], written: Written,
             report: BuildReport, last: sitestate.SiteState | None) -> None:
    """What the next build reuses: this build's state (sitestate.py; `spans`: where each
    brief's part sits in briefs.json; a hand-made briefs.json, kept by the write, lists no
    slugs of ours; `last`: the state this build loaded) and its stamp (cache.py: the
    files the write left)."""
    briefs_json = () if BRIEFS_JSON in written.kept else tuple(written.states.get(BRIEFS_JSON, ()))
    registry_digest = disk.file_digest(registry)  # as the build left it
    sitestate.save(paths.cache, sitestate.SiteState(
        registry_digest, briefs_json,
        {k: (r, published.get(k)) for k, r in zip(parsed.keys, parsed.results)},
        spans if briefs_json else {}), last)
    disk.save_stamp(paths.cache, build_inputs(paths, keys, registry_digest), written.states,
                    {"built": report.built, "failed": report.failed,
                     "problems": [[p.path, p.message, p.line] for p in report.problems]})


def unchanged_report(last: dict, seconds: float) -> BuildReport:
    """The report of a build that found nothing changed: the last one's, nothing written."""
    problems = tuple(Problem(path, message, line) for path, message, line in last["problems"])
    return BuildReport((), problems, (), (), last["built"], last["built"], 0, last["failed"], seconds)
