"""What each named rule earns: what precision, recall, actor accuracy, cleaning and metadata
lose without it.

Each labelled seed is read once up to its sentences (and indexed for actors). For every
rule of the recommendation and question stages only the two finders run again with that
rule switched off; a pattern rule none of whose patterns occurs in an article cannot
change it, so that article's baseline counts are reused. For every rule of the reading
stages (furniture, metadata) the seeds are read again from their files with the rule off
(the page-head rules only on saved pages, the one kind of seed they read); where the
reading comes out unchanged the baseline counts are reused, otherwise the finders run
again too. Everything is matched against the gold as the scorer matches it
(generator.matching): recommendations and open questions, furniture left in the body,
must-keep passages missing from it, and title/authors/date/publication agreement.
"""
from __future__ import annotations

import json
import multiprocessing
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .extraction.actors import Article, make_article
from .extraction.aliases import Aliases
from .extraction.lexicon import PatternRule, lexicon
from .extraction.questions import find_open_questions
from .extraction.recommendations import recommendations_of
from .matching import body_missing, flat_body, furniture_leaks, match, meta_agreement, same_actor
from .model import Metadata, Paragraph, SeedError, Sentence
from .parse import read_article
from .reading import pagehead
from .reading.read import read_seed, seed_format
from .rules import Rule, registered, switched_off

STAGES = ("recommendation", "question")
READING_STAGES = ("furniture", "metadata")
META_FIELDS = 4
"""Title, authors, date, publication: the fields the scorer compares per article."""


@dataclass(frozen=True, slots=True)
class Reading:
    """What the reading stages make of one seed: its metadata, body and sentences."""

    meta: Metadata
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled article, read and indexed once."""

    name: str
    seed: Path | None
    reading: Reading | None
    """None when the seed is missing or could not be read: every gold item counts as missed."""
    article: Article | None
    gold: dict


@dataclass(frozen=True, slots=True)
class Figures:
    """A corpus's recommendation and question precision/recall, furniture leaks, body
    passages missing and metadata fields right."""

    rec_p: float
    rec_r: float
    oq_p: float
    oq_r: float
    leaks: int = 0
    missing: int = 0
    meta_ok: int = 0
    actor: float = 1.0
    """Share of the found recommendations whose actor is the labelled one (or an alternative)."""

    def minus(self, other: Figures) -> Figures:
        """What `other` loses against these figures (positive: the rule earns that much):
        fewer P/R points and metadata fields right, more leaks and missing passages."""
        return Figures(self.rec_p - other.rec_p, self.rec_r - other.rec_r,
                       self.oq_p - other.oq_p, self.oq_r - other.oq_r,
                       other.leaks - self.leaks, other.missing - self.missing,
                       self.meta_ok - other.meta_ok, self.actor - other.actor)


def read_case(seed: Path | None) -> Reading | None:
    """One seed read from its file with the rules now active; None when it cannot be."""
    if seed is None:
        return None
    try:
        return Reading(*read_article(read_seed(seed), seed.name))
    except SeedError:
        return None


def load_cases(gold_dir: Path, seeds_dir: Path, aliases: Aliases) -> list[Case]:
    """Every gold/<stem>.json with its seeds/<stem>.* read up to its sentences."""
    cases = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        seed = next(iter(sorted(seeds_dir.glob(gold_path.stem + ".*"))), None)
        reading = read_case(seed)
        article = make_article(reading.sentences, aliases) if reading else None
        cases.append(Case(gold_path.stem, seed, reading, article, gold))
    return cases


def _counts(article: Article | None, gold: dict) -> Counter:
    """tp/fp/fn of one article's recommendations and open questions, with the rules now active."""
    recs = recommendations_of(article) if article else ()
    oqs = find_open_questions(article.sentences) if article else ()
    out: Counter = Counter()
    for kind, preds, golds in (("rec", recs, gold["recommendations"]),
                               ("oq", oqs, gold["open_questions"])):
        m = match([p.text for p in preds], golds)
        out.update({f"{kind}_tp": len(m.pairs), f"{kind}_fp": len(m.extra), f"{kind}_fn": len(m.missed)})
    out["actor_ok"] = sum(same_actor(recs[i].actor, gold["recommendations"][j])
                          for i, j in match([p.text for p in recs], gold["recommendations"]).pairs)
    return out


def _reading_counts(reading: Reading | None, gold: dict) -> Counter:
    """Furniture leaks, missing body passages and metadata fields right, as the scorer counts
    them; an unread seed leaks nothing, misses every passage and gets no field right."""
    if reading is None:
        return Counter(missing=len(gold.get("body_must", [])))
    body = flat_body([p.text for p in reading.paragraphs])
    m = reading.meta
    return Counter(leaks=len(furniture_leaks(body, gold.get("furniture", []))),
                   missing=len(body_missing(body, gold.get("body_must", []))),
                   meta_ok=meta_agreement(m.title, [a.name for a in m.authors], m.date,
                                          m.publication, gold))


def _ratio(a: int, b: int) -> float:
    """a / b, and 1.0 when there is nothing to count (the scorer's convention)."""
    return a / b if b else 1.0


def figures(counts: Counter) -> Figures:
    """The corpus figures from summed per-article counts."""
    return Figures(_ratio(counts["rec_tp"], counts["rec_tp"] + counts["rec_fp"]),
                   _ratio(counts["rec_tp"], counts["rec_tp"] + counts["rec_fn"]),
                   _ratio(counts["oq_tp"], counts["oq_tp"] + counts["oq_fp"]),
                   _ratio(counts["oq_tp"], counts["oq_tp"] + counts["oq_fn"]),
                   counts["leaks"], counts["missing"], counts["meta_ok"],
                   _ratio(counts["actor_ok"], counts["rec_tp"]))


def _can_fire(patterns: PatternRule | None, case: Case) -> bool:
    """False only for a pattern rule none of whose patterns occurs in the article."""
    if patterns is None or case.article is None:
        return True
    return any(p.search(s.plain) for s in case.article.sentences for p in patterns.patterns)


def ablate(cases: Sequence[Case]) -> tuple[Figures, list[tuple[Rule, Figures]]]:
    """The corpus figures with every rule on, and each finder rule's loss when it alone is off."""
    lex = lexicon()
    # not_advice_after/_before patterns are anchored at a trigger ("^should …", "that $"), so
    # a search of the whole sentence cannot tell whether they fire: those rules always run again.
    by_name = {g.name: g for g in (*lex.triggers, *lex.uncertainty)}
    base = [_counts(c.article, c.gold) for c in cases]
    full = figures(sum(base, Counter()))
    rows = []
    for r in (r for stage in STAGES for r in registered(stage)):
        total: Counter = Counter()
        with switched_off(r.name):
            for case, counts in zip(cases, base):
                total += _counts(case.article, case.gold) if _can_fire(by_name.get(r.name), case) else counts
        rows.append((r, full.minus(figures(total))))
    return full, rows


def _declared_in(module: object) -> frozenset[str]:
    """The names of the rules a module declares (its module-level rule-name constants)."""
    names = {r.name for r in registered()}
    return frozenset(v for v in vars(module).values() if isinstance(v, str) and v in names)


def _reading_total(name: str, cases: Sequence[Case], base: Sequence[Counter],
                   aliases: Aliases) -> Counter:
    """The corpus counts with one reading rule off: each seed read again where it could matter."""
    page_only = name in _declared_in(pagehead)
    total: Counter = Counter()
    with switched_off(name):
        for case, counts in zip(cases, base):
            if page_only and (case.seed is None or seed_format(case.seed) != "html"):
                total += counts
                continue
            reading = read_case(case.seed)
            if reading == case.reading:
                total += counts
                continue
            article = make_article(reading.sentences, aliases) if reading else None
            total += _counts(article, case.gold) + _reading_counts(reading, case.gold)
    return total


_SHARED: tuple = ()
"""A worker's copy of (cases, base counts, aliases), inherited when the pool forks."""


def _share(*work: object) -> None:
    """Pool initializer: keep the corpus for the worker's tasks."""
    global _SHARED
    _SHARED = work


def _in_worker(name: str) -> Counter:
    """One task of the pool: a reading rule's corpus counts."""
    return _reading_total(name, *_SHARED)


def ablate_reading(cases: Sequence[Case], aliases: Aliases, jobs: int = 1
                   ) -> tuple[Figures, list[tuple[Rule, Figures]]]:
    """The corpus figures with every rule on, and each reading rule's loss when it alone is
    off; with jobs > 1 the rules are shared among that many forked processes."""
    rules = [r for stage in READING_STAGES for r in registered(stage)]
    base = [_counts(c.article, c.gold) + _reading_counts(c.reading, c.gold) for c in cases]
    full = figures(sum(base, Counter()))
    work = (list(cases), base, aliases)
    if jobs > 1 and len(rules) > 1:
        with multiprocessing.get_context("fork").Pool(jobs, _share, work) as pool:
            totals = pool.map(_in_worker, [r.name for r in rules], chunksize=1)
    else:
        totals = [_reading_total(r.name, *work) for r in rules]
    return full, [(r, full.minus(figures(t))) for r, t in zip(rules, totals)]


def _f1(p: float, r: float) -> float:
    """Harmonic mean of a precision and a recall."""
    return 2 * p * r / (p + r) if p + r else 0.0


def _f1_earned(full: Figures, loss: Figures) -> float:
    """How much recommendation plus question F1 drops without the rule."""
    return (_f1(full.rec_p, full.rec_r) - _f1(full.rec_p - loss.rec_p, full.rec_r - loss.rec_r)
            + _f1(full.oq_p, full.oq_r) - _f1(full.oq_p - loss.oq_p, full.oq_r - loss.oq_r))


def _pr(f: Figures, sign: str = "") -> str:
    """The four precision/recall columns and the actor accuracy."""
    return " ".join(f"{v:{sign}7.3f}" for v in (f.rec_p, f.rec_r, f.oq_p, f.oq_r, f.actor))


PR_HEAD = f"{'rec P':>7} {'rec R':>7} {'oq P':>7} {'oq R':>7} {'actor':>7}"


def table(full: Figures, rows: Sequence[tuple[Rule, Figures]]) -> str:
    """A plain-text table of the finder rules' losses, the rules that earn most first."""
    lines = [f"{'(all rules on)':34} {'':15} {_pr(full)}",
             "loss without the rule (positive: the rule earns it; negative: it costs):",
             f"{'rule':34} {'stage':15} {PR_HEAD}"]
    for r, loss in sorted(rows, key=lambda row: _f1_earned(full, row[1]) + row[1].actor, reverse=True):
        lines.append(f"{r.name:34} {r.stage:15} {_pr(loss, '+')}")
    return "\n".join(lines)


def reading_table(full: Figures, rows: Sequence[tuple[Rule, Figures]], articles: int) -> str:
    """A plain-text table of the reading rules' losses: furniture leaks and body passages
    missing gained, metadata fields lost, then the finders' P/R; the rules that earn most first."""
    def earned(row: tuple[Rule, Figures]) -> tuple[int, float]:
        loss = row[1]
        return loss.leaks + loss.missing + loss.meta_ok, _f1_earned(full, loss)
    meta = f"{full.meta_ok}/{META_FIELDS * articles}"
    lines = ["reading rules (furniture, metadata): each seed read again with the rule off",
             f"{'(all rules on)':34} {'':10} {full.leaks:6d} {full.missing:8d} {meta:>9} {_pr(full)}",
             "without the rule: leaks and missing passages gained, metadata fields lost, P/R lost",
             "(positive: the rule earns it; negative: it costs):",
             f"{'rule':34} {'stage':10} {'leaks':>6} {'missing':>8} {'meta':>9} {PR_HEAD}"]
    for r, loss in sorted(rows, key=earned, reverse=True):
        lines.append(f"{r.name:34} {r.stage:10} {loss.leaks:+6d} {loss.missing:+8d} "
                     f"{loss.meta_ok:+9d} {_pr(loss, '+')}")
    return "\n".join(lines)
