"""Speed and memory of a whole build, for a corpus of N briefs: prints figures, asserts nothing.

    .venv/bin/python bench/benchmark.py            # 200 briefs
    .venv/bin/python bench/benchmark.py --briefs 1000

The corpus is made from the repo's own seeds: each copy gets its own title and a rotated
paragraph order, so slugs, ids and search entries are all distinct. Figures: seconds for
the generator alone (seeds → site_src/), for a second generator run with nothing changed,
for the whole `mkdocs build`, and the peak memory (RSS) of each; then seconds for
`extract` on one seed of the largest size a text seed may have (1 MB).
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

from generator.reading.read import MAX_TEXT_BYTES

ROOT = Path(__file__).resolve().parent.parent

# Targets this benchmark is read against (see README, "Speed and memory").
TARGETS = {"generator ms/brief": 100, "mkdocs build s per 1,000 briefs": 300, "peak MiB": 2048}


def make_corpus(dest: Path, count: int) -> None:
    """`count` distinct seeds from the repo's seeds: a new title, paragraphs rotated."""
    originals = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for i in range(count):
        text = originals[i % len(originals)]
        blocks = text.split("\n\n")
        k = 1 + i % max(1, len(blocks) - 2)
        body = blocks[1:]
        rotated = body[k:] + body[:k] if len(body) > 3 else body
        title = f"Benchmark brief {i:05d} on strategic dialogue"
        (dest / "seeds" / f"bench_{i:05d}.txt").write_text("\n\n".join([title, *rotated]), "utf-8")


def make_large_seed(path: Path) -> None:
    """One seed just under the size limit: the seeds' paragraphs over and over, each copy
    numbered so its sentences are new (a long report, not one paragraph repeated)."""
    paragraphs = [b for p in sorted((ROOT / "seeds").glob("*.txt"))
                  for b in p.read_text("utf-8").split("\n\n")[1:]]
    parts, size, n = ["A very long report on strategic dialogue"], 0, 0
    while True:
        block = f"Part {n // len(paragraphs) + 1}. {paragraphs[n % len(paragraphs)]}"
        size += len(block.encode("utf-8")) + 2
        if size >= MAX_TEXT_BYTES - 100:
            break
        parts.append(block)
        n += 1
    path.write_text("\n\n".join(parts), "utf-8")


def project(dest: Path, count: int) -> Path:
    """A copy of the project's inputs with the synthetic corpus as its seeds."""
    for name in ("mkdocs.yml", "aliases.yaml"):
        shutil.copy(ROOT / name, dest / name)
    shutil.copytree(ROOT / "templates", dest / "templates")
    (dest / "seeds").mkdir()
    (dest / "site_src").mkdir()
    make_corpus(dest, count)
    return dest


PEAK_OF_CHILD = ("import resource, subprocess, sys; "
                 "code = subprocess.run(sys.argv[1:]).returncode; "
                 "use = resource.getrusage(resource.RUSAGE_CHILDREN); "
                 "print(use.ru_maxrss, use.ru_utime + use.ru_stime, file=sys.stderr); "
                 "sys.exit(code)")


def timed(cmd: list[str], cwd: Path) -> tuple[float, float, float]:
    """Run a command in its own wrapper; return wall seconds, CPU seconds (the figure to
    read on a busy machine) and its peak RSS in MiB."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", PEAK_OF_CHILD, *cmd], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
    peak, cpu = proc.stderr.strip().splitlines()[-1].split()
    return seconds, float(cpu), int(peak) / 1024


def main() -> None:
    """Build the corpus in a temporary folder, time each step, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--briefs", type=int, default=200, help="corpus size (default 200)")
    count = parser.parse_args().briefs
    with tempfile.TemporaryDirectory() as tmp:
        proj = project(Path(tmp), count)
        gen = [sys.executable, "-m", "generator", "build"]
        first, first_cpu, first_mem = timed(gen, proj)
        again, _, _ = timed(gen, proj)
        shutil.rmtree(proj / "site_src")
        (proj / "site_src").mkdir()
        site, site_cpu, site_mem = timed([sys.executable, "-m", "mkdocs", "build"], proj)
        make_large_seed(proj / "large.txt")
        large, large_cpu, large_mem = timed([sys.executable, "-m", "generator", "extract", "large.txt"], proj)
        pages = sum(1 for _ in (proj / "site").rglob("*.html"))
        size = sum(f.stat().st_size for f in (proj / "site").rglob("*") if f.is_file()) / 2**20
    figures = {
        "briefs": count,
        "generator s (first build)": round(first, 2),
        "generator ms/brief": round(1000 * first / count, 1),
        "generator CPU s (first build)": round(first_cpu, 2),
        "generator s (no change)": round(again, 2),
        "mkdocs build s (generator included)": round(site, 2),
        "mkdocs build s per 1,000 briefs": round(site * 1000 / count, 1),
        "mkdocs build CPU s": round(site_cpu, 2),
        "peak MiB": round(max(first_mem, site_mem), 1),
        "html pages": pages,
        "site MiB": round(size, 1),
        "extract s, one 1 MB seed": round(large, 2),
        "extract CPU s, one 1 MB seed": round(large_cpu, 2),
        "extract peak MiB, one 1 MB seed": round(large_mem, 1),
    }
    for name, value in figures.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else f"   (target ≤ {target}: {'ok' if value <= target else 'OVER'})"
        print(f"{name:38} {value}{verdict}")


if __name__ == "__main__":
    main()
