"""Reading: a seed file → clean text, metadata, paragraphs and sentences."""
