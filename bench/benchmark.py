"""Speed and memory of builds of 10, 100 and 1,000 briefs: prints a table, asserts nothing.

    make bench                                       # 10, 100 and 1,000 briefs
    .venv/bin/python bench/benchmark.py --sizes 10 100 --no-large

Each corpus is made in a temporary folder from the repo's two seeds: every copy gets its
own title and one sentence of its own, so slugs, ids and search entries are distinct.
Per size: seconds of `python -m generator build` cold (no cache; also its CPU seconds over
all its processes, which a busy machine inflates less), again with nothing changed, and
with one seed changed (the median of REPEATS builds each, the one-changed ones also listed); the whole `mkdocs build` (briefs already cached: the MkDocs part);
the peak memory of each (RSS summed over the process and all its children, parallel
workers included, sampled every 0.05 s); the biggest page in site/; one brief page's size
against the same page in the 2-seed site; the search index the site ships (Material's
search_index.json, or Pagefind's files) and the bytes a first search fetches in Chromium
(bench/first_search.py). Then the worst cases: a 1 MB seed of each slow shape
(bench/shapes.py) extracted cold, the one of advice with no named actor again with its ids
in the registry.
Wall seconds move with the machine's load: read ratios more than seconds.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

from first_search import first_search
from shapes import SHAPES, write_shape

ROOT = Path(__file__).resolve().parent.parent
SEARCH_WORDS = "strategic dialogue"
"""Words of the seeds' recommendations, so a first search has results to show."""
REPEATS = 3
"""Rebuilds timed for the no-change and one-changed figures, which give their median: a
rebuild of a second or two moves with the machine's load."""
TARGETS_1000 = {"cold s": 30, "no-change s": 1, "one-changed s": 2, "mkdocs s": 60, "peak MB": 500}


def retitled(text: str, title: str, note: str) -> str:
    """A seed with its first non-empty block (its title) replaced and a paragraph added."""
    blocks = text.split("\n\n")
    first = next(i for i, b in enumerate(blocks) if b.strip())
    heading = "# " if blocks[first].lstrip().startswith("#") else ""
    return "\n\n".join([*blocks[:first], heading + title, *blocks[first + 1:], note]) + "\n"


def make_corpus(seeds: Path, count: int) -> None:
    """`count` seeds, copies of the repo's seeds, each with its own title and sentence."""
    originals = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    seeds.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        title = f"Benchmark brief {i:05d} on the strategic dialogue"
        note = f"Copy {i} of this brief adds that the review board should meet by {2000 + i % 50}."
        (seeds / f"bench_{i:05d}.txt").write_text(retitled(originals[i % len(originals)], title, note), "utf-8")


def tree_usage(pid: int, cpu: dict[int, float]) -> int:
    """RSS in bytes of a process and all its descendants, read from /proc; records each
    one's CPU seconds so far in `cpu` (by pid)."""
    children: dict[int, list[int]] = {}
    stats: dict[int, list[bytes]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        stats[int(entry)] = fields
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        if p in stats:
            total += int(stats[p][21]) * os.sysconf("SC_PAGE_SIZE")
            cpu[p] = (int(stats[p][11]) + int(stats[p][12])) / os.sysconf("SC_CLK_TCK")
        todo += children.get(p, [])
    return total


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Run a command; (wall seconds, CPU seconds and peak MB of it and its children).
    Exits on failure."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "1", **(env or {})}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, cpu = 0, {}
    while proc.poll() is None:
        peak = max(peak, tree_usage(proc.pid, cpu))
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    return seconds, sum(cpu.values()), peak / 1e6


def project(dest: Path, count: int | None) -> Path:
    """The project's inputs in `dest`, with `count` synthetic seeds (None: the repo's own)."""
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "aliases.yaml"):
        shutil.copy(ROOT / name, dest / name)
    shutil.copytree(ROOT / "templates", dest / "templates")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    (dest / "site_src").mkdir()
    if count is None:
        shutil.copytree(ROOT / "seeds", dest / "seeds")
    else:
        make_corpus(dest / "seeds", count)
    return dest


def search_bytes(site: Path) -> str:
    """What the site ships for search: Material's index, or Pagefind's files."""
    index = site / "search" / "search_index.json"
    pagefind = [p for p in (site / "pagefind").rglob("*") if p.is_file()] if (site / "pagefind").is_dir() else []
    if pagefind:
        return f"pagefind {len(pagefind)} files {sum(p.stat().st_size for p in pagefind) / 1e6:.1f} MB"
    return f"search_index.json {index.stat().st_size / 1e6:.1f} MB" if index.is_file() else "none"


def first_search_kb(site: Path) -> str:
    """Kilobytes a reader's browser fetches for a first search (Chromium, bench/first_search.py)."""
    try:
        fetched = first_search(site, SEARCH_WORDS)
    except Exception as err:  # a benchmark prints what it could not measure, and goes on
        return f"not measured ({type(err).__name__})"
    return f"{sum(size for _, size in fetched) / 1e3:.0f} kB"


def brief_page(site: Path, slug: str) -> int:
    """Bytes of a brief's built page (0 when there is none)."""
    page = site / "briefs" / slug / "index.html"
    return page.stat().st_size if page.is_file() else 0


def measure(tmp: Path, count: int, baseline_page: int) -> dict[str, object]:
    """Every figure of one corpus size."""
    proj = project(tmp / f"n{count}", count)
    gen = [sys.executable, "-m", "generator", "build"]
    cold, cold_cpu, cold_mb = run(gen, proj)
    run(gen, proj)  # the registry settles: the next build finds nothing changed
    same = median(run(gen, proj)[0] for _ in range(REPEATS))
    seed = proj / "seeds" / "bench_00000.txt"
    ones = []
    for n in range(1, REPEATS + 1):  # each build finds one seed changed since the last
        seed.write_text(seed.read_text("utf-8") + f"\nOne more sentence says the board must also publish its minutes {n}.\n", "utf-8")
        ones.append(run(gen, proj))
    one, one_mb = median(t for t, _, _ in ones), max(mb for _, _, mb in ones)
    site, _, site_mb = run([sys.executable, "-m", "mkdocs", "build"], proj)
    pages = [p for p in (proj / "site").rglob("*.html")]
    biggest = max(pages, key=lambda p: p.stat().st_size)
    page = brief_page(proj / "site", "benchmark-brief-00001-on-the-strategic-dialogue")
    return {"briefs": count, "cold s": cold, "cold CPU s": cold_cpu, "no-change s": same, "one-changed s": one,
            "one-changed runs": " ".join(f"{t:.2f}" for t, _, _ in ones), "mkdocs s": site,
            "peak MB": max(cold_mb, one_mb, site_mb), "html pages": len(pages),
            "biggest page": f"{biggest.stat().st_size / 1e3:.0f} kB {biggest.relative_to(proj / 'site').as_posix()}",
            "brief page ×": page / baseline_page if baseline_page else 0.0,
            "search": search_bytes(proj / "site"), "first search": first_search_kb(proj / "site")}


def worst_case(tmp: Path) -> list[str]:
    """Extract each 1 MB shape cold (bench/shapes.py); the actorless one again with its
    ids in the registry."""
    proj = project(tmp / "large", 0)
    lines = []
    for label in SHAPES:
        seed = write_shape(proj, label)
        cmd = [sys.executable, "-m", "generator", "extract", seed.name, "--ids", f"{seed.stem}.json"]
        first, first_cpu, first_mb = run(cmd, proj)
        line = f"1 MB seed, {label}: extract {first:.1f} s ({first_cpu:.1f} CPU s) / {first_mb:.0f} MB"
        if label == "no named actor":
            again, again_cpu, again_mb = run(cmd, proj)
            line += (f"; again with its ids in the registry {again:.1f} s ({again_cpu:.1f} CPU s) "
                     f"/ {again_mb:.0f} MB")
        lines.append(line)
    return lines + ["targets for a 1 MB seed of any shape: ≤ 10 s, ≤ 500 MB"]


def fmt(value: object) -> str:
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def main() -> None:
    """Build each corpus in a temporary folder, time each step, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--no-large", action="store_true", help="skip the 1 MB worst case")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = project(Path(tmp) / "two", None)
        run([sys.executable, "-m", "mkdocs", "build"], base)
        baseline = brief_page(base / "site", "how-iraq-and-the-united-states-can-further-the-strategic-dialogue")
        rows = [measure(Path(tmp), n, baseline) for n in args.sizes]
        large = None if args.no_large else worst_case(Path(tmp))
    print("| " + " | ".join(rows[0]) + " |")
    print("|" + "---|" * len(rows[0]))
    for row in rows:
        print("| " + " | ".join(fmt(v) for v in row.values()) + " |")
    print("targets at 1,000 briefs: " + ", ".join(f"{k} ≤ {v}" for k, v in TARGETS_1000.items()))
    for line in large or []:
        print(line)


if __name__ == "__main__":
    main()
