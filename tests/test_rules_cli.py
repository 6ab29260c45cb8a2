"""`python -m generator rules [--ablate]` on a tiny labelled corpus written here."""
from __future__ import annotations

import json

from generator.cli import main
from generator.matching import (body_missing, flat_body, furniture_leaks, match, meta_agreement, same_actor,
                                same_sentence)
from generator.rules import registered

ARTICLE = """Harbour dredging

HARBOURTON (Coast Wire) — The harbour has silted up twice in five years. The council must fund a dredging plan this year.

Ferry timetables change again next month | Dana Reyes Read more

Ferry operators say the port should raise fees, but that would drive traffic away.
Who will pay for the new breakwater?
"""

GOLD = {
    "title": "Harbour dredging",
    "authors": [],
    "date": None,
    "publication": ["Coast Wire"],
    "furniture": ["Ferry timetables change again next month"],
    "body_must": ["The harbour has silted up twice in five years."],
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
    assert _row(out, "read-more-link")[1] == "furniture"
    assert _row(out, "page-head-first")[1] == "metadata"  # declared by the page reader


def test_ablation_prints_what_each_rule_earns(tmp_path, capsys):
    gold, seeds = _corpus(tmp_path)
    assert main(["rules", "--ablate", "--gold", str(gold), "--seeds", str(seeds)]) == 0
    out = capsys.readouterr().out
    assert _row(out, "(all")[3:] == ["1.000"] * 5
    assert _row(out, "modal-must")[2:6] == ["+0.000", "+1.000", "+0.000", "+0.000"]
    assert _row(out, "author-question")[2:6] == ["+0.000", "+0.000", "+0.000", "+1.000"]
    # without the reported-clause rule the ferry operators' demand becomes an extra
    assert _row(out, "reported-clause")[2:4] == ["+0.500", "+0.000"]
    assert "1 articles" in out


def test_ablation_shows_what_an_actor_rule_earns(tmp_path, capsys):
    gold, seeds = tmp_path / "gold", tmp_path / "seeds"
    gold.mkdir()
    seeds.mkdir()
    (seeds / "002_ferry.txt").write_text("Ferry repairs\n\nThe ferry plan is late. Harbour engineers must be "
                                         "involved in the redesign.\n", encoding="utf-8")
    labels = {**GOLD, "title": "Ferry repairs", "publication": [], "furniture": [], "body_must": [],
              "open_questions": [], "recommendations": [{
                  "text": "Harbour engineers must be involved in the redesign.", "actor": "harbour engineers",
                  "strength": "must"}]}
    (gold / "002_ferry.json").write_text(json.dumps(labels), encoding="utf-8")
    assert main(["rules", "--ablate", "--gold", str(gold), "--seeds", str(seeds), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    # without the rule the engineers are not read as who acts: the found item keeps, its actor goes
    assert _row(out, "stative-passive-subject")[2:7] == ["+0.000", "+0.000", "+0.000", "+0.000", "+1.000"]
    assert same_actor("The Harbour Engineers", {"actor": "harbour engineers"})
    assert same_actor("port", {"actor": "harbour board", "actor_alts": ["Port"]})
    assert not same_actor(None, {"actor": "harbour engineers"})


def test_reading_ablation_shows_what_cleaning_and_metadata_rules_earn(tmp_path, capsys):
    gold, seeds = _corpus(tmp_path)
    assert main(["rules", "--ablate", "--gold", str(gold), "--seeds", str(seeds), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    reading = out[out.index("reading rules"):]
    # every rule is right with all rules on: no leak, nothing missing, all four fields
    assert _row(reading, "(all")[3:6] == ["0", "0", "4/4"]
    # without the read-more rule the teaser stays in the body: one leak, nothing else lost
    assert _row(reading, "read-more-link")[1:5] == ["furniture", "+1", "+0", "+0"]
    # without the dateline rule the publication is not found: one metadata field lost
    assert _row(reading, "wire-dateline")[1:5] == ["metadata", "+0", "+0", "+1"]
    # every reading rule has its row, the page-head ones included (declared only for pages)
    assert {r.name for stage in ("furniture", "metadata") for r in registered(stage)} >= {
        "page-head-first", "title-site-suffix"}
    for stage in ("furniture", "metadata"):
        for r in registered(stage):
            assert _row(reading, r.name)[1] == stage


def test_reading_ablation_in_processes_matches_one_process(tmp_path, capsys):
    gold, seeds = _corpus(tmp_path)
    main(["rules", "--ablate", "--gold", str(gold), "--seeds", str(seeds), "--jobs", "1"])
    alone = capsys.readouterr().out
    main(["rules", "--ablate", "--gold", str(gold), "--seeds", str(seeds), "--jobs", "2"])
    shared = capsys.readouterr().out
    def figures(out: str) -> list[str]:
        return [line for line in out.splitlines() if not line.startswith(("finders:", "reading:"))]
    assert "read-more-link" in alone and figures(alone) == figures(shared)


def test_body_and_metadata_are_counted_as_the_scorer_counts():
    body = flat_body(["The council  must\nfund it.", "Share this story"])
    assert body == "The council must fund it. Share this story"
    assert furniture_leaks(body, ["Share this story", "Sign up"]) == ["Share this story"]
    assert body_missing(body, ["the COUNCIL must fund it.", "A lost line."]) == ["A lost line."]
    gold = {"title": "Harbour “dredging”", "authors": ["Dana Reyes"], "date": "2024-05-01",
            "publication": ["Coast Wire", "The Coast Wire"]}
    assert meta_agreement('harbour "dredging"', ["dana reyes"], "2024-05-01", "the coast wire", gold) == 4
    assert meta_agreement(None, [], "2024-05", None, gold) == 0
    assert meta_agreement(None, [], None, None, {"title": None, "authors": [], "date": None}) == 4


def test_ablation_needs_both_folders(tmp_path, capsys):
    assert main(["rules", "--ablate", "--gold", str(tmp_path)]) == 2
    assert main(["rules", "--ablate", "--gold", str(tmp_path / "no"), "--seeds", str(tmp_path)]) == 1


def test_matcher_follows_the_scorer():
    assert same_sentence("The council must fund the plan.", "The council must fund the plan this year.")
    assert not same_sentence("The council must fund the plan.", "Ferry fees should rise.")
    golds = [{"text": "A B C D"}, {"text": "E F G H", "optional": True}, {"text": "I J K L"}]
    m = match(["a b c d", "e f g h", "x y z"], golds)
    assert (m.pairs, m.extra, m.missed) == (((0, 0),), (2,), (2,))
