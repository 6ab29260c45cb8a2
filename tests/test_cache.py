"""Rebuilds do only what changed: parsed seeds cached on disk (hit, miss, stale, corrupt),
parallel parsing giving serial bytes, a no-change build that stops early, progress counts."""
from __future__ import annotations

import io
import os
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator import cache, parallel
from generator.build import Paths, build
from generator.progress import Progress
from seedkit import GENERATED_BAD, article
from siteproject import copy_project

TITLES = ["Harbours Need Dredging Before the Storms", "Grain Stores Must Be Audited Yearly",
          "Rail Freight Should Carry the Harvest", "Ferry Crews Need Winter Training",
          "Canal Locks Must Open at Night", "Bus Lanes Should Reach the Villages",
          "Bridges Need Inspection After Floods", "Airports Must Publish Noise Maps",
          "Pipelines Should Be Mapped in Public"]


def tree(out: Path) -> dict[str, bytes]:
    """Every file under `out` → its bytes."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def small_project(tmp: Path, titles: list[str] = TITLES[:3]) -> Path:
    tmp.mkdir(parents=True, exist_ok=True)
    project = copy_project(tmp)
    for i, title in enumerate(titles):
        (project / "seeds" / f"extra_{i}.txt").write_text(article(title), "utf-8")
    return project


def entries(project: Path) -> list[Path]:
    return sorted((project / ".cache" / "briefs").glob("*.brief"))


def test_a_second_build_reads_every_seed_from_the_cache(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    first = build(Paths.under(project))
    assert (first.from_cache, first.extracted, first.failed) == (0, 5, 0)
    assert len(entries(project)) == 5
    shutil.rmtree(project / "site_src")  # pages gone: written again, from cached briefs
    second = build(Paths.under(project))
    assert (second.from_cache, second.extracted) == (5, 0)
    assert second.briefs == first.briefs


def test_only_the_changed_seed_is_parsed_again(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    build(Paths.under(project))
    seed = project / "seeds" / "extra_1.txt"
    seed.write_text(article(TITLES[1]) + "\n\nFerries must run on Sundays.\n", "utf-8")
    report = build(Paths.under(project))
    assert (report.from_cache, report.extracted) == (4, 1)
    assert len(entries(project)) == 5  # the entry of the old text is dropped


def test_a_corrupt_or_foreign_cache_file_is_rebuilt_not_trusted(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    build(Paths.under(project))
    pages = tree(project / "site_src")
    files = entries(project)
    files[0].write_bytes(files[0].read_bytes()[:-20] + b"x" * 20)  # payload damaged
    files[1].write_bytes(files[2].read_bytes())  # another seed's entry under this name
    files[3].write_bytes(b"")
    shutil.rmtree(project / "site_src")
    (project / ".cache" / "site.pickle").unlink()  # else the last build's state serves every seed
    report = build(Paths.under(project))
    assert (report.from_cache, report.extracted) == (2, 3)
    assert tree(project / "site_src") == pages


def test_a_changed_alias_file_or_generator_parses_everything_a_template_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = small_project(tmp_path)
    build(Paths.under(project))
    with (project / "aliases.yaml").open("a", encoding="utf-8") as f:
        f.write("\n# a comment changes the bytes\n")
    assert build(Paths.under(project)).extracted == 5
    monkeypatch.setattr(cache, "generator_version", lambda: "another version")
    assert build(Paths.under(project)).extracted == 5
    template = project / "templates" / "brief.md.j2"
    template.write_text(template.read_text("utf-8") + "\nA line every brief page shows.\n", "utf-8")
    report = build(Paths.under(project))
    assert report.extracted == 0 and "briefs/harbours-need-dredging-before-the-storms.md" in report.changed
    page = project / "site_src" / "briefs" / "harbours-need-dredging-before-the-storms.md"
    assert "A line every brief page shows." in page.read_text("utf-8")


def test_nothing_changed_stops_early_and_a_touched_page_builds_again(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    build(Paths.under(project))
    build(Paths.under(project))  # the registry settled: this build's report is kept
    pages = tree(project / "site_src")
    again = build(Paths.under(project))
    assert (again.changed, again.briefs, again.built, again.from_cache) == ((), (), 5, 5)
    (project / "site_src" / "index.md").write_text("# edited by hand\n", "utf-8")
    (project / "site_src" / "questions.md").unlink()
    report = build(Paths.under(project))
    assert report.built == 5 and len(report.briefs) == 5
    assert sorted(report.changed) == ["index.md", "questions.md"]
    assert tree(project / "site_src") == pages


def test_a_page_of_the_users_own_changes_nothing_one_in_the_way_builds_again(tmp_path: Path) -> None:
    """The stamp holds the files at generated paths: a page a user adds elsewhere is read by
    no generated page, so the build still stops early; removing a hand-made file that
    stood in the way of a generated page lets the build write that page."""
    project = small_project(tmp_path)
    (project / "site_src" / "questions.md").write_text("# My questions\n", "utf-8")
    build(Paths.under(project))
    build(Paths.under(project))
    (project / "site_src" / "about.md").write_text("# About us\n", "utf-8")
    again = build(Paths.under(project))
    assert (again.changed, again.briefs) == ((), ())
    assert [p.path for p in again.problems] == ["site_src/questions.md"]
    (project / "site_src" / "questions.md").unlink()
    report = build(Paths.under(project))
    assert report.changed == ("questions.md",) and report.problems == ()
    assert (project / "site_src" / "about.md").read_text("utf-8") == "# About us\n"


def test_parallel_parsing_writes_the_bytes_of_serial_parsing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = small_project(tmp_path / "serial", TITLES)
    together = small_project(tmp_path / "parallel", TITLES)
    monkeypatch.setattr(parallel, "workers_for", lambda count: 1)
    build(replace(Paths.under(serial), cache=None))  # no cache either: every seed parsed here
    monkeypatch.setattr(parallel, "workers_for", lambda count: 2)
    report = build(Paths.under(together))
    assert report.extracted == len(TITLES) + 2
    assert tree(serial / "site_src") == tree(together / "site_src")
    assert (serial / "ids.lock.json").read_bytes() == (together / "ids.lock.json").read_bytes()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_counts_on_a_terminal_for_a_long_build_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    shown = Terminal()
    progress = Progress(60, "extracted", shown)
    for _ in range(60):
        progress.advance()
    assert shown.getvalue().splitlines()[-1] == "briefs: 60/60 extracted"
    for total, stream in ((5, Terminal()), (60, io.StringIO())):
        small = Progress(total, "extracted", stream)
        small.advance()
        assert stream.getvalue() == ""
    monkeypatch.setenv("CI", "true")
    quiet = Terminal()
    Progress(60, "extracted", quiet).advance()
    assert quiet.getvalue() == ""


def test_mkdocs_build_ends_with_the_summary_line(every_case_build) -> None:
    project, result = every_case_build
    found = re.search(r"briefs: 0 read from cache, (\d+) extracted, (\d+) failed", result.stderr)
    assert found, result.stderr
    assert int(found[1]) >= 2 and int(found[2]) >= len(GENERATED_BAD)
    assert (project / ".cache" / "briefs").is_dir()


def test_seed_names_are_worked_out_as_one_by_one(tmp_path: Path) -> None:
    """relative_names (each folder resolved once) gives relative_name's very names: seeds
    inside the project, a symlink to a file elsewhere, a seeds folder outside the project."""
    from generator.build import relative_name, relative_names
    root, outside = tmp_path / "project", tmp_path / "elsewhere"
    (root / "seeds").mkdir(parents=True)
    outside.mkdir()
    for name in ("a.txt", "b c.md"):
        (root / "seeds" / name).write_text("x", "utf-8")
    (outside / "far.txt").write_text("x", "utf-8")
    (root / "seeds" / "link.txt").symlink_to(outside / "far.txt")
    (root / "seeds" / "near.txt").symlink_to(root / "seeds" / "a.txt")
    for folder in (root / "seeds", outside, Path(os.path.relpath(root / "seeds"))):
        files = sorted(folder.iterdir())
        assert relative_names(files, root) == [relative_name(p, root) for p in files]
