"""One seed → one Brief: the per-article stages in order, pure after `read_seed`."""
from __future__ import annotations

from slugify import slugify

from .extraction.aliases import Aliases
from .reading.clean import clean_text
from .extraction.entities import find_entities
from .reading.metadata import find_metadata
from .model import Brief, Document, Metadata, Paragraph, SeedError, Sentence
from .reading.paragraphs import split_paragraphs
from .extraction.questions import find_open_questions
from .extraction.recommendations import find_recommendations
from .reading.sentences import split_sentences
from .extraction.summary import summarize

SLUG_WORDS = 12


def slug_for(title: str | None, stem: str) -> str:
    """A URL slug from the title (else the file name), at most a dozen words."""
    words = slugify(title or "").split("-")[:SLUG_WORDS]
    return "-".join(w for w in words if w) or slugify(stem) or "brief"


def read_article(doc: Document, source_file: str) -> tuple[Metadata, tuple[Paragraph, ...], tuple[Sentence, ...]]:
    """Decoded seed → its metadata, body paragraphs and sentences (the reading stages)."""
    meta, body_text = find_metadata(clean_text(doc.text), doc.meta)
    paragraphs = split_paragraphs(body_text)
    sentences = split_sentences(paragraphs)
    if not sentences:
        raise SeedError(source_file, "no article text found (nothing but metadata or furniture)")
    return meta, paragraphs, sentences


def parse_document(doc: Document, source_file: str, aliases: Aliases) -> Brief:
    """Decoded seed → Brief with every field but the item ids, which the id stage fills."""
    meta, paragraphs, sentences = read_article(doc, source_file)
    recommendations = find_recommendations(sentences, aliases)
    questions = find_open_questions(sentences)
    return Brief(
        slug=slug_for(meta.title, doc.path.stem),
        source_file=source_file,
        meta=meta,
        body=paragraphs,
        summary=summarize(sentences, recommendations, questions),
        recommendations=recommendations,
        open_questions=questions,
        entities=find_entities(paragraphs, aliases),
    )
