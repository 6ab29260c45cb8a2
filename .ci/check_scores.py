"""Fail CI when extraction falls below the floors it has reached (.ci/score_floors.json).

Runs ../shared/eval/score.py (the seeds, the dev corpus, id stability) with --json and
compares each total with its floor (or ceiling, for counts of things that must stay at 0).
Needs ../shared beside the repo, as CI has it; the repo's own tests never do.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
CEILINGS = {"furniture_leaks", "body_missing", "summary_bad_length", "failed"}


def run(args: list[str]) -> dict:
    """The scorer's totals as JSON."""
    out = subprocess.run([sys.executable, str(SCORER), "--json", *args], cwd=ROOT,
                         capture_output=True, text=True, timeout=1800)
    if not out.stdout.strip():
        sys.exit(f"scorer printed nothing:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    """Score every corpus, print each total beside its floor; 1 when any is below."""
    floors = json.loads((ROOT / ".ci" / "score_floors.json").read_text("utf-8"))
    failed = False
    for corpus, spec in floors.items():
        totals = run(spec["args"])
        for key, bound in spec["floors"].items():
            value = totals[key]
            ok = value <= bound if key in CEILINGS else value >= bound
            failed |= not ok
            print(f"{corpus:10} {key:20} {value:>7} {'<=' if key in CEILINGS else '>='} {bound:<7} "
                  f"{'ok' if ok else 'BELOW FLOOR'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
