"""Regression articles (tests/fixtures/regression) scored against their hand labels.

The articles are written for this project in the genres the scorer meets (policy briefs,
report summaries, editorials, testimony, analyses that only describe), and labelled from
a reading of each against BRIEF_SPEC.md. The rules were fixed against them, so they are
training data, not a held-out estimate: they catch regressions, nothing more.
Items are matched the way ../shared/eval/score.py matches them (word overlap), so a figure
here means what the scorer's does.

    .venv/bin/python tests/regression.py      # per-article report: misses, extras, wrong labels
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "fixtures" / "regression"
sys.path.insert(0, str(ROOT))

from generator.extraction.aliases import load_aliases  # noqa: E402
from generator.build import parse_seed  # noqa: E402
from generator.matching import match, norm_text, same_sentence  # noqa: E402
from generator.model import Brief  # noqa: E402


def norm_actor(actor: str | None) -> str | None:
    """An actor name compared without case, dots or a leading "the"."""
    return re.sub(r"^the ", "", norm_text(actor)).replace(".", "").strip() or None


@dataclass
class Tally:
    """Counts over items of one kind, and what went wrong, one line per item."""

    counts: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)


def score_recommendations(brief: Brief, golds: list[dict], tally: Tally) -> None:
    """Add one article's recommendation counts (tp/fp/fn, actor and strength right) to `tally`."""
    recs = brief.recommendations
    m = match([r.text for r in recs], golds)
    pairs, extra, missed = m.pairs, m.extra, m.missed
    c = tally.counts
    for i, j in pairs:
        r, g = recs[i], golds[j]
        c["tp"] += 1
        if norm_actor(r.actor) in {norm_actor(a) for a in [g["actor"], *g.get("actor_alts", [])]}:
            c["actor"] += 1
        else:
            tally.notes.append(f"  actor {r.actor!r}, want {g['actor']!r}: {r.text[:90]}")
        if r.strength == g["strength"]:
            c["strength"] += 1
        else:
            tally.notes.append(f"  strength {r.strength!r}, want {g['strength']!r}: {r.text[:90]}")
    c["fp"] += len(extra)
    c["fn"] += len(missed)
    tally.notes += [f"  extra rec: {recs[i].text[:110]}" for i in extra]
    tally.notes += [f"  missed rec: {golds[j]['text'][:110]}" for j in missed]


def score_questions(brief: Brief, golds: list[dict], tally: Tally) -> None:
    """Add one article's open-question counts (tp/fp/fn, kind right) to `tally`."""
    qs = brief.open_questions
    m = match([q.text for q in qs], golds)
    pairs, extra, missed = m.pairs, m.extra, m.missed
    tally.counts["tp"] += len(pairs)
    tally.counts["kind"] += sum(qs[i].kind == golds[j]["kind"] for i, j in pairs)
    tally.counts["fp"] += len(extra)
    tally.counts["fn"] += len(missed)
    tally.notes += [f"  extra oq: {qs[i].text[:110]}" for i in extra]
    tally.notes += [f"  missed oq: {golds[j]['text'][:110]}" for j in missed]


def score_summary(brief: Brief, keys: list[str], tally: Tally) -> None:
    """Add how many summary sentences are key sentences of the article."""
    tally.counts["n"] += len(brief.summary)
    tally.counts["key"] += sum(any(same_sentence(s, k) for k in keys) for s in brief.summary)
    tally.counts["bad_length"] += not 3 <= len(brief.summary) <= 5


def ratio(a: int, b: int) -> float:
    """a / b, and 1.0 when there is nothing to count."""
    return a / b if b else 1.0


def totals(recs: Counter, oqs: Counter, summary: Counter) -> dict[str, float]:
    """The figures the regression test checks, rounded to three places."""
    rp, rr = ratio(recs["tp"], recs["tp"] + recs["fp"]), ratio(recs["tp"], recs["tp"] + recs["fn"])
    qp, qr = ratio(oqs["tp"], oqs["tp"] + oqs["fp"]), ratio(oqs["tp"], oqs["tp"] + oqs["fn"])
    out = {"rec_precision": rp, "rec_recall": rr, "rec_f1": ratio(2 * rp * rr, rp + rr),
           "actor_acc": ratio(recs["actor"], recs["tp"]), "strength_acc": ratio(recs["strength"], recs["tp"]),
           "oq_precision": qp, "oq_recall": qr, "oq_kind_acc": ratio(oqs["kind"], oqs["tp"]),
           "summary_key_share": ratio(summary["key"], summary["n"]),
           "summary_bad_length": summary["bad_length"]}
    return {k: round(v, 3) for k, v in out.items()}


def evaluate(report: bool = False) -> dict[str, float]:
    """Extract every regression article and score it; print a per-article report if asked."""
    labels = yaml.safe_load((FOLDER / "labels.yaml").read_text(encoding="utf-8"))
    aliases = load_aliases()
    all_recs, all_oqs, all_sum = Counter(), Counter(), Counter()
    for stem, gold in sorted(labels.items()):
        path = next(FOLDER.glob(stem + ".*"))
        brief = parse_seed(path, ROOT, aliases)
        recs, oqs, summ = Tally(), Tally(), Tally()
        score_recommendations(brief, gold["recommendations"], recs)
        score_questions(brief, gold["open_questions"], oqs)
        score_summary(brief, gold["summary_key"], summ)
        if report:
            print(f"{stem:24} rec tp {recs.counts['tp']} fp {recs.counts['fp']} fn {recs.counts['fn']}"
                  f"  actor {recs.counts['actor']}/{recs.counts['tp']}  oq tp {oqs.counts['tp']}"
                  f" fp {oqs.counts['fp']} fn {oqs.counts['fn']}  summary {summ.counts['key']}/{summ.counts['n']}")
            print("\n".join(recs.notes + oqs.notes))
        all_recs += recs.counts
        all_oqs += oqs.counts
        all_sum += summ.counts
    return totals(all_recs, all_oqs, all_sum)


if __name__ == "__main__":
    print("TOTAL " + "  ".join(f"{k} {v}" for k, v in evaluate(report=True).items()))
