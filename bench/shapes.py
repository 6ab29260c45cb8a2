"""One-megabyte seeds of the shapes that make extraction slow, for the benchmark's worst cases.

Each is about 990 kB (under the seed size limit) and built from a fixed random seed, so a
run is comparable with the last: advice with no named actor (every fallback runs), one
paragraph with no sentence end (a scraped table run together), a list of 25,000 bullets,
advice naming many actors, the same open question in every paragraph (many items sharing
one id seed), and a saved web page of 12,000 blocks.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

SIZE = 990_000
NAMES = ("Congress", "the European Union", "Germany", "Dr. Ada Brown", "the World Bank", "NATO",
         "Senator John Smith", "the Ministry of Health (MOH)")
WORDS = ("the council should fund new clinics and Congress must act while regulators review "
         "rules for ports and schools").split()


def _fill(make: Callable[[int], str], head: str, joiner: str = "\n\n") -> str:
    """`head`, then `make(n)` for n = 1, 2, … until the text is SIZE characters long."""
    parts, total, n = [head], len(head), 0
    while total < SIZE:
        n += 1
        parts.append(make(n))
        total += len(parts[-1]) + len(joiner)
    return joiner.join(parts) + "\n"


def actorless(rng: random.Random) -> str:
    """Passive and impersonal advice, five sentences a paragraph, no actor named."""
    verbs = "reviewed funded audited expanded published simplified shared tested repaired mapped".split()
    things = ("the grid budget", "the port rules", "the water plan", "the rail timetable", "the school meals",
              "the clinic network", "the flood barriers", "the grain reserve", "the ferry routes", "the tax forms")
    ways = ("every year", "before winter", "in public", "with local input", "within a decade", "at once")
    forms = ("{t} should be {v} {w}, item {n}.", "{t} must be {v} {w} (point {n}).",
             "It is essential that {t} is {v} {w}, as note {n} explains.", "{t} could be {v} {w}; see case {n}.")

    def paragraph(n: int) -> str:
        sentences = [rng.choice(forms).format(t=rng.choice(things), v=rng.choice(verbs),
                                              w=rng.choice(ways), n=5 * n + k) for k in range(5)]
        return " ".join(s[0].upper() + s[1:] for s in sentences)
    return _fill(paragraph, "A very long report of advice")


def run_on(rng: random.Random) -> str:
    """One paragraph of advice words with no sentence end at all."""
    return _fill(lambda n: rng.choice(WORDS), "A report with no full stop\n\n", " ")


def bullets(rng: random.Random) -> str:
    """A lead-in and 25,000 imperative bullets."""
    return _fill(lambda n: f"- {rng.choice(('Fund', 'Expand', 'Review', 'Publish'))} the "
                           f"{rng.choice(('clinics', 'ports', 'schools'))} in district {n}.",
                 "# A long list\n\nWe recommend:\n", "\n")


def many_actors(rng: random.Random) -> str:
    """Advice whose subjects and objects are named people, bodies and places."""
    return _fill(lambda n: " ".join(f"{rng.choice(NAMES)} should {rng.choice(('fund', 'review', 'publish'))} "
                                    f"plan {n}-{k} with {rng.choice(NAMES)}." for k in range(5)),
                 "Many actors")


def repeated_question(rng: random.Random) -> str:
    """The same open question closing every paragraph."""
    return _fill(lambda n: " ".join(f"Will {rng.choice(NAMES)} fund plan {n}-{k}? It remains to be seen "
                                    "whether it works." for k in range(4)), "Questions")


def saved_page(rng: random.Random) -> str:
    """A saved web page: head metadata, then 12,000 blocks of advice in nested divs."""
    body = _fill(lambda n: f"<div><p>The agency should review case {n}. {rng.choice(NAMES)} must publish "
                           f"report {n}.</p></div>", "", "")
    return ("<html><head><title>Big page</title><meta name='author' content='A. Writer'></head>"
            f"<body><article><h1>Big page</h1>{body}</article></body></html>")


SHAPES = {"no named actor": ("large.txt", actorless), "no sentence end": ("runon.txt", run_on),
          "25,000 bullets": ("list.md", bullets), "many actors": ("actors.txt", many_actors),
          "one question repeated": ("questions.txt", repeated_question),
          "saved web page": ("page.html", saved_page)}
"""label -> (file name, maker)."""


def write_shape(folder: Path, label: str) -> Path:
    """Write the seed of one shape into `folder`; its path."""
    name, make = SHAPES[label]
    path = folder / name
    path.write_text(make(random.Random(11)), "utf-8")
    return path
