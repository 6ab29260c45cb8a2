"""What a brief page shows around the brief: key recommendations first, grouped by actor;
neighbours in the home page's order; related briefs through shared actors and entities."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.model import Author, Brief, Entity, Metadata, Recommendation
from generator.publishing.briefpage import brief_pages, key_first, neighbours
from generator.publishing.views import MAX_HOLDERS, brief_line, related_briefs


def rec(text: str, actor: str | None, strength: str = "should") -> Recommendation:
    return Recommendation(text=text, actor=actor, strength=strength, paragraph=1, id=text[:6])


def brief(slug: str, actors: tuple[str, ...] = (), entities: tuple[str, ...] = (),
          date: str | None = None) -> Brief:
    return Brief(slug=slug, source_file=f"seeds/{slug}.txt",
                 meta=Metadata(title=slug.title(), authors=(Author("A. Writer"),), date=date),
                 body=(), recommendations=tuple(rec(f"{a} should act.", a) for a in actors),
                 entities=tuple(Entity(e, "organization", (), 1) for e in entities))


def test_key_recommendations_are_the_strongest_grouped_by_actor() -> None:
    recs = [rec("Port could wait.", "Port", "could"), rec("Town must build.", "Town", "must"),
            rec("Someone should act.", None), rec("Port should open.", "Port"),
            rec("Town should pay.", "Town"), rec("Port must close.", "Port", "must")]
    key, more = key_first(recs, limit=4)
    # strongest first, a named actor before none; groups in the order of their first item
    assert [(a, [n for n, _ in items]) for a, items in key] == [("Town", [2, 5]),
                                                                ("Port", [6, 4])]
    assert [(a, [n for n, _ in items]) for a, items in more] == [("Port", [1]),
                                                                 ("No named actor", [3])]


@given(st.lists(st.sampled_from(["must", "should", "could"]), max_size=12),
       st.integers(min_value=0, max_value=8))
def test_every_recommendation_is_shown_once(strengths: list[str], limit: int) -> None:
    recs = [rec(f"R{i} {s}", f"A{i % 3}", s) for i, s in enumerate(strengths)]
    key, more = key_first(recs, limit)
    shown = [n for _, items in key + more for n, _ in items]
    assert sorted(shown) == list(range(1, len(recs) + 1))
    assert sum(len(items) for _, items in key) == min(limit, len(recs))


def test_neighbours_follow_the_given_order() -> None:
    a, b, c = brief("a"), brief("b"), brief("c")
    assert neighbours([a, b, c]) == {"a": (None, b), "b": (a, c), "c": (b, None)}


def test_related_briefs_share_rare_actors_and_entities_first() -> None:
    briefs = [brief("iraq-1", ("Congress",), ("Baghdad", "NATO")),
              brief("iraq-2", ("Baghdad",), ("Baghdad", "NATO")),
              brief("health", ("Congress",), ("HHS",)),
              brief("alone", (), ("Nowhere",)),
              brief("fifth", ("Treasury",), ())]
    related = related_briefs(briefs)
    assert [b.slug for b in related["iraq-1"]] == ["iraq-2", "health"]  # two shared keys first
    assert [b.slug for b in related["health"]] == ["iraq-1"]
    assert related["alone"] == []
    lines = {b.slug: brief_line(b) for b in briefs}
    pages = brief_pages(briefs, related, lines)
    assert pages["iraq-1"].related == tuple(lines[b.slug] for b in related["iraq-1"])
    assert (pages["iraq-2"].newer, pages["iraq-2"].older) == (lines["iraq-1"], lines["health"])


def test_a_key_every_brief_holds_relates_nothing() -> None:
    briefs = [brief(f"b{i}", ("Congress",)) for i in range(5)]
    assert all(found == [] for found in related_briefs(briefs).values())
    many = [brief(f"b{i:03d}", ("Congress",), (f"e{i // 2}",)) for i in range(2 * MAX_HOLDERS + 4)]
    related = related_briefs(many)
    assert [b.slug for b in related["b000"]] == ["b001"]  # the pair's own entity, not Congress
