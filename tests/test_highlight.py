"""Items marked in the full text: found in place, linked both ways, seed text still inert."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.publishing.highlight import Marked, highlight_paragraph
from generator.publishing.markdown_safe import item_text, md_inline

OUR_TAGS = re.compile(r'<mark class="brief-mark brief-mark-(?:recommendation|question)" data-search-exclude id="at-[a-z0-9]+">|</mark>')

DOT = "&#x2E;"  # seed punctuation leaves as character references (markdown_safe)
MARK = '<mark class="brief-mark brief-mark-recommendation" data-search-exclude id="at-i0">'
BACK = ('</mark>[↑](#i0 "Back to recommendation 1")'
        '{ .brief-backlink aria-label="Back to recommendation 1" }')
CASES = [
    # (paragraph, item sentences, expected Markdown)
    ("Talks began. The U.S. must act now. Others wait.", ["The U.S. must act now."],
     f"Talks began{DOT} {MARK}The U{DOT}S{DOT} must act now{DOT}{BACK} Others wait{DOT}"),
    ("Not in this paragraph.", ["Something else."], f"Not in this paragraph{DOT}"),
    ("See [the plan](https://x.org/p). Iraq should *adopt* it.", ["Iraq should *adopt* it."],
     f"See [the plan](https://x.org/p){DOT} {MARK}Iraq should *adopt* it{DOT}{BACK}"),
    ("<script>x</script> Leaders must act.", ["Leaders must act."],
     f"&lt;script&gt;x&lt;&#x2F;script&gt; {MARK}Leaders must act{DOT}{BACK}"),
    # A bold paragraph cut into items: each half's lone ** is no emphasis, and not shown.
    ("**Mend the nets. Sail at dawn.**", ["**Mend the nets.", "Sail at dawn.**"],
     f"{MARK}Mend the nets{DOT}{BACK} {MARK.replace('i0', 'i1')}Sail at dawn{DOT}"
     + BACK.replace("i0", "i1").replace("recommendation 1", "recommendation 2")),
]


@pytest.mark.parametrize("paragraph, sentences, expected", CASES)
def test_highlight_paragraph(paragraph: str, sentences: list[str], expected: str) -> None:
    items = [Marked(s, f"i{n}", "recommendation", n + 1) for n, s in enumerate(sentences)]
    assert highlight_paragraph(paragraph, items) == expected


def test_backlinks_are_named_for_the_item_they_go_back_to() -> None:
    items = [Marked("Ports must open.", "r1", "recommendation", 3),
             Marked("Who pays?", "q1", "question", 1)]
    out = highlight_paragraph("Ports must open. Who pays?", items)
    assert 'aria-label="Back to recommendation 3"' in out
    assert 'aria-label="Back to open question 1"' in out


def test_overlapping_items_are_marked_once() -> None:
    items = [Marked("must act now.", "a1", "recommendation"), Marked("act now.", "q1", "question")]
    out = highlight_paragraph("We must act now.", items)
    assert out.count("<mark") == 1 and 'id="at-a1"' in out


@given(st.text(max_size=200), st.data())
def test_only_our_own_tags_are_raw_html(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    out = highlight_paragraph(text, [Marked(text[start:end], "abc123", "question")])
    assert "<" not in OUR_TAGS.sub("", out)


@pytest.mark.parametrize("text, shown", [
    ("**Mend the nets.", "Mend the nets."),
    ("Sail at dawn.**", "Sail at dawn."),
    ("The board must cut fees.[^4_3]", "The board must cut fees."),
    ("Crews *should* rest; 5 * 3 crews is plenty.", "Crews should rest; 5 * 3 crews is plenty."),
    ("Name the file net_log before noon.", "Name the file net_log before noon."),
])
def test_an_item_shows_its_words_without_markup_that_did_not_form(text: str, shown: str) -> None:
    assert item_text(text) == shown


def test_emphasis_that_forms_and_literal_stars_stay() -> None:
    assert md_inline("Crews **must** rest.") == "Crews **must** rest&#x2E;"
    assert md_inline("5 * 3 nets") == "5 &#x2A; 3 nets"
