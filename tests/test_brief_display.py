"""What the brief page shows of the parts this stage owns: the seed's headings stay
headings in the full text, an untitled brief is called by its headline, and an item's
title carries no footnote markers."""
from __future__ import annotations

from pathlib import Path

from generator.model import Brief, Metadata, Paragraph, Recommendation, Site
from generator.publishing.markdown_safe import md_text
from generator.publishing.render import render_site

ROOT = Path(__file__).resolve().parent.parent


def page(brief: Brief) -> str:
    return render_site(Site(briefs=(brief,)), ROOT / "templates")[f"briefs/{brief.slug}.md"]


BODY = (Paragraph(1, "Why the Ferries Stop", heading=True),
        Paragraph(2, "The ferry company cut winter sailings twice in three years."),
        Paragraph(3, "The port board should restore the evening sailing.[^4_1]"))
REC = Recommendation("The port board should restore the evening sailing.[^4_1]", "port board",
                     "should", 3, 0, id="abc123")


def test_seed_headings_render_as_headings_under_the_full_text() -> None:
    text = page(Brief("ferries", "ferries.txt", Metadata(title="Ferries"), BODY))
    full_text = text.index("## Full text")
    assert text.index("### Why the Ferries Stop { #p1 .brief-heading }") > full_text
    assert f"\n{md_text('The ferry company cut winter sailings twice in three years.')}\n{{ #p2 }}" in text


def test_untitled_brief_is_called_by_its_headline_not_its_file_name() -> None:
    brief = Brief("003-ferry-editorial", "003-ferry-editorial.txt", Metadata(), BODY,
                  headline="The ferry company cut winter sailings twice in three years")
    text = page(brief)
    assert text.startswith("# The ferry company cut winter sailings") or \
        "\n# The ferry company cut winter sailings" in text
    assert "# 003-ferry-editorial" not in text


def test_item_titles_carry_no_footnote_markers() -> None:
    brief = Brief("ferries", "ferries.txt", Metadata(title="Ferries"), BODY,
                  recommendations=(REC,))
    heading = next(line for line in page(brief).splitlines() if "#abc123" in line)
    assert "[^4_1]" not in heading and "4\\_1" not in heading


def test_a_brief_without_recommendations_says_so() -> None:
    text = page(Brief("ferries", "ferries.txt", Metadata(title="Ferries"), BODY))
    section = text[text.index("## Recommendations { #recommendations }"):text.index("## Full text")]
    assert "None found" in section
    with_one = page(Brief("ferries", "ferries.txt", Metadata(title="Ferries"), BODY,
                          recommendations=(REC,)))
    assert "None found" not in with_one


def test_the_full_text_shows_no_markdown_footnote_reference() -> None:
    text = page(Brief("ferries", "ferries.txt", Metadata(title="Ferries"), BODY,
                      recommendations=(REC,)))
    full_text = text[text.index("## Full text"):]
    assert "4&#x5F;1" not in full_text and "4_1" not in full_text
    assert md_text("The port board should restore the evening sailing.") in full_text


def test_a_footnote_reference_stays_when_the_seed_holds_its_note() -> None:
    body = BODY + (Paragraph(4, "[^4_1]: Port board minutes, 2019."),)
    text = page(Brief("ferries", "ferries.txt", Metadata(title="Ferries"), body,
                      recommendations=(REC,)))
    full_text = text[text.index("## Full text"):]
    assert full_text.count("4&#x5F;1") == 2  # the reference and its note
