"""Score the reading stages on the regression pages (tests/fixtures/regression_pages + labels).

These pages were invented here and the reading rules were fixed against them, so they are
regression fixtures, not a measure of new articles (the dev corpus and hidden corpora are).
`python tests/regression_pages.py` prints per-page misses and the totals.
Matching follows ../shared/eval/score.py: titles and names compared after folding case,
links and quotes; furniture is a substring of the flattened body; body strings must stay.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import yaml

from generator.reading.clean import clean_text
from generator.reading.metadata import find_metadata
from generator.reading.paragraphs import split_paragraphs
from generator.reading.read import read_seed

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = FIXTURES / "regression_pages"
FIELDS = ("title", "authors", "date", "publication")


def labels() -> dict[str, dict]:
    """The hand labels, one entry per page file."""
    return yaml.safe_load((FIXTURES / "regression_pages.yaml").read_text("utf-8"))


def norm(text: str | None) -> str:
    """Text as the scorer compares it: NFKC, link text only, plain quotes, folded case."""
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("**", "").replace("__", "")
    quotes = {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}
    text = text.translate(str.maketrans(quotes))
    return re.sub(r"\s+", " ", text).strip().lower()


def read_page(name: str) -> tuple[object, str]:
    """A page → (Metadata, its body flattened to one line), as the pipeline reads it."""
    doc = read_seed(PAGES / name)
    meta, body = find_metadata(clean_text(doc.text), doc.meta)
    flat = " ".join(p.text for p in split_paragraphs(body))
    return meta, re.sub(r"\s+", " ", flat)


def score_page(name: str, label: dict) -> dict:
    """One page → which fields are right, which furniture leaked, which body strings are lost."""
    meta, flat = read_page(name)
    pubs = [norm(p) for p in label["publication"]]
    got = {"title": meta.title, "authors": sorted(a.name for a in meta.authors),
           "date": meta.date, "publication": meta.publication}
    ok = {"title": norm(meta.title) == norm(label["title"]),
          "authors": {norm(a.name) for a in meta.authors} == {norm(a) for a in label["authors"]},
          "date": meta.date == label["date"],
          "publication": norm(meta.publication) in pubs if pubs else meta.publication is None}
    return {"ok": ok, "got": got,
            "leaks": [f for f in label["furniture"] if f in flat],
            "missing": [b for b in label["body"] if norm(b) not in norm(flat)]}


def main() -> int:
    """Print each page's misses and the totals (the figures a report quotes)."""
    totals = dict.fromkeys(FIELDS, 0) | {"leaks": 0, "missing": 0}
    pages = labels()
    for name, label in pages.items():
        row = score_page(name, label)
        bad = [f"{f}={row['got'][f]!r}" for f in FIELDS if not row["ok"][f]]
        for field in FIELDS:
            totals[field] += row["ok"][field]
        totals["leaks"] += len(row["leaks"])
        totals["missing"] += len(row["missing"])
        if bad or row["leaks"] or row["missing"]:
            print(name, *bad, f"LEAKS={row['leaks']}" if row["leaks"] else "",
                  f"MISSING={row['missing']}" if row["missing"] else "")
    print("TOTAL", len(pages), "pages", " ".join(f"{f} {totals[f]}/{len(pages)}" for f in FIELDS),
          f"leaks {totals['leaks']} missing {totals['missing']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
