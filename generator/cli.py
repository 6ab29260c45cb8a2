"""Command line: `python -m generator extract SEED [--ids FILE]`, `… build` and `… rules`.

`extract` prints one brief as JSON (the contract the scorer reads); `build` writes
`site_src/` without MkDocs, so another engine can build the same Markdown; `rules` lists
the named extraction rules and, with `--ablate`, what each earns on a labelled corpus.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .build import Paths, build, parse_seed
from .memory import collect_less_often
from .model import SeedError
from .identity.registry import REGISTRY_FILE, load_registry, save_registry


def extract(args: argparse.Namespace) -> int:
    """Print one seed's brief as JSON; one error line and exit 1 when it cannot be read.

    Ids come from the registry: `--ids FILE` is read and recorded in; without it the
    site's own `ids.lock.json` is only read, never written.
    """
    from .extraction.aliases import load_aliases  # here: `build` with nothing to do needs none
    from .identity.ids import assign_ids
    from .publishing.export import brief_to_dict, to_json
    root = Path.cwd()
    collect_less_often()
    try:
        brief = parse_seed(Path(args.seed), root, load_aliases(root / "aliases.yaml"))
        records = load_registry(Path(args.ids) if args.ids else root / REGISTRY_FILE)
    except SeedError as err:
        print(err, file=sys.stderr)
        return 1
    result = assign_ids([brief], records, complete=False)
    if args.ids:
        save_registry(Path(args.ids), result.records)
    for note in result.notes:
        print(note, file=sys.stderr)
    sys.stdout.write(to_json(brief_to_dict(result.briefs[0])))
    return 0


def build_cmd(args: argparse.Namespace) -> int:
    """Regenerate site_src/ from seeds/; exit 1 under --strict on any warning, as MkDocs does."""
    try:
        report = build(Paths.under(Path(args.project)))
    except SeedError as err:  # a broken id registry: never build over published ids
        print(f"ERROR: {err}", file=sys.stderr)
        return 1
    for problem in report.problems:
        print(f"WARNING: {problem}", file=sys.stderr)
    for note in report.notes:
        print(f"ids: {note}", file=sys.stderr)
    print(f"{report.built} briefs built, {len(report.problems)} warnings; {report.summary()}",
          file=sys.stderr)
    return 1 if args.strict and report.problems else 0


def rules_cmd(args: argparse.Namespace) -> int:
    """List the named rules, or print each one's loss on a labelled corpus (--ablate)."""
    from .ablation import (ablate, ablate_reading, load_cases,  # here: a no-change `build`
                           reading_table, table)  # needs none of these
    from .extraction.aliases import load_aliases
    from .extraction.lexicon import lexicon
    from .rules import registered
    lexicon()  # declares the lexicon's pattern rules
    from .reading import webpage  # noqa: F401 -- imported lazily for pages elsewhere; declares rules
    if not args.ablate:
        for r in registered():
            print(f"{r.name:34} {r.stage:15} {r.reason}")
        return 0
    if not (args.gold and args.seeds):
        print("rules --ablate needs --gold DIR and --seeds DIR", file=sys.stderr)
        return 2
    collect_less_often()
    gold, seeds = Path(args.gold), Path(args.seeds)
    if not gold.is_dir() or not seeds.is_dir():
        print(f"not a folder: {gold if not gold.is_dir() else seeds}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    aliases = load_aliases(Path.cwd() / "aliases.yaml")
    cases = load_cases(gold, seeds, aliases)
    full, rows = ablate(cases)
    print(table(full, rows))
    print(f"finders: {len(cases)} articles, {len(rows)} rules, {time.perf_counter() - started:.1f} s\n")
    started_reading = time.perf_counter()
    reading_full, reading_rows = ablate_reading(cases, aliases, args.jobs)
    print(reading_table(reading_full, reading_rows, len(cases)))
    print(f"reading: {len(cases)} articles, {len(reading_rows)} rules, "
          f"{time.perf_counter() - started_reading:.1f} s; {time.perf_counter() - started:.1f} s in all")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run `extract`, `build` or `rules`; the exit code is its result."""
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="print one seed's brief as JSON (schema brief/1)")
    ex.add_argument("seed", help="path to a seed file")
    ex.add_argument("--ids", metavar="FILE", help="id registry to read and record ids in")
    ex.set_defaults(run=extract)
    bu = sub.add_parser("build", help="regenerate site_src/ from seeds/ (no MkDocs needed)")
    bu.add_argument("--project", default=".", help="project folder (default: .)")
    bu.add_argument("--strict", action="store_true", help="exit 1 on any warning (a seed skipped, a slug taken, a page made by hand)")
    bu.set_defaults(run=build_cmd)
    ru = sub.add_parser("rules", help="list the named extraction rules; --ablate: what each earns")
    ru.add_argument("--ablate", action="store_true", help="print each rule's precision/recall loss")
    ru.add_argument("--gold", metavar="DIR", help="gold briefs (<stem>.json), as the scorer reads them")
    ru.add_argument("--seeds", metavar="DIR", help="the seeds the gold labels (<stem>.*)")
    ru.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), metavar="N",
                    help="processes that re-read the seeds for the reading rules (default: 2)")
    ru.set_defaults(run=rules_cmd)
    args = parser.parse_args(argv)
    return args.run(args)
