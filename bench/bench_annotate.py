"""Wall time of `qa-checker annotate` beside `qa-checker check` on the same drafts, cold process each.

Run with `.venv/bin/python bench/bench_annotate.py [--runs N]`. Prints medians; a measurement,
not a test. The copies go to a temporary folder.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from bench_check import ROOT, wall  # the script's folder is on sys.path when it is run

DRAFTS = ["flawed-blue-prompts-tyler.docx", "three-children-2026-09-17.docx", "flawed-text-export-leo-mia.txt"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    print(f"{'command':<52} {'median s':>9} {'min s':>7}  ({runs} runs, cold process each)")
    with tempfile.TemporaryDirectory() as folder:
        for name in DRAFTS:
            draft = ROOT / "samples" / name
            copy = Path(folder) / f"copy{'.docx' if draft.suffix == '.docx' else '.md'}"
            for label, args in ((f"check {name}", ["check", str(draft)]),
                                (f"annotate {name}", ["annotate", str(draft), "-o", str(copy), "--force"])):
                times = wall(args, runs)
                print(f"{label:<52} {statistics.median(times):>9.3f} {min(times):>7.3f}")


if __name__ == "__main__":
    main()
