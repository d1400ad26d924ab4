"""Time of each rule in a warm process, and how many sentences the parser sees.

Usage: .venv/bin/python bench/bench_rules.py [FOLDER] [--codes R01,R02,...]

FOLDER defaults to samples/ (generate bigger sets with bench/generate_recordings.py). For each
recording: the NLP analysis (the cheap pass plus the phrasing rules' parse), then every rule in
code order, as `check` runs them. Prints milliseconds per recording and the share of sentences
parsed before and after the rules. A measurement, never a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa_checker import engine  # noqa: E402
from qa_checker.nlp.analysis import parsed_sentences  # noqa: E402
from qa_checker.nlp.pipeline import load_pipeline  # noqa: E402
from qa_checker.policy import load_policy  # noqa: E402
from qa_checker.readers import discover, read_document  # noqa: E402
from qa_checker.registry import all_rules  # noqa: E402
from qa_checker.splitter import split  # noqa: E402
from qa_checker.template import load_template  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default=str(ROOT / "samples"))
    parser.add_argument("--codes", default="", help="only time these rules (comma-separated); all by default")
    args = parser.parse_args()
    codes = {c.strip().upper() for c in args.codes.split(",") if c.strip()}
    rules = [r for r in all_rules() if not codes or r.code in codes]
    load_pipeline()
    template, policy = load_template(), load_policy()
    recordings = [split(read_document(p), template) for p in discover([Path(args.folder)])]
    timings: dict[str, list[float]] = defaultdict(list)
    words = before = after = total = 0
    for recording in recordings:
        words += len(recording.text.split())
        cheap = engine.view(recording, rules=rules, policy=policy, today=dt.date(2026, 11, 23), rounds=1)
        start = time.perf_counter()
        parsed = engine.view(recording, rules=rules, policy=policy, today=dt.date(2026, 11, 23))
        timings["analysis (every planned round)"].append(time.perf_counter() - start)
        analysis = parsed.language
        before += parsed_sentences([cheap.language])
        for rule in rules:
            start = time.perf_counter()
            list(rule.check(parsed))
            timings[rule.code].append(time.perf_counter() - start)
        after += parsed_sentences([analysis])
        total += len(analysis.sentences)
    print(f"{len(recordings)} recordings, {words} words, {total} sentences")
    print(f"parsed: {before} sentences after the first round, {after} after every planned round "
          f"({after / max(total, 1):.0%})")
    print(f"{'step':<10}{'mean ms':>9}{'median ms':>11}{'max ms':>9}")
    for step, values in timings.items():
        ms = [v * 1000 for v in values]
        print(f"{step:<10}{statistics.mean(ms):>9.1f}{statistics.median(ms):>11.1f}{max(ms):>9.1f}")


if __name__ == "__main__":
    main()
