"""Extraction: sentences → recommendations, actors, open questions, summary, entities."""
