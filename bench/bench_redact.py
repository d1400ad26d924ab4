"""How much `review --redact` costs over the same review without it (issue 16: within 20%).

    .venv/bin/python bench/bench_redact.py [--count 100] [--runs 3] [--workers 2]

Runs the real command in a fresh process on the generated recordings (bench/make_recordings.py),
alternating plain and redacted runs so that a change in the machine's load hits both alike, and
prints the median wall time and CPU time (every process of the command) of each, and the ratio.
This is a measurement, never a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_review import ROOT, ensure_recordings, measure  # noqa: E402


def walls(runs: list[dict]) -> str:
    return ", ".join(format(r["wall"], ".2f") for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    folder = ensure_recordings(args.count)
    review = ["review", str(folder), "--workers", str(args.workers)]
    results: dict[str, list[dict]] = {"plain": [], "redact": []}
    for _ in range(args.runs):
        results["plain"].append(measure(review))
        results["redact"].append(measure([*review, "--redact"]))
    count = len(list(folder.glob("*.docx")))
    print(f"{count} recordings in {folder.relative_to(ROOT)}, {args.workers} workers; median of {args.runs} runs")
    medians = {}
    for label, runs in results.items():
        medians[label] = {k: statistics.median(r[k] for r in runs) for k in ("wall", "cpu")}
        print(f"{'review' if label == 'plain' else 'review --redact':<16} wall {medians[label]['wall']:6.2f} s  "
              f"CPU {medians[label]['cpu']:6.1f} s  (wall of each run: {walls(runs)})")
    for key in ("wall", "cpu"):
        print(f"redact / plain, {key}: {medians['redact'][key] / medians['plain'][key]:.2f}x")


if __name__ == "__main__":
    main()
