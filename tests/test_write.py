"""Writing site_src/: only changes, stale pages gone, hand-made files kept, never half written."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from generator.publishing import write
from generator.build import Paths, build
from generator.publishing.write import MANIFEST, STAGING, write_tree
from seedkit import article
from siteproject import copy_project

OLD = {"index.md": "# Home\n", "briefs/a.md": "# A\n", "briefs/b.md": "# B\n"}
NEW = {"index.md": "# Home, new\n", "briefs/a.md": "# A\n", "briefs/c.md": "# C\n"}
EDITED = {**NEW, "briefs/a.md": "# A, edited\n"}
"""Two files replaced (staged, then moved in), one new (written in place), one deleted."""


def tree(out: Path) -> dict[str, str]:
    """Every file under `out` (bookkeeping aside) → its text."""
    files = (p.relative_to(out) for p in sorted(out.rglob("*")) if p.is_file())
    return {f.as_posix(): (out / f).read_text("utf-8") for f in files
            if not any(part.startswith(".") for part in f.parts)}


def test_first_write_then_nothing_to_do(tmp_path: Path) -> None:
    assert write_tree(tmp_path, OLD).changed == ("briefs/a.md", "briefs/b.md", "index.md")
    assert tree(tmp_path) == OLD
    assert json.loads((tmp_path / MANIFEST).read_text()) == sorted(OLD)
    assert write_tree(tmp_path, OLD).changed == ()


def test_stale_pages_go_hand_made_files_stay(tmp_path: Path) -> None:
    write_tree(tmp_path, {**OLD, "extra/only.md": "x"})
    (tmp_path / "notes.md").write_text("mine", "utf-8")
    (tmp_path / "briefs" / "mine.md").write_text("also mine", "utf-8")
    result = write_tree(tmp_path, NEW)
    assert result.changed == ("briefs/b.md", "briefs/c.md", "extra/only.md", "index.md")
    assert tree(tmp_path) == {**NEW, "notes.md": "mine", "briefs/mine.md": "also mine"}
    assert not (tmp_path / "extra").exists()


def test_hand_made_file_in_the_way_is_kept_and_reported(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("my own home page", "utf-8")
    result = write_tree(tmp_path, OLD)
    assert result.kept == ("index.md",)
    assert tree(tmp_path) == {**OLD, "index.md": "my own home page"}
    write_tree(tmp_path, {"briefs/a.md": "# A\n"})
    assert (tmp_path / "index.md").read_text("utf-8") == "my own home page"


def test_manifest_cannot_point_outside(tmp_path: Path) -> None:
    out, outside = tmp_path / "site_src", tmp_path / "precious.txt"
    outside.write_text("keep", "utf-8")
    out.mkdir()
    (out / MANIFEST).write_text(json.dumps(["../precious.txt", str(outside), ".generated.json"]))
    write_tree(out, OLD)
    assert outside.read_text("utf-8") == "keep" and tree(out) == OLD


def interrupt_after(monkeypatch: pytest.MonkeyPatch, calls: int) -> None:
    """Make the `calls`+1-th rename in write.py raise, as a Ctrl-C would."""
    real, count = os.replace, [0]

    def replace(src, dst):
        count[0] += 1
        if count[0] > calls:
            raise KeyboardInterrupt
        real(src, dst)

    monkeypatch.setattr(write.os, "replace", replace)


@pytest.mark.parametrize("renames", range(0, 4))  # the plan, two moves, the manifest
def test_interrupted_write_is_never_half_done(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              renames: int) -> None:
    write_tree(tmp_path, OLD)
    with monkeypatch.context() as patch:
        interrupt_after(patch, renames)
        with pytest.raises(KeyboardInterrupt):
            write_tree(tmp_path, EDITED)
    committed = (tmp_path / STAGING / write.PLAN).is_file()
    if not committed:  # stopped before the commit point: the old tree stands untouched
        assert tree(tmp_path) == OLD
    write.recover(tmp_path)
    assert tree(tmp_path) == (EDITED if committed else OLD)
    assert not (tmp_path / STAGING).exists()
    assert json.loads((tmp_path / MANIFEST).read_text()) == sorted(EDITED if committed else OLD)


def test_next_build_after_an_interruption_converges(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    write_tree(tmp_path, OLD)
    with monkeypatch.context() as patch:
        interrupt_after(patch, 2)  # the plan, one of two moves: half applied
        with pytest.raises(KeyboardInterrupt):
            write_tree(tmp_path, EDITED)
    write_tree(tmp_path, {"index.md": "# Home, newest\n"})
    assert tree(tmp_path) == {"index.md": "# Home, newest\n"}


def test_new_files_cut_short_are_written_again_never_taken_for_hand_made(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """New files are written in place after the commit: an interruption among them leaves
    some missing or cut, which the manifest already claims, so the next build writes them."""
    target = {**OLD, **{f"r/{i}/index.html": f"<p>{i}</p>\n" for i in range(5)}}
    write_tree(tmp_path, OLD)
    real_open, created = open, []

    def open_then_stop(path, mode="r", *args, **kwargs):
        if mode == "xb" and len(created) == 2:
            raise KeyboardInterrupt
        created.append(path)
        return real_open(path, mode, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(write, "open", open_then_stop, raising=False)
        with pytest.raises(KeyboardInterrupt):
            write_tree(tmp_path, target)
    Path(created[-1]).write_text("<p>cut", "utf-8")  # as if stopped mid-write
    assert sorted(json.loads((tmp_path / STAGING / write.PLAN).read_text())["manifest"]) == sorted(target)
    result = write_tree(tmp_path, target)
    assert result.kept == () and tree(tmp_path) == target


def test_a_file_made_by_hand_while_new_ones_are_written_is_replaced_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_create = write.create_files

    def someone_writes_first(out_dir: Path, files: dict[str, bytes]) -> dict[str, list[int]]:
        (out_dir / "index.md").write_text("a half-written race", "utf-8")
        return real_create(out_dir, files)

    monkeypatch.setattr(write, "create_files", someone_writes_first)
    write_tree(tmp_path, OLD)
    assert tree(tmp_path) == OLD


def test_removed_seed_page_disappears_hand_made_page_stays(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "seeds" / "walls.txt").write_text(article("The Walls Come First"), "utf-8")
    (project / "site_src" / "about.md").write_text("# About us\n", "utf-8")
    build(Paths.under(project))
    assert (project / "site_src" / "briefs" / "the-walls-come-first.md").is_file()
    (project / "seeds" / "walls.txt").unlink()
    report = build(Paths.under(project))
    assert "briefs/the-walls-come-first.md" in report.changed
    assert not (project / "site_src" / "briefs" / "the-walls-come-first.md").exists()
    assert (project / "site_src" / "about.md").read_text("utf-8") == "# About us\n"
    assert "the-walls-come-first" not in (project / "site_src" / "index.md").read_text("utf-8")


def test_build_names_the_hand_made_file_it_kept(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "site_src" / "index.md").write_text("# My own home\n", "utf-8")
    report = build(Paths.under(project))
    assert [str(p) for p in report.problems] == [
        "site_src/index.md: made by hand, so left alone; move it to let the generator write this page"]
    assert (project / "site_src" / "index.md").read_text("utf-8") == "# My own home\n"


def test_few_staged_files_are_synced_each_many_at_once(tmp_path: Path, monkeypatch) -> None:
    """A one-seed rebuild stages a couple of files: fsync them rather than wait for a sync
    of every file system on the machine; thousands are synced at once."""
    calls = []
    monkeypatch.setattr(os, "sync", lambda: calls.append("sync"))
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append("fsync"))
    few = [tmp_path / f"{i}.md" for i in range(2)]
    many = [tmp_path / f"m{i}.md" for i in range(write.FSYNC_EACH + 1)]
    for path in few + many:
        path.write_text("x", "utf-8")
    write.sync_staged(few)
    assert calls == ["fsync", "fsync"]
    calls.clear()
    write.sync_staged(many)
    assert calls == ["sync"]


def test_files_as_the_last_write_left_them_are_not_read_again(tmp_path: Path, monkeypatch) -> None:
    out, record = tmp_path / "site_src", tmp_path / "written.json"
    write_tree(out, OLD, record)
    monkeypatch.setattr(write, "differs", lambda path, data: pytest.fail(f"read {path}"))
    assert write_tree(out, OLD, record).changed == ()


def test_a_generated_file_changed_by_hand_is_read_and_rewritten(tmp_path: Path) -> None:
    out, record = tmp_path / "site_src", tmp_path / "written.json"
    write_tree(out, OLD, record)
    (out / "briefs" / "a.md").write_text("# B\n", "utf-8")  # same size, new bytes and mtime
    assert write_tree(out, OLD, record).changed == ("briefs/a.md",)
    assert tree(out) == OLD


def test_a_file_touched_but_the_same_is_recorded_again(tmp_path: Path, monkeypatch) -> None:
    out, record = tmp_path / "site_src", tmp_path / "written.json"
    write_tree(out, OLD, record)
    os.utime(out / "index.md", ns=(1, 1))
    assert write_tree(out, OLD, record).changed == ()  # read, found the same, left alone
    monkeypatch.setattr(write, "differs", lambda path, data: pytest.fail(f"read {path}"))
    assert write_tree(out, OLD, record).changed == ()


def test_created_files_are_recorded_as_they_are_without_looking_again(tmp_path: Path) -> None:
    out, record = tmp_path / "site_src", tmp_path / "written.json"
    write_tree(out, OLD, record)
    files = json.loads(record.read_text())["files"]
    assert {rel: state[:2] for rel, state in files.items()} == {
        rel: write.stat_of(out / rel) for rel in OLD}


def test_the_write_reports_the_state_it_left_at_every_generated_path(tmp_path: Path) -> None:
    """Written files, moved-in files, untouched files, a hand-made file in the way and the
    manifest: as a stat finds them after the write (the build stamp records these)."""
    out, record = tmp_path / "site_src", tmp_path / "written.json"
    write_tree(out, OLD, record)
    (out / "briefs" / "c.md").parent.mkdir(exist_ok=True)
    (out / "briefs" / "c.md").write_text("# C, mine\n", "utf-8")  # in the way of a new page
    written = write_tree(out, EDITED, record)
    assert written.kept == ("briefs/c.md",)
    on_disk = [*EDITED, MANIFEST]
    assert written.states == {rel: write.stat_of(out / rel) for rel in on_disk}


def test_a_record_of_another_folder_or_damaged_is_not_trusted(tmp_path: Path) -> None:
    record = tmp_path / "written.json"
    write_tree(tmp_path / "one", OLD, record)
    shutil.copytree(tmp_path / "one", tmp_path / "two")  # new mtimes
    (tmp_path / "two" / "index.md").write_text("# Home, by hand\n", "utf-8")
    assert write_tree(tmp_path / "two", OLD, record).changed == ("index.md",)
    (tmp_path / "two" / "index.md").write_text("# Home, again\n", "utf-8")
    record.write_text("{not json", "utf-8")
    assert write_tree(tmp_path / "two", OLD, record).changed == ("index.md",)
    assert tree(tmp_path / "two") == OLD


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text()))
def test_the_manifest_is_the_text_of_json_dumps(names: list[str]) -> None:
    assert write.dump_names(names) == json.dumps(names, indent=0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "", ".", "..", MANIFEST, STAGING, "b.md"]), max_size=5).map("/".join))
def test_inside_reads_a_path_as_pathlib_parts_it(rel: str) -> None:
    from pathlib import PurePosixPath
    parts = PurePosixPath(rel).parts
    expected = (bool(rel) and not rel.startswith("/") and bool(parts) and ".." not in parts
                and parts[0] not in (MANIFEST, STAGING))
    assert write.inside(rel) == expected
