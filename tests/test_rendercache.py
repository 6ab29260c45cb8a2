"""Rendered pages reused across builds (publishing/rendercache.py): a hit gives the bytes a
fresh render gives, a changed input misses, a damaged store is ignored, stale entries go."""
from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from generator.build import Paths, build
from generator.model import Author
from generator.publishing import pagestore, render, rendercache
from generator.publishing.export import briefs_to_json
from generator.publishing.rendercache import RenderCache, digest_bytes
from test_cache import TITLES, small_project, tree

STORE = Path(".cache") / "pages" / rendercache.STORE


def cold_tree(tmp: Path, project: Path) -> dict[str, bytes]:
    """The site a build without any cache writes from `project`'s seeds."""
    fresh = tmp / "cold"
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns(".cache", "site_src"))
    (fresh / "site_src").mkdir()
    build(replace(Paths.under(fresh), cache=None))
    return tree(fresh / "site_src")


def test_unchanged_pages_come_from_the_cache_without_being_worked_out_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = small_project(tmp_path / "p")
    build(Paths.under(project))
    pages = tree(project / "site_src")
    assert (project / STORE).is_file()

    def no_body(_brief: object) -> None:
        raise AssertionError("a cached brief page had its body marked again")
    monkeypatch.setattr(render, "marked_body", no_body)
    shutil.rmtree(project / "site_src")  # every page written again, each from the cache
    build(Paths.under(project))
    assert tree(project / "site_src") == pages


def test_one_changed_seed_gives_the_bytes_of_a_cold_build(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p", TITLES[:4])
    build(Paths.under(project))
    seed = project / "seeds" / "extra_2.txt"
    seed.write_text(seed.read_text("utf-8") + "\n\nThe council should repaint the locks.\n", "utf-8")
    report = build(Paths.under(project))
    assert "briefs/rail-freight-should-carry-the-harvest.md" in report.changed
    assert tree(project / "site_src") == cold_tree(tmp_path, project)


def test_a_damaged_or_edited_store_is_ignored(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    build(Paths.under(project))
    pages = tree(project / "site_src")
    store = project / STORE
    data = store.read_bytes()
    entries = pagestore.replay(data).entries
    forged = pagestore.frame({k: "# forged\n" for k in entries}, ())
    forged = forged[:pagestore.FRAME.size - 1] + b"x" + forged[pagestore.FRAME.size:]  # digest off by a byte
    for damaged in (data[:-30], b"", pagestore.MAGIC + forged, b"pagecache/1\n" + data):
        store.write_bytes(damaged)
        assert RenderCache(store.parent, project / "templates").old == {}
        shutil.rmtree(project / "site_src")
        build(Paths.under(project))
        assert tree(project / "site_src") == pages


def test_a_rebuild_appends_only_its_changes_and_reads_back_its_own_entries(tmp_path: Path) -> None:
    store = tmp_path / "pages.pickle"
    first = {f"k{i}": f"page {i}" for i in range(10)}
    pagestore.save(store, pagestore.load(store), first)
    size = store.stat().st_size
    second = {**{k: v for k, v in first.items() if k != "k0"}, "new": "a new page",
              "part": "“b”".encode()}  # a part kept as bytes
    pagestore.save(store, pagestore.load(store), second)
    assert store.stat().st_size - size < size / 2  # one small frame, not the whole store again
    assert pagestore.load(store).entries == second
    torn = store.read_bytes()[:-5]  # the last frame cut short: the one before stands
    store.write_bytes(torn)
    log = pagestore.load(store)
    assert log.entries == first and log.end is None
    pagestore.save(store, log, second)  # a torn log is written anew, whole
    assert pagestore.load(store).entries == second and pagestore.load(store).end is not None


def test_a_log_of_mostly_dead_entries_is_written_anew(tmp_path: Path) -> None:
    store = tmp_path / "pages.pickle"
    for generation in range(2 * pagestore.COMPACT + 2):
        pagestore.save(store, pagestore.load(store), {f"g{generation}-{i}": "x" * 100 for i in range(20)})
        log = pagestore.load(store)
        assert len(log.entries) == 20
        assert log.stored <= pagestore.COMPACT * 20
    assert store.stat().st_size < (pagestore.COMPACT + 1) * 20 * 150


def test_the_store_keeps_only_what_the_last_build_used(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    build(Paths.under(project))
    before = RenderCache(project / STORE.parent, project / "templates").old
    gone = (project / "site_src" / "briefs" / "harbours-need-dredging-before-the-storms.md").read_text("utf-8")
    assert gone in before.values()
    (project / "seeds" / "extra_0.txt").unlink()
    build(Paths.under(project))
    after = RenderCache(project / STORE.parent, project / "templates").old
    assert after and len(after) < len(before)
    assert gone not in after.values()


def test_sets_digest_alike_whatever_their_order_and_sharing() -> None:
    words = [f"word{i}" for i in range(50)]
    assert digest_bytes({"w": set(words)}, {}) == digest_bytes({"w": set(reversed(words))}, {})
    assert digest_bytes({"w": set(words)}, {}) != digest_bytes({"w": set(words[1:])}, {})
    text = "x" * 40
    shared = Author("A. Writer", text)
    copies = Author("A. Writer", "".join(["x" * 20, "x" * 20]))
    assert digest_bytes([shared, shared, text], {}) == digest_bytes([shared, copies, text[:20] + text[20:]], {})
    assert digest_bytes([shared], {}) != digest_bytes([replace(shared, bio="y")], {})


def test_a_changed_input_misses_and_a_same_one_hits(tmp_path: Path) -> None:
    cache = RenderCache(tmp_path, Path("templates"))
    calls = []

    def produce(text: str):
        return lambda: calls.append(text) or text
    assert cache.get("t", {"a": {1, 2}}, produce("one")) == "one"
    cache.save()
    again = RenderCache(tmp_path, Path("templates"))
    assert again.get("t", {"a": {2, 1}}, produce("two")) == "one"
    assert again.get("t", {"a": {2, 3}}, produce("three")) == "three"
    assert again.get("u", {"a": {1, 2}}, produce("four")) == "four"
    assert calls == ["one", "three", "four"]


def test_briefs_json_pieced_from_cached_parts_is_the_whole_dump(tmp_path: Path) -> None:
    project = small_project(tmp_path / "p")
    briefs = sorted(build(Paths.under(project)).briefs, key=lambda b: b.slug)
    cache = RenderCache(tmp_path / "c", project / "templates")
    assert render.briefs_json(briefs, cache) == briefs_to_json(briefs).encode()
    assert render.briefs_json(briefs[1:], cache) == briefs_to_json(briefs[1:]).encode()
    assert render.briefs_json([], cache) == briefs_to_json([]).encode()


def test_dataclasses_digest_by_their_field_values() -> None:
    """Frozen, slotted dataclasses (the model's and the views') are pickled as their class
    and field values: equal values digest alike, any changed field differs, and the
    class counts."""
    from generator.publishing.views import EntityView
    view = EntityView("Port Board", "port-board", "organization", ("the Board",), 3, 1, 0, (), ())
    same = EntityView("Port " + "Board", "port-board", "organization", ("the Board",), 3, 1, 0, (), ())
    assert digest_bytes(view, {}) == digest_bytes(same, {})
    for change in ({"mentions": 4}, {"aliases": ()}, {"kind": "place"}, {"brief_count": 2}):
        assert digest_bytes(view, {}) != digest_bytes(replace(view, **change), {})
    assert digest_bytes(Author("A", None), {}) != digest_bytes(("A", None), {})
    assert rendercache.fast_pickle(Author("A", "b")) != rendercache.fast_pickle(Author("A", "c"))
    assert digest_bytes(Loose(1), {}) != digest_bytes(Loose(2), {})  # others: pickle's own way


def test_list_pages_and_id_records_digest_by_their_values() -> None:
    """A list's Page is digested once (an index passes it again for every group it starts)
    and an id record by its fields' repr: still equal values alike, any change apart."""
    from generator.model import IdRecord
    from generator.publishing.pages import paginate
    record = IdRecord("k7m2pq", "recommendation", "port-plan", "port.txt", "The board must act.")
    items = [("Board", [f"item {i}" for i in range(5)]), ("Council", ["one", "two"])]
    pages = paginate(items, "recs.md", 3)
    again = paginate([(g, list(i)) for g, i in items], "recs.md", 3)
    assert digest_bytes({"p": pages, "s": {"Board": pages[0]}}, {}) == \
        digest_bytes({"p": again, "s": {"Board": again[0]}}, {})
    moved = paginate([("Board", [f"item {i}" for i in range(5)]), ("Council", ["one", "three"])], "recs.md", 3)
    assert digest_bytes(pages, {}) != digest_bytes(moved, {})
    plain, other = RenderCache(None, Path("templates")), RenderCache(None, Path("templates"))
    twin, edited = replace(record), replace(record, text=record.text + " ")
    plain.plain_page("p", ((record.id, record.text), True), str, record)
    other.plain_page("p", ((record.id, "The board " + "must act."), True), str, twin)
    other.plain_page("p", ((edited.id, edited.text), True), str, edited)
    assert plain.seen[id(record)][1] == other.seen[id(twin)][1]  # the page's key digest,
    assert plain.seen[id(record)][1] != other.seen[id(edited)][1]  # standing for the record
    assert plain.key("t", [record]) == other.key("t", [twin])
    assert plain.key("t", [record]) != other.key("t", [replace(record, removed=True)])


@dataclass
class Loose:
    """A dataclass neither frozen nor slotted: its instance dict may hold more than fields."""

    value: int


def test_a_set_among_the_inputs_digests_alike_in_any_process(tmp_path: Path) -> None:
    """Sets a render receives (the slugs a page links to) are sorted: another process,
    with other string hashes, iterates them in another order and must still hit."""
    import subprocess
    import sys
    code = ("import sys; from generator.publishing.rendercache import digest_bytes; "
            "slugs = {f'slug-{i}' for i in range(40)}; "
            "sys.stdout.write(digest_bytes({'live_slugs': slugs}, {}).hex() "
            "+ digest_bytes(('page', slugs), {}).hex())")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(Path.cwd())},
                           check=True).stdout for seed in ("1", "2", "3")}
    assert len(runs) == 1


def test_an_index_blanked_torn_or_edited_reads_as_none(tmp_path: Path) -> None:
    """The index is rewritten in place under a digest: blanked (a build that stopped after
    settling), cut short or with a byte changed, it is not trusted, and the next build
    settles every page the long way to the same files."""
    from generator.publishing.rendercache import INDEX, forget_index, read_index
    project = small_project(tmp_path / "p")
    build(Paths.under(project))
    pages = tree(project / "site_src")
    folder = (project / STORE).parent
    whole = (folder / INDEX).read_bytes()
    assert read_index(folder) is not None
    forget_index(folder)
    assert read_index(folder) is None
    for damaged in (whole[:-7], whole[:-1] + bytes([whole[-1] ^ 1])):
        (folder / INDEX).write_bytes(damaged)
        assert read_index(folder) is None
        build(Paths.under(project))
        assert tree(project / "site_src") == pages
