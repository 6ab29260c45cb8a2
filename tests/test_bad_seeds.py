"""Bad seeds: each is skipped with exactly one line naming it and the reason; the rest build.

The fixture files live in tests/fixtures/seeds_bad/ (and seeds_edge/ for seeds that are
odd but fine); binary, undecodable and huge ones are made at test time (seedkit).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extraction.aliases import load_aliases
from generator.build import parse_seed
from generator.model import Paragraph, SeedError, Sentence
from generator.parse import has_prose
from seedkit import (FIXTURES, GENERATED_BAD, GENERATED_GOOD, article, warning_lines,
                     write_generated_seeds)
from siteproject import copy_project, mkdocs_build

NO_PROSE = ("no prose: no sentence of 6 words or more ending in . ! or ? "
            "(only headings, labels or fragments)")
REASONS = {
    "empty.txt": "empty file",
    "whitespace.txt": "empty file (only white space)",
    "front matter only.md": "no article text found (nothing but metadata or furniture)",
    "furniture-only.txt": "no article text found (nothing but metadata or furniture)",
    "table.csv": "unknown file type '.csv'; seeds are .txt, .md, .html",
    "NOTES": "no file extension; seeds are .txt, .md, .html",
    "two bare lines.txt": NO_PROSE,
    "headings-only.md": NO_PROSE,
    "chinese.txt": ("written in a script without spaces between words (Chinese, Japanese, Thai, …), "
                    "which the generator cannot read into sentences"),
    **GENERATED_BAD,
}
"""Every bad seed → the reason its one line gives."""

DUPLICATE = ("seeds/harbor-fund.txt: same title as seeds/harbor-fund (copy).txt; "
             "its page is briefs/the-harbor-fund-cannot-wait-harbor-fund.md")


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project folder whose seeds/ holds every bad case and nothing else."""
    root = tmp_path_factory.mktemp("bad")
    shutil.copytree(FIXTURES / "seeds_bad", root / "seeds")
    write_generated_seeds(root / "seeds")
    return root


def test_every_bad_fixture_has_a_reason() -> None:
    names = {p.name for p in (FIXTURES / "seeds_bad").iterdir()} | set(GENERATED_BAD)
    assert names == set(REASONS)


@pytest.mark.parametrize("name", sorted(REASONS))
def test_bad_seed_raises_one_clear_reason(bad_folder: Path, name: str) -> None:
    with pytest.raises(SeedError) as err:
        parse_seed(bad_folder / "seeds" / name, bad_folder, load_aliases(None))
    assert str(err.value) == f"seeds/{name}: {REASONS[name]}"


def test_build_reports_one_line_per_bad_seed(every_case_build) -> None:
    project, result = every_case_build
    assert result.returncode == 0, result.stderr  # warnings only: MkDocs' convention
    expected = sorted([f"seeds/{name}: {reason}" for name, reason in REASONS.items()] + [DUPLICATE])
    assert sorted(warning_lines(result.stderr)) == expected


def test_good_briefs_still_build(every_case_build) -> None:
    project, _ = every_case_build
    good = [p for p in sorted((project / "seeds").iterdir()) if p.name not in REASONS]
    built = sorted((project / "site" / "briefs").glob("*/index.html"))
    assert good and len(built) == len(good)


@pytest.mark.parametrize("name,title", sorted(GENERATED_GOOD.items()))
def test_odd_encodings_decode_to_the_right_characters(every_case_build, name: str, title: str) -> None:
    project, _ = every_case_build
    brief = parse_seed(project / "seeds" / name, project, load_aliases(None))
    assert brief.meta.title == title
    assert "Â" not in brief.body[0].text and "â€" not in brief.body[0].text


def test_strict_build_fails_on_bad_seeds(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    shutil.copy(FIXTURES / "seeds_bad" / "empty.txt", project / "seeds")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 1
    assert "seeds/empty.txt: empty file" in warning_lines(result.stderr)


@pytest.mark.parametrize("name", ["Étude côtière 2024.txt", "harbor-fund (copy).txt"])
def test_names_with_spaces_and_accents_build(every_case_build, name: str) -> None:
    project, result = every_case_build
    assert not [line for line in warning_lines(result.stderr) if line.startswith(f"seeds/{name}:")]
    brief = parse_seed(project / "seeds" / name, project, load_aliases(None))
    assert (project / "site" / "briefs" / brief.slug / "index.html").is_file()


@pytest.mark.parametrize("name,shown", [
    (b"bad\xffname.txt", "bad\\udcffname.txt"),
    (b"two\nlines.txt", "two\\nlines.txt"),
    ("right-to-left\u202etxt.exe.txt".encode(), "right-to-left\\u202etxt.exe.txt"),
])
def test_unshowable_file_names_are_one_escaped_line(tmp_path: Path, name: bytes, shown: str) -> None:
    (tmp_path / "seeds").mkdir()
    path = tmp_path / "seeds" / os.fsdecode(name)
    path.write_text(article("A Fine Article With a Bad Name"), encoding="utf-8")
    with pytest.raises(SeedError) as err:
        parse_seed(path, tmp_path, load_aliases(None))
    assert str(err.value) == (f"seeds/{shown}: file name has characters that cannot be shown "
                              "(not UTF-8, or control characters); rename the file")


def test_names_with_spaces_accents_and_no_break_spaces_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "Étude\u00a0côtière 2024.txt"
    path.write_text(article("A Fine Article With a Fine Name"), encoding="utf-8")
    assert parse_seed(path, tmp_path, load_aliases(None)).source_file == path.name


def sentences_of(*texts: str, heading: bool = False) -> list[Sentence]:
    return [Sentence(1, i, t, t, heading=heading) for i, t in enumerate(texts)]


@pytest.mark.parametrize("texts", [
    ("The council should act now.",),  # five words: still a fragment
    ("Harbor funds and the next budget cycle",),  # words enough, but no full stop
    ("alpha beta gamma", "delta epsilon"),
])
def test_fragments_are_not_prose(texts: tuple[str, ...]) -> None:
    paragraphs = [Paragraph(1, " ".join(texts))]
    assert not has_prose(paragraphs, sentences_of(*texts))


@pytest.mark.parametrize("text", [
    "The regional council should create a fund.",
    "Will the treasury ever accept such a formula?",
    "The towns must borrow together, as the mayors said in 2019.\u201d",
])
def test_one_sentence_of_prose_is_enough(text: str) -> None:
    assert has_prose([Paragraph(1, text)], sentences_of(text))


def test_a_heading_is_not_prose_even_when_it_ends_like_a_sentence() -> None:
    text = "Why the regional council should act first?"
    assert not has_prose([Paragraph(1, text, heading=True)], sentences_of(text, heading=True))


def test_a_long_paragraph_without_full_stops_is_prose() -> None:
    text = " ".join(["harbor towns argue about sea walls and who pays"] * 5)
    assert has_prose([Paragraph(1, text)], sentences_of(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .,\u4e2d\u6587\u0e01\u3042"), max_size=60))
def test_a_text_is_mostly_unspaced_as_its_letters_count(text: str) -> None:
    """The early answer for a text with no unspaced script is the count's own answer."""
    from generator.parse import UNSPACED_SCRIPT, mostly_unspaced
    letters = sum(ch.isalpha() for ch in text)
    assert mostly_unspaced(text) == (letters > 0 and len(UNSPACED_SCRIPT.findall(text)) > letters / 2)
