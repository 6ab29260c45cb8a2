"""`python -m generator rules [--ablate]` on a tiny labelled corpus written here."""
from __future__ import annotations

import json

from generator.cli import main
from generator.matching import match, same_sentence

ARTICLE = """Harbour dredging

The harbour has silted up twice in five years. The council must fund a dredging plan this year.
Ferry operators say the port should raise fees, but that would drive traffic away.
Who will pay for the new breakwater?
"""

GOLD = {
    "recommendations": [{"text": "The council must fund a dredging plan this year.",
                         "actor": "council", "strength": "must"}],
    "open_questions": [{"text": "Who will pay for the new breakwater?", "kind": "explicit"}],
    "summary_key": [],
}


def _corpus(tmp_path):
    gold, seeds = tmp_path / "gold", tmp_path / "seeds"
    gold.mkdir()
    seeds.mkdir()
    (gold / "001_harbour.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (seeds / "001_harbour.txt").write_text(ARTICLE, encoding="utf-8")
    return gold, seeds


def _row(out: str, name: str) -> list[str]:
    return next(line.split() for line in out.splitlines() if line.startswith(name + " "))


def test_rules_lists_every_rule_with_stage_and_reason(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert _row(out, "modal-must")[1] == "recommendation"
    assert _row(out, "author-question")[1] == "question"


def test_ablation_prints_what_each_rule_earns(tmp_path, capsys):
    gold, seeds = _corpus(tmp_path)
    assert main(["rules", "--ablate", "--gold", str(gold), "--seeds", str(seeds)]) == 0
    out = capsys.readouterr().out
    assert _row(out, "(all")[3:] == ["1.000"] * 4
    assert _row(out, "modal-must")[2:6] == ["+0.000", "+1.000", "+0.000", "+0.000"]
    assert _row(out, "author-question")[2:6] == ["+0.000", "+0.000", "+0.000", "+1.000"]
    # without the reported-clause rule the ferry operators' demand becomes an extra
    assert _row(out, "reported-clause")[2:4] == ["+0.500", "+0.000"]
    assert "1 articles" in out


def test_ablation_needs_both_folders(tmp_path, capsys):
    assert main(["rules", "--ablate", "--gold", str(tmp_path)]) == 2
    assert main(["rules", "--ablate", "--gold", str(tmp_path / "no"), "--seeds", str(tmp_path)]) == 1


def test_matcher_follows_the_scorer():
    assert same_sentence("The council must fund the plan.", "The council must fund the plan this year.")
    assert not same_sentence("The council must fund the plan.", "Ferry fees should rise.")
    golds = [{"text": "A B C D"}, {"text": "E F G H", "optional": True}, {"text": "I J K L"}]
    m = match(["a b c d", "e f g h", "x y z"], golds)
    assert (m.pairs, m.extra, m.missed) == (((0, 0),), (2,), (2,))
