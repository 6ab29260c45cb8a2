"""The id registry file: stable bytes, atomic writes, clear errors for a broken file."""
from __future__ import annotations

import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import IdRecord, SeedError
from generator.identity.registry import dump_registry, load_registry, parse_registry, save_registry

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
