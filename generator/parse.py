"""One seed → one Brief: the per-article stages in order, pure after `read_seed`."""
from __future__ import annotations

import re
from collections.abc import Sequence

from slugify import slugify

from .extraction.aliases import Aliases
from .reading.clean import clean_text
from .extraction.entities import find_entities
from .extraction.headline import fallback_title
from .reading.metadata import find_metadata
from .model import Brief, Document, Entity, Metadata, OpenQuestion, Paragraph, SeedError, Sentence
from .parallel import forked, worth_forking
from .reading.paragraphs import split_paragraphs
from .extraction.questions import find_open_questions
from .extraction.recommendations import find_recommendations
from .reading.sentences import split_paragraph, split_sentences
from .extraction.summary import summarize

SLUG_WORDS = 12
PROSE_SENTENCE_WORDS = 6
"""A sentence of prose: at least this many words, ending in terminal punctuation."""
PROSE_PARAGRAPH_WORDS = 40
"""Or a paragraph of at least this many words (prose that never writes a full stop)."""
TERMINAL = re.compile(r"[.!?…][\"'”’)\[\]*\d¹²³⁰-⁹]*$")
"""How a sentence ends: a full stop, ! ? or …, then perhaps a closing quote, bracket or
footnote mark ("… in 2019.”[4]")."""


UNSPACED_SCRIPT = re.compile(r"[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u4DBF"
                             r"\u4E00-\u9FFF]")
"""Scripts written without spaces between words (Thai, Lao, Burmese, Khmer, Japanese kana,
Chinese): the reading stages count and split words at spaces."""


def mostly_unspaced(text: str) -> bool:
    """Whether most of a text's letters are in a script written without spaces."""
    sample = text[:20000]
    if not UNSPACED_SCRIPT.search(sample):
        return False  # most texts: one scan, no letter counted
    letters = sum(map(str.isalpha, sample))
    return letters > 0 and len(UNSPACED_SCRIPT.findall(sample)) > letters / 2


def slug_for(title: str | None, stem: str) -> str:
    """A URL slug from the title (else the file name), at most a dozen words."""
    words = slugify(title or "").split("-")[:SLUG_WORDS]
    return "-".join(w for w in words if w) or slugify(stem) or "brief"


def has_prose(paragraphs: Sequence[Paragraph], sentences: Sequence[Sentence]) -> bool:
    """Whether the body holds prose, not only labels: a sentence of several words that ends
    like one, or a long paragraph. Headings and fragments alone are not an article."""
    return any(not s.heading and len(s.plain.split()) >= PROSE_SENTENCE_WORDS
               and TERMINAL.search(s.plain.rstrip()) for s in sentences) or any(
        not p.heading and len(p.text.split()) >= PROSE_PARAGRAPH_WORDS for p in paragraphs)


def own_summary(meta: tuple[tuple[str, str], ...]) -> tuple[Sentence, ...]:
    """The summary or key points a seed's front matter gives, as sentences of a paragraph 0
    that sits before the body."""
    points = [v.strip() for k, v in meta if k == "summary" and v.strip()]
    text = " ".join(p if p.endswith((".", "!", "?")) else p + "." for p in points)
    return split_paragraph(Paragraph(0, text)) if text else ()


def read_article(doc: Document, source_file: str
                 ) -> tuple[Metadata, tuple[Paragraph, ...], tuple[Sentence, ...]]:
    """Decoded seed → its metadata, body paragraphs and sentences (the reading stages)."""
    if mostly_unspaced(doc.text):
        raise SeedError(source_file, "written in a script without spaces between words (Chinese, "
                        "Japanese, Thai, …), which the generator cannot read into sentences")
    meta, body_text = find_metadata(clean_text(doc.text), doc.meta)
    paragraphs = split_paragraphs(body_text)
    sentences = split_sentences(paragraphs)
    if not sentences:
        raise SeedError(source_file, "no article text found (nothing but metadata or furniture)")
    if not has_prose(paragraphs, sentences):
        raise SeedError(source_file, f"no prose: no sentence of {PROSE_SENTENCE_WORDS} words "
                        "or more ending in . ! or ? (only headings, labels or fragments)")
    return meta, paragraphs, sentences


def parse_document(doc: Document, source_file: str, aliases: Aliases) -> Brief:
    """Decoded seed → Brief with every field but the item ids, which the id stage fills."""
    meta, paragraphs, sentences = read_article(doc, source_file)

    def names_and_questions() -> tuple[tuple[Entity, ...], tuple[OpenQuestion, ...]]:
        return find_entities(paragraphs, aliases), find_open_questions(sentences)

    # A large body's names and questions are found meanwhile, in a forked copy of the process.
    found = forked(names_and_questions) if worth_forking(sum(len(p.text) for p in paragraphs)) \
        else names_and_questions
    recommendations = find_recommendations(sentences, aliases)
    entities, questions = found()
    return Brief(
        slug=slug_for(meta.title, doc.path.stem),
        source_file=source_file,
        meta=meta,
        body=paragraphs,
        summary=summarize(sentences, recommendations, questions, own_summary(doc.meta)),
        recommendations=recommendations,
        open_questions=questions,
        entities=entities,
        headline=meta.title or fallback_title(sentences, doc.path.stem),
    )
