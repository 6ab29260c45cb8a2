"""The views across briefs: entity merging, recommendations naming an entity, dates, publications."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.publishing import views
from generator.publishing.markdown_safe import plain_text
from generator.model import Author, Brief, Entity, Metadata, Recommendation
from generator.publishing.views import (anchor, briefs_by_publication, briefs_by_year, entities_by_kind,
                             entity_slug, entity_views, index_recommendations, name_pattern,
                             naming_recommendations, strength_counts, strongest_first)


def brief(slug: str, date: str | None = None, publication: str | None = None,
          entities: tuple[Entity, ...] = (), recs: tuple[Recommendation, ...] = ()) -> Brief:
    meta = Metadata(title=slug.title(), authors=(Author("A. Writer"),), date=date,
                    publication=publication)
    return Brief(slug=slug, source_file=f"seeds/{slug}.txt", meta=meta, body=(),
                 recommendations=recs, entities=entities)


def rec(text: str, actor: str | None, strength: str = "should", paragraph: int = 1) -> Recommendation:
    return Recommendation(text=text, actor=actor, strength=strength, paragraph=paragraph, id=text[:6])


@pytest.mark.parametrize("name, expected", [
    ("Mustafa al-Kadhimi", "mustafa-al-kadhimi"),
    ("Kata’ib Hezbollah", "kataib-hezbollah"),
    ("Index", "index-entity"),          # entities/index.md is the entity index
    ("***", anchor("***")),             # no letters: a hash, never an empty file name
])
def test_entity_slug(name: str, expected: str) -> None:
    assert entity_slug(name) == expected
    assert entity_slug(name)


def test_entities_merge_across_briefs_and_list_what_names_them() -> None:
    a = brief("a", entities=(Entity("Kata’ib Hezbollah", "organization", (), 2),
                             Entity("Iraq", "place", (), 1)),
              recs=(rec("Baghdad must disarm Kataib Hezbollah now.", "Iraq", "must"),))
    b = brief("b", entities=(Entity("Kataib Hezbollah", "organization", ("KH",), 5),
                             Entity("Iraq", "place", (), 1)),
              recs=(rec("Iraq should talk to KH.", "Iraq"), rec("KHAN should wait.", None)))
    views = {v.slug: v for v in entity_views([a, b])}
    kh = views["kataib-hezbollah"]
    assert kh.mentions == 7
    assert [(x.slug, n) for x, n in kh.briefs] == [("b", 5), ("a", 2)]
    assert (kh.name, kh.aliases) == ("Kataib Hezbollah", ("KH", "Kata’ib Hezbollah"))  # most mentioned
    # the alias "KH" matches a whole word only; "KHAN" does not name it
    assert [r.text for _, r in kh.recommendations] == [
        "Baghdad must disarm Kataib Hezbollah now.", "Iraq should talk to KH."]
    assert [r.actor for _, r in views["iraq"].recommendations] == ["Iraq", "Iraq"]  # by actor


def test_an_entity_has_a_page_when_two_briefs_name_it_or_one_names_it_often() -> None:
    a = brief("a", entities=(Entity("Once", "person", (), 1), Entity("Often", "person", (), 5),
                             Entity("Shared", "place", (), 1)))
    b = brief("b", entities=(Entity("Shared", "place", (), 1), Entity("Twice", "person", (), 2)))
    assert [v.name for v in entity_views([a, b])] == ["Often", "Shared"]


def test_an_entity_view_lists_what_its_page_shows_and_counts_the_rest(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The most naming briefs and the strongest recommendations, up to the limit; the
    counts cover them all."""
    monkeypatch.setattr(views, "ENTITY_LIST_LIMIT", 2)
    many = [brief(f"b{n}", entities=(Entity("Port Board", "organization", (), n),),
                  recs=(rec(f"The Port Board should act {n}.", "Port Board", "must" if n == 1 else "should"),))
            for n in range(1, 5)]
    view, = views.entity_views(many)
    assert (view.brief_count, view.recommendation_count, view.mentions) == (4, 4, 10)
    assert [(b.slug, n) for b, n in view.briefs] == [("b4", 4), ("b3", 3)]
    assert [r.text for _, r in view.recommendations] == [
        "The Port Board should act 1.", "The Port Board should act 2."]


def test_entity_index_groups_by_kind_in_a_fixed_order() -> None:
    b = brief("a", entities=(Entity("Zed", "place", (), 5), Entity("Acme", "organization", (), 5),
                             Entity("Ann", "person", (), 5), Entity("Thing", "gadget", (), 5),
                             Entity("Iraq War", "event", (), 5)))
    assert [(label, [v.name for v in vs]) for label, vs in entities_by_kind(entity_views([b]))] == [
        ("People", ["Ann"]), ("Organizations", ["Acme"]), ("Places", ["Zed"]),
        ("Events", ["Iraq War"]), ("Other", ["Thing"])]


def test_briefs_by_year_newest_first_undated_last() -> None:
    briefs = [brief("old", "2019-05-01"), brief("none"), brief("new", "2021-02"), brief("mid", "2021-06-30")]
    assert [(y, [b.slug for b in bs]) for y, bs in briefs_by_year(briefs)] == [
        ("2021", ["mid", "new"]), ("2019", ["old"]), ("Undated", ["none"])]


def test_briefs_by_publication_alphabetical_unknown_last() -> None:
    briefs = [brief("x", publication="War on the Rocks"), brief("y"),
              brief("z", "2020-01-01", "atlantic council"), brief("w", "2021-01-01", "atlantic council")]
    assert [(p, [b.slug for b in bs]) for p, bs in briefs_by_publication(briefs)] == [
        ("atlantic council", ["w", "z"]), ("War on the Rocks", ["x"]), ("Unknown publication", ["y"])]


def test_no_briefs_no_views() -> None:
    assert entity_views([]) == [] and briefs_by_year([]) == [] and briefs_by_publication([]) == []
    assert strength_counts([]) == {"must": 0, "should": 0, "could": 0}


WORDS = st.sampled_from(["Iran", "Iran's", "U.S.", "the", "Fund", "(IMF)", "IMF", "Kadhimi",
                         "al-Kadhimi", "Élysée", " ", ",", "-", "should"])
PHRASES = st.lists(WORDS, min_size=1, max_size=4).map("".join)


@given(names=st.lists(PHRASES, min_size=1, max_size=3),
       texts=st.lists(st.tuples(st.lists(WORDS, max_size=12).map(" ".join), PHRASES), max_size=8))
def test_the_index_finds_what_a_scan_of_every_recommendation_finds(names, texts) -> None:
    briefs = [brief(f"b{i}", recs=(rec(text, actor),)) for i, (text, actor) in enumerate(texts)]
    pattern = name_pattern(names)
    scanned = strongest_first((views.brief_line(b), r) for b in briefs for r in b.recommendations
                              if r.actor in names or (pattern and pattern.search(plain_text(r.text))))
    assert naming_recommendations(names, index_recommendations(briefs)) == tuple(scanned)
    first_words = {m.group() for n in names if (m := re.match(r"\w+", n.strip()))}
    assert naming_recommendations(names, index_recommendations(briefs, first_words)) == tuple(scanned)
