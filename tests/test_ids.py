"""The id matcher: items keep their ids through rebuilds and edits, and ids are never reused."""
from __future__ import annotations

import re
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.identity.anchors import TEXT_ALONE, normalize, text_score
from generator.identity.ids import RecordIndex, assign_ids, items, make_id
from generator.model import IdRecord
from idcases import COUNCIL, edit, ids_by_text, make_brief

CONTRACT = COUNCIL[1][0]
FERRY = COUNCIL[2][1]
LEASE = COUNCIL[4][1]
QUESTION = COUNCIL[3][0]


def first_build(paras=COUNCIL, **kw):
    """Ids for a brief built against an empty registry: (brief, records)."""
    result = assign_ids([make_brief(paras, **kw)], [])
    return result.briefs[0], result.records


def rebuild(records, paras, complete=True, **kw):
    """Build the brief again against `records`."""
    return assign_ids([make_brief(paras, **kw)], records, complete=complete)


def test_ids_are_short_url_safe_and_deterministic():
    brief, records = first_build()
    again, _ = first_build()
    ids = list(ids_by_text(brief).values())
    assert all(re.fullmatch(r"[a-km-np-z][2-9a-km-np-z]{5}", i) for i in ids)
    assert ids_by_text(again) == ids_by_text(brief)
    assert [r.id for r in records] == sorted(ids)


def test_make_id_skips_taken_ids():
    first, salt = make_id("seed", set())
    second, next_salt = make_id("seed", {first})
    assert second != first and next_salt > salt
    assert make_id("seed", {first}) == (second, next_salt)


def test_starting_after_the_last_salt_gives_the_ids_a_scan_from_zero_gives():
    taken: set[str] = set()
    scanned = []
    for _ in range(20):
        rid, _ = make_id("seed", taken)
        taken.add(rid)
        scanned.append(rid)
    taken, resumed, salt = set(), [], 0
    for _ in range(20):
        rid, used = make_id("seed", taken, salt)
        taken.add(rid)
        resumed.append(rid)
        salt = used + 1
    assert resumed == scanned


SAME_ITEMS = [
    ("unchanged", lambda p: p, {}),
    ("paragraph added on top", lambda p: [["Editor's note: updated after comments."], *p], {}),
    ("paragraphs reordered", lambda p: [p[4], p[1], p[0], p[5], p[3], p[2]], {}),
    ("seed renamed", lambda p: p, {"source": "seeds/renamed.md"}),
    ("retitled, same seed", lambda p: p, {"slug": "new-title", "title": "New Title"}),
    ("typo fixed", lambda p: edit(p, CONTRACT, CONTRACT.replace("publish", "publsh")), {}),
    ("word changed", lambda p: edit(p, LEASE, LEASE.replace("ten", "twelve")), {}),
    ("punctuation changed", lambda p: edit(p, FERRY, FERRY.replace(" on the", ", on the")), {}),
]


@pytest.mark.parametrize("name, change, kw", SAME_ITEMS, ids=[c[0] for c in SAME_ITEMS])
def test_items_keep_their_ids(name, change, kw):
    brief, records = first_build()
    result = rebuild(records, change(COUNCIL), **kw)
    assert sorted(ids_by_text(result.briefs[0]).values()) == sorted(ids_by_text(brief).values())
    assert not any(r.removed for r in result.records)


def test_an_edit_is_reported_and_recorded():
    brief, records = first_build()
    edited = CONTRACT.replace("every", "each")
    result = rebuild(records, edit(COUNCIL, CONTRACT, edited))
    rid = ids_by_text(brief)[CONTRACT]
    assert ids_by_text(result.briefs[0])[edited] == rid
    assert [n for n in result.notes if rid in n] == [
        f"harbour-council: recommendation {rid} re-anchored after an edit: "
        f"“{CONTRACT}” → “{edited}”"]
    assert {r.id: r.text for r in result.records}[rid] == edited


def test_a_rewritten_sentence_gets_a_new_id_and_the_old_one_is_removed():
    brief, records = first_build()
    rewritten = "Contracts ought to go online, the auditors should insist."
    result = rebuild(records, edit(COUNCIL, CONTRACT, rewritten))
    old = ids_by_text(brief)[CONTRACT]
    new = ids_by_text(result.briefs[0])[rewritten]
    assert new != old
    gone = {r.id: r for r in result.records}[old]
    assert gone.removed and gone.text == CONTRACT
    assert any(old in n and "marked removed" in n for n in result.notes)


def test_a_removed_item_that_comes_back_is_restored():
    brief, records = first_build()
    without = rebuild(records, [p for p in COUNCIL if LEASE not in p]).records
    back = rebuild(without, COUNCIL)
    rid = ids_by_text(brief)[LEASE]
    assert ids_by_text(back.briefs[0])[LEASE] == rid
    assert not {r.id: r for r in back.records}[rid].removed
    assert any(rid in n and "found again" in n for n in back.notes)


@pytest.mark.parametrize("complete", [True, False], ids=["build", "extract"])
def test_a_renamed_and_retitled_seed_is_found_by_its_content(complete):
    brief, records = first_build()
    moved = rebuild(records, COUNCIL, complete=complete, slug="other", source="seeds/other.txt")
    assert ids_by_text(moved.briefs[0]) == ids_by_text(brief)
    assert any("moved from brief harbour-council" in n for n in moved.notes)


@pytest.mark.parametrize("times", [1, 8], ids=["once", "over and over"])
@pytest.mark.parametrize("complete", [True, False], ids=["build", "extract"])
def test_a_brief_quoting_another_gets_its_own_ids(complete, times):
    brief, records = first_build()
    quoting = make_brief([[FERRY]] * times + [["The ferry board should meet monthly."]],
                         slug="ferries", source="seeds/ferries.txt")
    both = [make_brief(COUNCIL), quoting] if complete else [quoting]
    result = assign_ids(both, records, complete=complete)
    theirs = set(ids_by_text(brief).values())
    assert not {i.id for i in items(result.briefs[-1])} & theirs
    assert not any(r.removed for r in result.records)


def test_identical_sentences_get_distinct_ids_and_keep_them():
    paras = [*COUNCIL, [CONTRACT]]
    brief, records = first_build(paras)
    ids = [r.id for r in brief.recommendations if r.text == CONTRACT]
    assert len(set(ids)) == 2
    again = rebuild(records, paras).briefs[0]
    assert [r.id for r in again.recommendations if r.text == CONTRACT] == ids


def test_the_kind_of_an_item_is_part_of_its_identity():
    brief, records = first_build()
    as_statement = QUESTION.replace("?", ".").replace("Who pays", "Who should pay")
    result = rebuild(records, edit(COUNCIL, QUESTION, as_statement))
    assert ids_by_text(result.briefs[0])[as_statement] != ids_by_text(brief)[QUESTION]


@pytest.mark.parametrize("a, b", [
    ("The council **should** publish [contracts](https://x.test).",
     "the council should publish contracts"),
    ("Ferries  run\u00a0late — mostly.", "ferries run late mostly"),
])
def test_normalize_ignores_markup_case_and_punctuation(a, b):
    assert normalize(a) == b


@pytest.mark.parametrize("old, new, same", [
    ("the council should publish every contract it signs",
     "posted by the desk on monday the council should publish every contract it signs", True),
    ("the council should publish every contract it signs",
     "the council should publish every contract it sign", True),
    ("the council should act",
     "the council should act before the recess and fund the dredging of the harbour", False),
    ("the council should publish every contract it signs",
     "ferry operators should add a boat on the northern route", False),
])
def test_text_score_takes_a_quote_inside_a_longer_sentence(old, new, same):
    assert (text_score(old, new) >= TEXT_ALONE) == same
    assert text_score(old, new) == text_score(new, old)


# ---------------------------------------------------------------- properties

def words(alphabet):
    """Words from one alphabet, so sentences from two alphabets share almost nothing."""
    return st.text(alphabet=alphabet, min_size=3, max_size=9)


def sentences(alphabet):
    """Recommendations and questions of 4 to 12 words."""
    body = st.lists(words(alphabet), min_size=4, max_size=12).map(" ".join)
    return st.one_of(body.map(lambda s: f"Officials should {s}."), body.map(lambda s: f"Why {s}?"))


def briefs(alphabet="abcdefgijkm"):
    """Paragraphs of one to three sentences."""
    return st.lists(st.lists(sentences(alphabet), min_size=1, max_size=3),
                    min_size=1, max_size=8)


def pairs(brief):
    """The (text, id) pairs of a brief, as a sorted list (duplicated texts count twice)."""
    return sorted((i.text, i.id) for i in (*brief.recommendations, *brief.open_questions))


@settings(max_examples=60, deadline=None)
@given(st.lists(briefs(), min_size=1, max_size=3), st.booleans())
def test_ids_are_unique_across_the_site(bodies, twice):
    """Briefs may share sentences (or be copies); every item still has its own id."""
    site = [make_brief(p, slug=f"b{k}", source=f"seeds/{k}.txt") for k, p in enumerate(bodies)]
    result = assign_ids(site, [])
    if twice:
        result = assign_ids(site, result.records)
    ids = [i for b in result.briefs for _, i in pairs(b)]
    assert len(ids) == len(set(ids)) == len(result.records)


@settings(max_examples=60, deadline=None)
@given(briefs())
def test_an_unchanged_brief_keeps_all_ids(paras):
    first = assign_ids([make_brief(paras)], [])
    second = assign_ids([make_brief(paras)], first.records)
    assert pairs(second.briefs[0]) == pairs(first.briefs[0])
    assert second.records == first.records and second.notes == ()


@settings(max_examples=60, deadline=None)
@given(briefs(), st.randoms(use_true_random=False))
def test_matching_ignores_paragraph_order(paras, rnd):
    first = assign_ids([make_brief(paras)], [])
    shuffled = list(paras)
    rnd.shuffle(shuffled)
    second = assign_ids([make_brief(shuffled)], first.records)
    assert pairs(second.briefs[0]) == pairs(first.briefs[0])


@settings(max_examples=60, deadline=None)
@given(briefs("abcdefgijkm"), briefs("npqrtvwxyz"))
def test_ids_are_never_reused(old, new):
    """Replace a brief's text with unrelated text, then bring the old text back elsewhere:
    no id ever leaves the registry or lands on an item unrelated to its text."""
    first = assign_ids([make_brief(old)], [])
    second = assign_ids([make_brief(new)], first.records)
    third = assign_ids([make_brief(old, slug="elsewhere", source="seeds/elsewhere.txt")],
                       second.records, complete=False)
    published = {r.id for r in first.records}
    assert published <= {r.id for r in second.records} <= {r.id for r in third.records}
    assert all(r.removed for r in second.records if r.id in published)
    assert published.isdisjoint(i for _, i in pairs(second.briefs[0]))
    assert {i for _, i in pairs(second.briefs[0])}.isdisjoint(i for _, i in pairs(third.briefs[0]))


@settings(max_examples=40, deadline=None)
@given(briefs(), st.data())
def test_a_typo_keeps_the_id(paras, data):
    brief = make_brief(paras)
    items = [*brief.recommendations, *brief.open_questions]
    target = data.draw(st.sampled_from(items)).text
    words_ = target.split(" ")
    k = data.draw(st.integers(1, len(words_) - 2))
    typo = " ".join(words_[:k] + [words_[k] + "s"] + words_[k + 1:])
    assume(all(typo != i.text for i in items))
    first = assign_ids([brief], [])
    second = assign_ids([make_brief(edit(paras, target, typo))], first.records)
    kept = [i for t, i in pairs(second.briefs[0]) if t == typo]
    assert set(kept) <= {i for t, i in pairs(first.briefs[0]) if t == target}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n\t\u00a0\u2003.")), max_size=400), st.integers(0, 70))
def test_contexts_fold_only_the_end_they_keep(text: str, n: int) -> None:
    """A context folds the white space of just the end of its paragraphs it keeps: the
    same characters as folding them all."""
    from generator.identity.anchors import folded_head, folded_tail
    assert folded_tail(text, n) == " ".join(text.split())[-n:]
    assert folded_head(text, n) == " ".join(text.split())[:n]


INDEXED = st.builds(IdRecord, id=st.from_regex(r"[a-z]{3}", fullmatch=True),
                    kind=st.sampled_from(["recommendation", "question"]),
                    slug=st.sampled_from(["walls", "dikes", "ports"]),
                    source_file=st.sampled_from(["seeds/a.txt", "old/a.txt", "seeds/b.md"]),
                    text=st.sampled_from(["Build the wall.", "build THE wall", "Who pays?"]),
                    removed=st.booleans())


@settings(max_examples=60, deadline=None)
@given(st.lists(INDEXED, max_size=20))
def test_the_record_index_finds_what_a_scan_of_every_record_finds(records):
    """Looked up lazily, the records are those a scan finds, in registry order."""
    idx = RecordIndex(records)
    for slug in ("walls", "dikes", "ports", "none"):
        assert idx.slug(slug) == [r for r in records if r.slug == slug]
        assert idx.current(slug) == sum(r.slug == slug and not r.removed for r in records)
    for name in ("a.txt", "b.md", "c.txt"):
        assert idx.file(name) == [r for r in records if r.source_file.endswith("/" + name)]
    for kind in ("recommendation", "question"):
        for key in ("build the wall", "who pays", "none"):
            assert idx.text(kind, key) == [r for r in records
                                           if r.kind == kind and normalize(r.text) == key]
