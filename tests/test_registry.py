"""The id registry file: stable bytes, atomic writes, clear errors for a broken file."""
from __future__ import annotations

import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import IdRecord, SeedError
from generator.identity import registrycache
from generator.identity.registry import (dump_registry, load_registry, parse_record, parse_registry,
                                         read_registry, save_registry)

RECORDS = (
    IdRecord("k7m2pq", "recommendation", "harbour-council", "seeds/harbour.txt",
             "The council should publish every contract.", prefix="Its budget fell.",
             suffix="Residents asked.", paragraph=2, actor="Council", title="Harbour Council"),
    IdRecord("b3xw9e", "question", "harbour-council", "seeds/harbour.txt",
             "Who pays for dredging?", paragraph=4, removed=True),
)


def test_round_trip_and_sorted_by_id(tmp_path):
    path = tmp_path / "ids.lock.json"
    assert save_registry(path, RECORDS)
    assert load_registry(path) == tuple(sorted(RECORDS, key=lambda r: r.id))
    assert [e["id"] for e in json.loads(path.read_text())["ids"]] == ["b3xw9e", "k7m2pq"]


def test_same_records_same_bytes_and_no_rewrite(tmp_path):
    path = tmp_path / "ids.lock.json"
    save_registry(path, RECORDS)
    before = path.read_bytes()
    os.utime(path, (0, 0))
    assert not save_registry(path, reversed(RECORDS))
    assert path.read_bytes() == before and path.stat().st_mtime == 0
    assert before.endswith(b"}\n") and b'\n  "ids": [\n' in before


def test_missing_registry_is_empty_and_no_temp_files_are_left(tmp_path):
    assert load_registry(tmp_path / "ids.lock.json") == ()
    save_registry(tmp_path / "sub" / "ids.lock.json", RECORDS)
    assert [p.name for p in (tmp_path / "sub").iterdir()] == ["ids.lock.json"]


@pytest.mark.parametrize("text, message", [
    ("{", "not valid JSON"),
    ("[]", "schema"),
    ('{"schema": "ids/0", "ids": []}', "schema"),
    ('{"schema": "ids/1"}', "no list of ids"),
    ('{"schema": "ids/1", "ids": [{"id": "abc"}]}', "id record needs"),
    ('{"schema": "ids/1", "ids": [{"id": "../x", "kind": "question", "slug": "s", '
     '"source_file": "f", "text": "t"}]}', "lower-case letters and digits"),
    ('{"schema": "ids/1", "ids": [{"id": "abc", "kind": "note", "slug": "s", '
     '"source_file": "f", "text": "t"}]}', "kind must be one of"),
])
def test_broken_registry_names_the_file(text, message):
    with pytest.raises(SeedError) as e:
        parse_registry(text, "ids.lock.json")
    assert str(e.value).startswith("ids.lock.json") and message in str(e.value)


def test_unknown_keys_from_a_newer_version_are_ignored():
    entry = {"id": "abc234", "kind": "question", "slug": "s", "source_file": "f", "text": "Why?",
             "added_later": 1}
    text = json.dumps({"schema": "ids/1", "ids": [entry]})
    assert parse_registry(text, "x") == (IdRecord("abc234", "question", "s", "f", "Why?"),)


RECORD = st.builds(IdRecord, id=st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True),
                   kind=st.sampled_from(["recommendation", "question"]),
                   slug=st.text(), source_file=st.text(), text=st.text(),
                   prefix=st.text(), suffix=st.text(), paragraph=st.integers(0, 999),
                   actor=st.none() | st.text(), title=st.none() | st.text(),
                   removed=st.booleans())


@settings(max_examples=50, deadline=None)
@given(st.lists(RECORD, unique_by=lambda r: r.id))
def test_dump_then_parse_is_identity(records):
    text = dump_registry(records)
    assert parse_registry(text, "x") == tuple(sorted(records, key=lambda r: r.id))
    assert dump_registry(parse_registry(text, "x")) == text


@settings(max_examples=50, deadline=None)
@given(st.lists(RECORD, unique_by=lambda r: r.id))
def test_dump_is_the_bytes_of_json_dumps(records):
    """The registry is written field by field for speed; the bytes stay json.dumps'."""
    ids = [{f: getattr(r, f) for f in r.__slots__} for r in sorted(records, key=lambda r: r.id)]
    expected = json.dumps({"schema": "ids/1", "ids": ids}, indent=2, sort_keys=True, ensure_ascii=False)
    assert dump_registry(records) == expected + "\n"


FIELD_VALUES = {"id": st.sampled_from(["abc234", "x", "", "ABC", "a/b", "a" * 33]) | st.integers(),
                "kind": st.sampled_from(["recommendation", "question", "note"]) | st.none(),
                "paragraph": st.integers() | st.booleans() | st.text(max_size=3),
                "removed": st.booleans() | st.integers(0, 1) | st.none()}
ENTRY = st.builds(
    lambda values, drop, extra: {**{k: v for k, v in values.items() if k not in drop}, **extra},
    st.fixed_dictionaries({name: FIELD_VALUES.get(name, st.none() | st.text(max_size=5))
                           for name in registrycache.NAMES}),
    st.sets(st.sampled_from(registrycache.NAMES), max_size=2),
    st.dictionaries(st.sampled_from(["added_later", "note"]), st.integers(), max_size=1))


def outcome(parse):
    """A parse's record (its values and their types), or the message it fails with."""
    try:
        record = parse()
    except SeedError as e:
        return str(e)
    return [(type(getattr(record, n)), getattr(record, n)) for n in registrycache.NAMES]


@settings(max_examples=300, deadline=None)
@given(ENTRY)
def test_a_well_formed_record_is_parsed_as_parse_record_would(entry):
    """The registry's fast path for a record as the build writes it accepts and builds
    exactly what parse_record does; anything else still goes through parse_record."""
    text = json.dumps({"schema": "ids/1", "ids": [entry]})
    fast = outcome(lambda: parse_registry(text, "x")[0])
    assert fast == outcome(lambda: parse_record(json.loads(text)["ids"][0], "x"))


def records_of(path):
    """The records of a registry file, parsed (no cache)."""
    return parse_registry(path.read_text("utf-8"), path)


@settings(max_examples=40, deadline=None)
@given(st.lists(RECORD, unique_by=lambda r: r.id, max_size=12), st.data())
def test_records_from_the_cache_and_reused_text_give_the_bytes_of_a_fresh_dump(tmp_path_factory, old, data):
    """A registry read back from the cache holds the records parsing it gives; saved with
    some records changed, dropped or added, its bytes are dump_registry's."""
    folder = tmp_path_factory.mktemp("reg")
    path, cache = folder / "ids.lock.json", folder / ".cache"
    save_registry(path, old, cache=cache)
    held = read_registry(path, cache)
    assert held.records == records_of(path)
    assert (held.packed is not None) == bool(old)  # an empty registry is not worth caching
    kept = [r for r in held.records if data.draw(st.booleans())]
    changed = [IdRecord(**{**{n: getattr(r, n) for n in registrycache.NAMES}, "text": r.text + "!"})
               for r in held.records if r not in kept and data.draw(st.booleans())]
    added = [r for r in data.draw(st.lists(RECORD, max_size=3)) if r.id not in {o.id for o in old}]
    new = kept + changed + list({r.id: r for r in added}.values())
    save_registry(path, new, held, cache)
    assert path.read_text("utf-8") == dump_registry(new)
    again = read_registry(path, cache)
    assert again.records == records_of(path) and (again.packed is not None) == bool(new)


def test_a_registry_edited_by_hand_is_parsed_not_taken_from_the_cache(tmp_path):
    path, cache = tmp_path / "ids.lock.json", tmp_path / ".cache"
    save_registry(path, RECORDS, cache=cache)
    assert read_registry(path, cache).packed is not None
    path.write_text(path.read_text("utf-8").replace("Who pays", "Who now pays"), "utf-8")
    held = read_registry(path, cache)
    assert held.packed is None and held.records == records_of(path)
    assert any(r.text == "Who now pays for dredging?" for r in held.records)
    assert not save_registry(path, held.records, held, cache)  # the same bytes, now cached
    assert read_registry(path, cache).packed is not None


@pytest.mark.parametrize("damage", ["torn", "edited", "other version", "not a pickle"])
def test_a_damaged_or_stale_cache_is_a_miss(tmp_path, monkeypatch, damage):
    path, cache = tmp_path / "ids.lock.json", tmp_path / ".cache"
    save_registry(path, RECORDS, cache=cache)
    file = cache / registrycache.FILE
    data = file.read_bytes()
    if damage == "torn":
        file.write_bytes(data[:-10])
    elif damage == "edited":
        file.write_bytes(data.replace(b"Who pays", b"Who paid"))
    elif damage == "other version":
        monkeypatch.setattr(registrycache.disk, "generator_version", lambda: "another")
    else:
        head, _, _ = data.partition(b"\n\n")
        payload = b"not a pickle"
        digest = registrycache.hashlib.sha256(payload).hexdigest().encode()
        file.write_bytes(head.rsplit(b"\n", 1)[0] + b"\n" + digest + b"\n\n" + payload)
    held = read_registry(path, cache)
    assert held.packed is None and held.records == records_of(path)


def test_values_json_writes_its_own_way_are_saved_but_not_cached(tmp_path):
    """A hand-edited registry may hold a list where a string belongs: it is written as
    json.dumps writes it, and only parsing reads it back."""
    path, cache = tmp_path / "ids.lock.json", tmp_path / ".cache"
    path.write_text(json.dumps({"schema": "ids/1", "ids": [{"id": "abc234", "kind": "question",
                    "slug": "s", "source_file": "f", "text": "Why?", "actor": ["a", "b"]}]}), "utf-8")
    held = read_registry(path, cache)
    save_registry(path, held.records, held, cache)
    assert path.read_text("utf-8") == dump_registry(held.records)
    assert not (cache / registrycache.FILE).exists()
    assert read_registry(path, cache).records == held.records


def test_only_the_very_record_read_keeps_its_text(tmp_path):
    """An equal record is not enough: 1 == True, yet JSON writes them apart."""
    path, cache = tmp_path / "ids.lock.json", tmp_path / ".cache"
    save_registry(path, RECORDS, cache=cache)
    held = read_registry(path, cache)
    twin = IdRecord(**{**{n: getattr(held.records[0], n) for n in registrycache.NAMES}, "removed": 1})
    assert twin == held.records[0] and held.records[0].removed is True
    save_registry(path, [twin, held.records[1]], held, cache)
    assert path.read_text("utf-8") == dump_registry([twin, held.records[1]])
    assert '"removed": 1' in path.read_text("utf-8")
