"""A rebuild after a few changed seeds (sitestate.py, ids kept for unchanged briefs, pages
reused by path) writes the very bytes of a full rebuild: site_src/ and ids.lock.json.

Each case builds a project twice (the second build settles on the last build's state),
copies it, makes the same change in both, and builds the original incrementally and the
copy from nothing but its seeds and registry. Lists are cut into pages of a few items so
the paginated paths (pages that shift when one item is added) are exercised too.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from generator import build as build_module
from generator import parallel, sitestate
from generator.build import Paths, build
from generator.identity import ids, registrycache
from generator.identity.registry import read_registry
from generator.publishing import render, shortlinks
from generator.publishing.rendercache import RenderCache
from generator.publishing.write import Kept
from seedkit import article
from test_cache import TITLES, small_project, tree

Change = Callable[[Path], None]


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of a few items, so that four briefs already fill several pages of each list."""
    for module, names in ((render, ("ITEMS_PER_PAGE", "BRIEFS_PER_PAGE")),
                          (shortlinks, ("ITEMS_PER_PAGE",))):
        for name in names:
            monkeypatch.setattr(module, name, 3)


def outputs(project: Path) -> dict[str, bytes]:
    """What a build leaves that must not depend on how it was built."""
    return {**tree(project / "site_src"), "ids.lock.json": (project / "ids.lock.json").read_bytes()}


def full_rebuild(project: Path, dest: Path) -> dict[str, bytes]:
    """The outputs of a build of `project`'s seeds and registry without any cache or page."""
    shutil.copytree(project, dest, ignore=shutil.ignore_patterns(".cache", "site_src"))
    (dest / "site_src").mkdir()
    build(replace(Paths.under(dest), cache=None))
    return outputs(dest)


def assert_incremental_is_full(tmp_path: Path, change: Change) -> dict[str, bytes]:
    """Build, settle, change both copies, and compare; the incremental outputs."""
    project = small_project(tmp_path / "p", TITLES[:4])
    build(Paths.under(project))
    build(Paths.under(project))
    before = tmp_path / "before"
    shutil.copytree(project, before, ignore=shutil.ignore_patterns(".cache", "site_src"))
    change(project)
    change(before)
    build(Paths.under(project))
    got = outputs(project)
    assert got == full_rebuild(before, tmp_path / "full")
    return got


def append(name: str, text: str) -> Change:
    def change(project: Path) -> None:
        seed = project / "seeds" / name
        seed.write_text(seed.read_text("utf-8") + "\n\n" + text + "\n", "utf-8")
    return change


def test_a_recommendation_added_to_one_seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    matched: list[str] = []
    find_items = ids.find_items
    monkeypatch.setattr(ids, "find_items", lambda brief: matched.append(brief.slug) or find_items(brief))
    kept: list[int] = []
    settle = RenderCache.settle

    def counting(self: RenderCache, files: dict) -> dict:
        out = settle(self, files)
        kept.append(sum(isinstance(v, Kept) for v in out.values()))
        return out
    monkeypatch.setattr(RenderCache, "settle", counting)
    got = assert_incremental_is_full(tmp_path, append("extra_1.txt", "The council should repaint the locks."))
    assert b"repaint the locks" in got["ids.lock.json"]
    briefs = 6  # the two repo seeds and four extra ones, each matched in full by the first build
    assert len(matched) == briefs + 1 + briefs  # then only the changed one, then the full rebuild
    assert kept[0] == 0 and kept[1] > len(got) / 2 and kept[2] == 0  # most pages left as they were


def test_the_changed_seed_is_parsed_in_a_worker_while_the_state_loads(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the seed no cache holds goes to the worker (build.parse_early), and the rebuild
    still writes the bytes of a full one."""
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    started: list[str] = []
    parse_soon = build_module.parse_soon
    monkeypatch.setattr(build_module, "parse_soon",
                        lambda parse, paths: started.extend(p.name for p in paths) or parse_soon(parse, paths))
    assert_incremental_is_full(tmp_path, append("extra_2.txt", "The council must hire lock keepers."))
    assert started == ["extra_2.txt"]


def test_a_seed_whose_entities_appear_and_disappear(tmp_path: Path) -> None:
    new_names = ("The Port of Antwerp must publish its tariffs, said Ilse Vandermeer of the "
                 "Flemish Harbour Board. Ilse Vandermeer and the Flemish Harbour Board disagree.")
    assert_incremental_is_full(tmp_path, append("extra_0.txt", new_names))

    def rewrite(project: Path) -> None:
        (project / "seeds" / "extra_2.txt").write_text(
            "Lighthouses Need Keepers\n\nBy Ana Sousa\n\nThe coast guard should staff every "
            "lighthouse in winter.\n", "utf-8")
    assert_incremental_is_full(tmp_path / "second", rewrite)


def test_a_seed_added_and_a_seed_removed(tmp_path: Path) -> None:
    def add(project: Path) -> None:
        (project / "seeds" / "extra_9.txt").write_text(article(TITLES[6]), "utf-8")
    assert_incremental_is_full(tmp_path, add)
    assert_incremental_is_full(tmp_path / "second",
                               lambda project: (project / "seeds" / "extra_1.txt").unlink())


def test_a_new_title_and_date_move_a_brief_in_the_lists(tmp_path: Path) -> None:
    def retitle(project: Path) -> None:
        seed = project / "seeds" / "extra_3.txt"
        text = seed.read_text("utf-8").replace(TITLES[3], "Aardvark Tunnels Should Be Dug First")
        seed.write_text(text.replace("By Mara Lindqvist", "By Mara Lindqvist\n\nMarch 3, 1999"), "utf-8")
    got = assert_incremental_is_full(tmp_path, retitle)
    assert any("aardvark" in name for name in got)


def test_a_registry_edited_since_the_last_build_is_matched_again(tmp_path: Path) -> None:
    def forget_ids(project: Path) -> None:
        (project / "ids.lock.json").unlink()
    assert_incremental_is_full(tmp_path, forget_ids)


def test_a_damaged_state_is_not_trusted(tmp_path: Path) -> None:
    def damage(project: Path) -> None:
        state = project / ".cache" / sitestate.FILE
        if state.exists():
            state.write_bytes(state.read_bytes()[:-10] + b"x" * 10)
        append("extra_2.txt", "The council must hire lock keepers.")(project)
    assert_incremental_is_full(tmp_path, damage)
    project = small_project(tmp_path / "q")
    build(Paths.under(project))
    state = project / ".cache" / sitestate.FILE
    assert sitestate.load(project / ".cache") is not None
    state.write_bytes(state.read_bytes()[:-10] + b"x" * 10)
    assert sitestate.load(project / ".cache") is None


def test_kept_briefs_take_their_part_of_briefs_json_from_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the changed brief is dumped again; the others' parts are read back from the
    briefs.json the last build left, while it is as that build left it."""
    dumped: list[str] = []
    to_dict = render.brief_to_dict
    monkeypatch.setattr(render, "brief_to_dict", lambda brief: dumped.append(brief.slug) or to_dict(brief))
    assert_incremental_is_full(tmp_path, append("extra_1.txt", "The council should repaint the locks."))
    briefs = 6
    assert len(dumped) == briefs + 1 + briefs  # the first build, then only the changed one, then the full rebuild


def test_a_briefs_json_edited_by_hand_is_not_read_back(tmp_path: Path) -> None:
    def edit_json(project: Path) -> None:
        path = project / "site_src" / "briefs.json"
        if path.exists():  # same size, other bytes: its parts cannot be trusted
            text = path.read_text("utf-8")
            path.write_text(text.replace('"schema"', '"SCHEMA"', 2), "utf-8")
        append("extra_2.txt", "The council must hire lock keepers.")(project)
    assert_incremental_is_full(tmp_path, edit_json)


def test_an_edit_that_changes_no_list_line_leaves_the_lists_as_they_were(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence with no advice added to a brief: only what shows its text or summary is
    worked out again; every list that shows it (by date, by actor, its entities, its
    neighbours' pages) keeps its render, each brief there being keyed by its line."""
    produced: list[set[str]] = []
    settle = RenderCache.settle

    def counting(self: RenderCache, files: dict) -> dict:
        out = settle(self, files)
        produced.append({rel for rel, v in out.items() if not isinstance(v, Kept)})
        return out
    monkeypatch.setattr(RenderCache, "settle", counting)
    assert_incremental_is_full(tmp_path, append("extra_1.txt", "The harbour was quiet that winter."))
    slug = next(rel for rel in produced[2] if rel.startswith("briefs/") and "grain" in rel)
    assets = {*render.ASSETS, *shortlinks.ASSETS}
    # the item just before the new sentence has a new context in its id record, which
    # keys its short page and the id list's page that holds it
    records = {rel for rel in produced[1] if rel.startswith(("r/", "ids/")) or rel == "ids.md"}
    assert len(records) <= 3
    assert produced[1] - assets - records <= {slug, "briefs.json", "feed.xml", "index.md"}


def test_a_state_forgotten_in_place_reads_as_none_and_a_shorter_one_rewrites_it(tmp_path: Path) -> None:
    """The state is rewritten over its old bytes (cache.rewrite_file): a build that starts
    blanks its header, and a smaller state written over a larger one reads back whole."""
    project = small_project(tmp_path / "p", TITLES[:4])
    build(Paths.under(project))
    folder = project / ".cache"
    state = sitestate.load(folder)
    sitestate.forget(folder)
    assert sitestate.load(folder) is None
    fewer = dict(list(state.entries.items())[:2])
    sitestate.save(folder, replace(state, entries=fewer, packed={}))
    assert sitestate.load(folder).entries.keys() == fewer.keys()


def test_the_id_registry_is_read_from_its_cache_only_while_it_is_the_one_written(
        tmp_path: Path) -> None:
    """The records come from .cache/ids.pickle after a build; a registry edited by hand, or
    a damaged cache, is parsed, and the outputs are still a full rebuild's."""
    def registry_cached(project: Path) -> bool:
        return read_registry(project / "ids.lock.json", project / ".cache").packed is not None

    def edit(project: Path) -> None:
        if (project / ".cache").exists():
            assert registry_cached(project)
        registry = project / "ids.lock.json"
        registry.write_text(registry.read_text("utf-8").replace('"removed": false', '"removed": true', 1),
                            "utf-8")
        assert not (project / ".cache").exists() or not registry_cached(project)

    def damage(project: Path) -> None:
        cache = project / ".cache" / registrycache.FILE
        if cache.exists():
            cache.write_bytes(cache.read_bytes()[:-10] + b"x" * 10)
            assert not registry_cached(project)
        append("extra_2.txt", "The council must hire lock keepers.")(project)

    assert_incremental_is_full(tmp_path, edit)
    assert_incremental_is_full(tmp_path / "second", damage)
    assert registry_cached(tmp_path / "second" / "p")
