"""Reading seeds: every encoding decodes to the characters typed, every format to its article.

Byte-level cases are made here (a table of encoders), not committed as files.
"""
from __future__ import annotations

import codecs
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252", how mojibake is made)
import pytest
from ftfy import fix_text
from hypothesis import given, settings, strategies as st

from generator.reading import read
from generator.extraction.aliases import load_aliases
from generator.model import SeedError
from generator.parse import parse_document
from generator.reading.decode import MOJIBAKE_ONLY, fix_mojibake
from generator.reading.read import read_seed

FIXTURES = Path(__file__).parent / "fixtures"
TEXT = "The minister’s “reset” isn’t ready – the café says so.\n\nA second paragraph.\n"

ENCODED = {
    "utf-8": TEXT.encode("utf-8"),
    "utf-8 with BOM": codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    "utf-16 LE with BOM": codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    "utf-16 BE with BOM": codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    "utf-32 with BOM": TEXT.encode("utf-32"),
    "windows-1252": TEXT.encode("cp1252"),
    "mojibake (UTF-8 read as 1252, saved as UTF-8)":
        TEXT.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8"),
    "UTF-8 with stray 1252 bytes": TEXT.encode("utf-8").replace("“".encode(), b"\x93"),
    "CRLF line ends": TEXT.replace("\n", "\r\n").encode("utf-8"),
    "old Mac line ends": TEXT.replace("\n", "\r").encode("utf-8"),
    "stray control characters": TEXT.replace("reset", "re\x07set\x1b").encode("utf-8"),
}


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_text_decodes_to_what_was_typed(tmp_path: Path, name: str) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(ENCODED[name])
    assert read_seed(path).text == TEXT


@pytest.mark.parametrize("encoding,text", [
    ("koi8_r", "Правительство должно действовать быстро и открыто. " * 4),
    ("cp1252", "Le problème est très sérieux, et la ministre l’a dit à la presse. " * 3),
    ("cp1252", "fund fund ” harbor the."),  # short: detectors guess Cyrillic
    ("cp1252", "city fund – the storm “ storm fund."),
])
def test_other_single_byte_encodings_are_detected(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(text.encode(encoding))
    assert read_seed(path).text == text


def test_form_feed_is_a_paragraph_break(tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(b"Page one ends here.\fPage two starts here.")
    assert read_seed(path).text == "Page one ends here.\n\nPage two starts here."


@pytest.mark.parametrize("suffix,fmt", [(".txt", "txt"), (".TEXT", "txt"), (".md", "md"),
                                        (".markdown", "md"), (".html", "html"), (".HTM", "html")])
def test_formats_by_extension(suffix: str, fmt: str) -> None:
    assert read.seed_format(Path(f"x{suffix}")) == fmt


def test_markdown_front_matter_becomes_metadata(tmp_path: Path) -> None:
    path = tmp_path / "seed.md"
    path.write_text("---\ntitle: Walls First\nauthors: [Ana Ruiz, Li Wei]\ndate: 2024-03-05\n"
                    "template: main.html\nhide: [toc]\n---\n\nBody text.\n", encoding="utf-8")
    doc = read_seed(path)
    assert doc.meta == (("title", "Walls First"), ("author", "Ana Ruiz"), ("author", "Li Wei"),
                        ("date", "2024-03-05"))
    assert doc.text == "\nBody text.\n"


def test_web_page_gives_article_and_metadata() -> None:
    doc = read_seed(FIXTURES / "pages" / "grid-security.html")
    assert dict(doc.meta) == {"title": "Rethinking Grid Security in Coastal Cities",
                              "author": "Dana Whitfield", "date": "2023-04-18",
                              "site": "Harbor Policy Institute",
                              "url": "https://harbor-policy.example.org/analysis/grid-security"}
    assert "[flood exposure map](https://harbor-policy.example.org/reports/flood-maps)" in doc.text
    for furniture in ("Donate", "About us", "Copyright", "Another article about water", "alert"):
        assert furniture not in doc.text


def test_web_page_becomes_a_brief() -> None:
    path = FIXTURES / "pages" / "grid-security.html"
    brief = parse_document(read_seed(path), "seeds/grid-security.html", load_aliases(None))
    assert brief.meta.title == "Rethinking Grid Security in Coastal Cities"
    assert brief.meta.publication == "Harbor Policy Institute" and brief.meta.date == "2023-04-18"
    assert [a.name for a in brief.meta.authors] == ["Dana Whitfield"]
    assert brief.body[0].text.startswith("Coastal cities depend")
    assert brief.recommendations and brief.open_questions


def test_web_page_in_its_declared_charset(tmp_path: Path) -> None:
    page = (FIXTURES / "pages" / "grid-security.html").read_text("utf-8")
    page = page.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("calmer", "“calmer”")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1252"))
    assert "a “calmer” climate" in read_seed(path).text


@pytest.mark.parametrize("page,reason", [
    ("<html><head><title>x</title></head><body></body></html>", "no article text found in the web page"),
    ("<html>", "no article text found in the web page"),
])
def test_web_page_without_article(tmp_path: Path, page: str, reason: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(SeedError, match=reason):
        read_seed(path)


@pytest.mark.parametrize("suffix,limit", [(".txt", "MAX_TEXT_BYTES"), (".html", "MAX_HTML_BYTES")])
def test_size_limit_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              suffix: str, limit: str) -> None:
    monkeypatch.setattr(read, limit, 1_000_000)
    path = tmp_path / f"big{suffix}"
    path.write_bytes(b"word " * 260_000)
    with pytest.raises(SeedError, match=r"too large \(1\.3 MB; a seed of this type may be 1 MB"):
        read_seed(path)


def test_text_just_under_the_limit_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "MAX_TEXT_BYTES", 1_000_000)
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 199_999)
    assert len(read_seed(path).text) == 999_995


@pytest.mark.parametrize("data,reason", [
    (codecs.BOM_UTF16_LE + "Odd".encode("utf-16-le") + b"\x00", "broken utf-16-le text at byte 6"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (a PDF document), not text"),
    (b"PK\x03\x04\x14\x00\x06\x00", "binary file (a ZIP archive: .docx, .epub, .zip), not text"),
    (bytes(range(1, 32)) * 8, "binary file (control characters), not text"),
])
def test_bytes_that_are_not_text(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(data)
    with pytest.raises(SeedError) as err:
        read_seed(path)
    assert err.value.problem.message == reason


@pytest.mark.parametrize("front", ["title: [unclosed", "- a list, not a mapping", "just words"])
def test_front_matter_that_is_not_a_mapping_stays_text(tmp_path: Path, front: str) -> None:
    path = tmp_path / "seed.md"
    path.write_text(f"---\n{front}\n---\nBody.\n", encoding="utf-8")
    doc = read_seed(path)
    assert doc.meta == () and front in doc.text


@given(st.text(alphabet=st.one_of(st.characters(), st.characters(max_codepoint=0x7f))))
@settings(max_examples=300, deadline=None)
def test_normalize_text_keeps_every_character_but_stray_controls(text: str) -> None:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    kept = "".join(c for c in lines if c in "\t\n" or not (ord(c) < 0x20 or ord(c) == 0x7f))
    assert read.normalize_text(text) == kept


MOJIBAKE = st.lists(st.sampled_from(["The minister", "’s ", "â€™s", "Ã©", "cafÃ©", "\x93quoted\x94", "\x85",
                                     "\ud800", "plain words", " ", "\n", "\n\n", "–", "â€“", "é", "\u00a0",
                                     "“", "”", "Â ", "Ã ", "a", "ā€", "вЂ", "‚Ä", "Ø", "©", "€", "ô", "…", "—"]),
                    max_size=30).map("".join)


@given(MOJIBAKE)
@settings(max_examples=300, deadline=None)
def test_mojibake_fixed_line_by_line_is_ftfys_fix(text: str) -> None:
    assert fix_mojibake(text) == fix_text(text, MOJIBAKE_ONLY)
