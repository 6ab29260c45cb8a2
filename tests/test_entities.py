"""Entity stage: fixture cases (tests/fixtures/entities.yaml), the seeds, and properties."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extraction.aliases import ENTITY_KINDS, build_aliases, load_aliases, parse_alias_table
from generator.build import parse_seed
from generator.extraction.entities import find_entities
from generator.extraction.mentions import merge_key
from generator.extraction.names import TOKEN, gap_kind, tokenize
from generator.model import Entity, Paragraph

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "entities.yaml").read_text("utf-8"))
ALIASES = load_aliases(None)


def paragraphs(texts: list[str]) -> tuple[Paragraph, ...]:
    """Numbered paragraphs; a text starting with "# " is a heading."""
    return tuple(Paragraph(i, t.removeprefix("# "), heading=t.startswith("# "))
                 for i, t in enumerate(texts, 1))


def spellings(e: Entity) -> set[str]:
    return {e.name, *e.aliases}


@pytest.mark.parametrize("case", CASES, ids=[c["title"] for c in CASES])
def test_fixture_case(case: dict) -> None:
    found = {e.name: e for e in find_entities(paragraphs(case["paragraphs"]), ALIASES)}
    for want in case["entities"]:
        assert want["name"] in found, f"{want['name']} not in {sorted(found)}"
        got = found[want["name"]]
        assert got.kind == want.get("kind", got.kind)
        assert set(want.get("aliases", [])) <= set(got.aliases)
        assert got.mentions == want.get("mentions", got.mentions)
    every = set().union(*map(spellings, found.values())) if found else set()
    assert not every & set(case.get("absent", []))


def test_user_alias_file_wins_over_guesses(tmp_path: Path) -> None:
    (tmp_path / "aliases.yaml").write_text(
        "PM Kadhimi:\n  kind: person\n  aliases: [Mustafa al-Kadhimi, Kadhimi]\n", "utf-8")
    aliases = load_aliases(tmp_path / "aliases.yaml")
    text = ["Mustafa al-Kadhimi met donors. Kadhimi then left for Erbil."]
    names = {e.name: e for e in find_entities(paragraphs(text), aliases)}
    assert names["PM Kadhimi"].mentions == 2 and "Mustafa al-Kadhimi" not in names


def test_surname_joins_a_full_name_from_the_table() -> None:
    aliases = build_aliases(parse_alias_table(
        {"Hamid Karzai": {"kind": "person", "aliases": ["President Karzai"]}}, "test"))
    found = find_entities(paragraphs(["Hamid Karzai left. Later Karzai spoke."]), aliases)
    assert [(e.name, e.aliases, e.mentions) for e in found] == [("Hamid Karzai", ("Karzai",), 2)]


def test_table_canonical_names_never_merge() -> None:
    aliases = build_aliases(parse_alias_table(
        {"Ann Lee": {"kind": "person", "aliases": []},
         "Bo Lee": {"kind": "person", "aliases": []}}, "test"))
    found = find_entities(paragraphs(["Ann Lee and Bo Lee met. Lee spoke first."]), aliases)
    assert {"Ann Lee", "Bo Lee"} <= {e.name for e in found}


@pytest.mark.parametrize("form,same", [
    ("Mustafa al-Kadhimi", "Mustafa Al-Kadhimi"), ("Kataib Hezbollah", "Kata’ib Hezbollah"),
    ("George W. Bush", "George W Bush"), ("the Green Zone", "Green Zone"),
    ("For the People Act of 2021", "For the People Act")])
def test_merge_key_joins_spellings(form: str, same: str) -> None:
    assert merge_key(form) == merge_key(same)


SEED_EXPECT = {
    "000_eee4ee638b1a7a62": {"Mustafa al-Kadhimi": {"Kadhimi"}, "Iran": {"Tehran"},
                             "Kataib Hezbollah": set(), "Qassem Soleimani": set(),
                             "Abu Mahdi al-Muhandis": set(), "Green Zone": set()},
    "003_c6e6deed5639b5a6": {"Kata’ib Hezbollah": set(), "Hadi Al-Amiri": set(),
                             "Adil Abdul-Mahdi": set(), "Fatah Alliance": set(),
                             "War on Terror": set()},
}


@pytest.mark.parametrize("stem", sorted(SEED_EXPECT))
def test_seed_entities(stem: str) -> None:
    brief = parse_seed(ROOT / "seeds" / f"{stem}.txt", ROOT, ALIASES)
    found = {e.name: e for e in brief.entities}
    for name, forms in SEED_EXPECT[stem].items():
        assert name in found and forms <= set(found[name].aliases)
    every = set().union(*map(spellings, brief.entities))
    assert not every & {"However", "Yet", "January", "Januarythat", "Iranian", "American"}


SENTENCES = [
    "Mustafa al-Kadhimi met the IMF in Baghdad.", "Kadhimi said the talks in Tehran failed.",
    "The Federal Election Commission (FEC) met.", "Later the FEC and the Commission voted.",
    "Kata’ib Hezbollah and Kataib Hezbollah are one group.", "Iran's envoy left for Moscow.",
    "However, Senator Jane Okafor disagreed in March.", "Okafor wants the U.S.-Iraq deal.",
    "ISIS and the Islamic State are one group.", "Hans von Brandt joined the World Bank.",
]


def clusters(found: tuple[Entity, ...]) -> set[tuple[frozenset[str], int]]:
    """Entities as (spellings, mentions), which do not depend on paragraph order."""
    return {(frozenset(spellings(e)), e.mentions) for e in found}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8), st.randoms())
def test_merging_does_not_depend_on_order(texts: list[str], rnd) -> None:
    shuffled = list(texts)
    rnd.shuffle(shuffled)
    assert clusters(find_entities(paragraphs(texts), ALIASES)) == \
        clusters(find_entities(paragraphs(shuffled), ALIASES))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8))
def test_every_spelling_belongs_to_one_entity(texts: list[str]) -> None:
    found = find_entities(paragraphs(texts), ALIASES)
    keys = [merge_key(s) for e in found for s in spellings(e)]
    owners = [e.name for e in found for _ in spellings(e)]
    assert all(owners[i] == owners[keys.index(k)] for i, k in enumerate(keys))
    assert all(e.mentions >= 1 for e in found)
    assert all(ALIASES.lookup_name(f) in (None, e.name) for e in found for f in spellings(e))


TRICKY = st.sampled_from([
    "of", "the", "and", "for", "The", "U.S.-Iraq", "al-Asad", "bin", "Laden", "(FEC)", "Iran's",
    "Workers’", "Party", "Sen.", "W.", "President", "Secretary", "Commission", "Office", "Act",
    "2021", '"', "'", ",", ".", "?", "(", ")", "-", "New", "Mexico", "Iranian-backed", "R-Ky.",
    "ISIS", "IS", "Kadhimi", "Al-Kadhimi", "Zone", "province", "said", "A", "St.", "Division"])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=80), st.lists(TRICKY, max_size=25).map(" ".join)),
                max_size=4))
def test_any_text_gives_entities(texts: list[str]) -> None:
    found = find_entities(paragraphs(texts), ALIASES)
    assert all(e.kind in ENTITY_KINDS and e.name for e in found)


@given(st.text(alphabet=" .\t\n!;,-x\u00a0", max_size=6), st.sampled_from(["Sen", "W", "word", "St", ""]))
def test_gap_kind_reads_gaps_as_the_patterns_say(gap: str, prev: str) -> None:
    """A space joins, ". " joins after a title or initial, . ! ? : ; stop, anything else breaks."""
    if re.fullmatch(r"\s+", gap) or (prev in ("Sen", "W", "St") and re.fullmatch(r"\.\s+", gap)):
        expected = "join"
    else:
        expected = "stop" if re.search(r"[.!?:;]", gap) else "break"
    assert gap_kind(gap, prev) == expected


def tokens_one_by_one(text: str) -> list[tuple[str, bool, bool]]:
    """The tokenizer without its one-space shortcut: every gap read by gap_kind."""
    out: list[tuple[str, bool, bool]] = []
    prev_end = 0
    for m in TOKEN.finditer(text):
        gap = text[prev_end:m.start()]
        kind = gap_kind(gap, out[-1][0]) if out else "stop"
        if kind == "join" and gap.startswith("."):
            out[-1] = (out[-1][0] + ".", *out[-1][1:])
        after_number = bool(out) and out[-1][0].isdigit()
        out.append((m.group(), kind == "join", kind == "stop" or after_number))
        prev_end = m.end()
    return out


@given(st.lists(st.sampled_from(["Sen.", "Smith", "W.", "Bush", "the", "U.S.", "1990", "said", ",", ".", ";", " ",
                                 "  ", "\n", "Iran's", "al-Asad", "of", "Dr.", "St.", "3"]), max_size=30).map(" ".join))
@settings(max_examples=300, deadline=None)
def test_tokens_are_those_every_gap_gives(text: str) -> None:
    tokens, ends = tokenize(text)
    assert tokens == tokens_one_by_one(text)
    assert ends == [m.end() for m in TOKEN.finditer(text)]
