"""Slugs: unique, and never moved by another seed's arrival (rule in generator/slugs.py)."""
from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings, strategies as st

from generator.model import Brief, IdRecord, Metadata
from generator.identity.slugs import assign_slugs, known_slugs


def brief(source: str, slug: str) -> Brief:
    return Brief(slug=slug, source_file=source, meta=Metadata(), body=())


def slugs_of(briefs: list[Brief]) -> dict[str, str]:
    return {b.source_file: b.slug for b in briefs}


def test_newcomer_with_the_same_title_is_the_one_suffixed() -> None:
    first, _ = assign_slugs([brief("seeds/b.txt", "walls")], {})
    assert slugs_of(first) == {"seeds/b.txt": "walls"}
    later, problems = assign_slugs([brief("seeds/a copy.txt", "walls"), brief("seeds/b.txt", "walls")],
                                   slugs_of(first))
    assert slugs_of(later) == {"seeds/a copy.txt": "walls-a-copy", "seeds/b.txt": "walls"}
    assert [str(p) for p in problems] == [
        "seeds/a copy.txt: same title as seeds/b.txt; its page is briefs/walls-a-copy.md"]


def test_without_memory_file_order_decides() -> None:
    briefs, problems = assign_slugs([brief("seeds/b.txt", "walls"), brief("seeds/a.txt", "walls")], {})
    assert slugs_of(briefs) == {"seeds/a.txt": "walls", "seeds/b.txt": "walls-b"}
    assert len(problems) == 1


def test_a_changed_title_gives_a_new_slug() -> None:
    briefs, problems = assign_slugs([brief("seeds/a.txt", "sea-walls")], {"seeds/a.txt": "walls"})
    assert slugs_of(briefs) == {"seeds/a.txt": "sea-walls"} and problems == []


def test_index_is_never_a_slug() -> None:
    briefs, _ = assign_slugs([brief("seeds/index.txt", "index")], {})
    assert slugs_of(briefs) == {"seeds/index.txt": "index-index"}


def test_same_stem_twice_still_differs() -> None:
    briefs, _ = assign_slugs([brief("seeds/a.txt", "walls"), brief("seeds/a.md", "walls"),
                              brief("seeds/A.html", "walls")], {})
    assert len(set(slugs_of(briefs).values())) == 3


def test_known_slugs_from_last_build_and_registry(tmp_path: Path) -> None:
    (tmp_path / "briefs.json").write_text(json.dumps({"briefs": [
        {"source_file": "seeds/a.txt", "slug": "walls"},
        {"source_file": "seeds/evil.txt", "slug": "walls-/../../../etc/passwd"}]}), "utf-8")
    records = [IdRecord(id="abc", kind="question", slug="dikes", source_file="seeds/b.txt", text="?"),
               IdRecord(id="abd", kind="question", slug="gone", source_file="seeds/c.txt", text="?",
                        removed=True)]
    assert known_slugs(tmp_path, records) == {"seeds/a.txt": "walls", "seeds/b.txt": "dikes"}
    assert known_slugs(tmp_path / "missing") == {}


SEEDS = st.lists(st.tuples(st.sampled_from(["a", "b", "b copy", "c", "index", "walls"]),
                           st.sampled_from(["walls", "walls-b", "index", "dikes"])),
                 min_size=1, max_size=8, unique_by=lambda t: t[0])


@given(SEEDS)
@settings(max_examples=300, deadline=None)
def test_adding_seeds_never_moves_a_slug(seeds: list[tuple[str, str]]) -> None:
    known: dict[str, str] = {}
    present: list[Brief] = []
    for name, title_slug in seeds:  # one arrives per build
        present.append(brief(f"seeds/{name}.txt", title_slug))
        built, _ = assign_slugs(present, known)
        now = slugs_of(built)
        assert len(set(now.values())) == len(now) and "index" not in now.values()
        assert all(now[source] == slug for source, slug in known.items())
        known = now


def test_long_titles_give_slugs_that_fit_a_file_name() -> None:
    words = "-".join(["coastal"] * 30)
    briefs, _ = assign_slugs([brief("seeds/a.txt", "x" * 300), brief("seeds/b.txt", words),
                              brief("seeds/c.txt", words)], {})
    slugs = slugs_of(briefs)
    assert slugs["seeds/a.txt"] == "x" * 150
    assert slugs["seeds/b.txt"] == "-".join(["coastal"] * 18)  # 143 characters, cut at a hyphen
    assert slugs["seeds/c.txt"] == slugs["seeds/b.txt"] + "-c"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.builds(IdRecord, id=st.just("abc"), kind=st.just("question"),
                          slug=st.sampled_from(["walls", "dikes", "sea-walls"]),
                          source_file=st.sampled_from(["seeds/a.txt", "seeds/b.txt"]),
                          text=st.just("?"), removed=st.booleans()), max_size=8))
def test_a_seed_known_from_the_registry_has_its_first_slug_in_sorted_order(records) -> None:
    """Whatever order the registry lists them in, a seed whose live records name two slugs
    is known by the first of them."""
    expected = {f: min(r.slug for r in records if r.source_file == f and not r.removed)
                for f in {r.source_file for r in records if not r.removed}}
    assert known_slugs(Path("/nonexistent"), records, {}) == expected
