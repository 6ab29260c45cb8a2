"""What each named rule earns: recommendation and question precision/recall without it.

Each labelled seed is read once up to its sentences (and indexed for actors); then, for
every rule of the recommendation and question stages, only the two finders run again
with that rule switched off, and their output is matched against the gold as the scorer
matches it (generator.matching). A pattern rule none of whose patterns occurs in an
article cannot change it, so that article's baseline counts are reused.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .extraction.actors import Article, make_article
from .extraction.aliases import Aliases
from .extraction.lexicon import PatternRule, lexicon
from .extraction.questions import find_open_questions
from .extraction.recommendations import recommendations_of
from .matching import match
from .model import SeedError
from .parse import read_article
from .reading.read import read_seed
from .rules import Rule, registered, switched_off

STAGES = ("recommendation", "question")


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled article, read and indexed once."""

    name: str
    article: Article | None
    """None when the seed could not be read: every gold item counts as missed."""
    gold: dict


@dataclass(frozen=True, slots=True)
class Figures:
    """Precision and recall of recommendations and open questions over a corpus."""

    rec_p: float
    rec_r: float
    oq_p: float
    oq_r: float

    def minus(self, other: Figures) -> Figures:
        """What `other` loses against these figures (positive: the rule earns that much)."""
        return Figures(self.rec_p - other.rec_p, self.rec_r - other.rec_r,
                       self.oq_p - other.oq_p, self.oq_r - other.oq_r)


def load_cases(gold_dir: Path, seeds_dir: Path, aliases: Aliases) -> list[Case]:
    """Every gold/<stem>.json with its seeds/<stem>.* read up to its sentences."""
    cases = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        seed = next(iter(sorted(seeds_dir.glob(gold_path.stem + ".*"))), None)
        try:
            _, _, sentences = read_article(read_seed(seed), seed.name) if seed else (None, None, ())
        except SeedError:
            sentences = ()
        article = make_article(sentences, aliases) if sentences else None
        cases.append(Case(gold_path.stem, article, gold))
    return cases


def _counts(case: Case) -> Counter:
    """tp/fp/fn of one article's recommendations and open questions, with the rules now active."""
    recs = recommendations_of(case.article) if case.article else ()
    oqs = find_open_questions(case.article.sentences) if case.article else ()
    out: Counter = Counter()
    for kind, preds, golds in (("rec", recs, case.gold["recommendations"]),
                               ("oq", oqs, case.gold["open_questions"])):
        m = match([p.text for p in preds], golds)
        out.update({f"{kind}_tp": len(m.pairs), f"{kind}_fp": len(m.extra), f"{kind}_fn": len(m.missed)})
    return out


def _ratio(a: int, b: int) -> float:
    """a / b, and 1.0 when there is nothing to count (the scorer's convention)."""
    return a / b if b else 1.0


def figures(counts: Counter) -> Figures:
    """Precision and recall from summed tp/fp/fn counts."""
    return Figures(_ratio(counts["rec_tp"], counts["rec_tp"] + counts["rec_fp"]),
                   _ratio(counts["rec_tp"], counts["rec_tp"] + counts["rec_fn"]),
                   _ratio(counts["oq_tp"], counts["oq_tp"] + counts["oq_fp"]),
                   _ratio(counts["oq_tp"], counts["oq_tp"] + counts["oq_fn"]))


def _can_fire(patterns: PatternRule | None, case: Case) -> bool:
    """False only for a pattern rule none of whose patterns occurs in the article."""
    if patterns is None or case.article is None:
        return True
    return any(p.search(s.plain) for s in case.article.sentences for p in patterns.patterns)


def ablate(cases: Sequence[Case]) -> tuple[Figures, list[tuple[Rule, Figures]]]:
    """The corpus figures with every rule on, and each rule's loss when it alone is off."""
    lex = lexicon()
    # not_advice_after/_before patterns are anchored at a trigger ("^should …", "that $"), so
    # a search of the whole sentence cannot tell whether they fire: those rules always run again.
    by_name = {g.name: g for g in (*lex.triggers, *lex.uncertainty)}
    base = [_counts(c) for c in cases]
    full = figures(sum(base, Counter()))
    rows = []
    for r in (r for stage in STAGES for r in registered(stage)):
        total: Counter = Counter()
        with switched_off(r.name):
            for case, counts in zip(cases, base):
                total += _counts(case) if _can_fire(by_name.get(r.name), case) else counts
        rows.append((r, full.minus(figures(total))))
    return full, rows


def _f1(p: float, r: float) -> float:
    """Harmonic mean of a precision and a recall."""
    return 2 * p * r / (p + r) if p + r else 0.0


def table(full: Figures, rows: Sequence[tuple[Rule, Figures]]) -> str:
    """A plain-text table: each rule's loss, the rules that earn most first."""
    def earned(row: tuple[Rule, Figures]) -> float:
        f, loss = full, row[1]
        return (_f1(f.rec_p, f.rec_r) - _f1(f.rec_p - loss.rec_p, f.rec_r - loss.rec_r)
                + _f1(f.oq_p, f.oq_r) - _f1(f.oq_p - loss.oq_p, f.oq_r - loss.oq_r))
    head = f"{'rule':34} {'stage':15} {'rec P':>7} {'rec R':>7} {'oq P':>7} {'oq R':>7}"
    lines = [f"{'(all rules on)':34} {'':15} {full.rec_p:7.3f} {full.rec_r:7.3f} {full.oq_p:7.3f} {full.oq_r:7.3f}",
             "loss without the rule (positive: the rule earns it; negative: it costs):", head]
    for r, loss in sorted(rows, key=earned, reverse=True):
        lines.append(f"{r.name:34} {r.stage:15} {loss.rec_p:+7.3f} {loss.rec_r:+7.3f} "
                     f"{loss.oq_p:+7.3f} {loss.oq_r:+7.3f}")
    return "\n".join(lines)
