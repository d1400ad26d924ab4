"""Wall time of `qa-checker check` from a cold process: one file, and the samples folder.

Run with `make bench` (or `.venv/bin/python bench/bench_check.py [--runs N]`). Prints medians;
this is a measurement, not a test, and never fails on a number.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = Path(sys.executable).with_name("qa-checker")


def wall(args: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(EXE), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    samples = ROOT / "samples"
    one_docx = samples / "good-amelia-jayden-2025-03-12.docx"
    one_txt = samples / "good-harper-2025-06-12.txt"
    cases = [
        ("python -c pass (floor)", None),
        ("--version", ["--version"]),
        (f"check {one_docx.name}", ["check", str(one_docx)]),
        (f"check {one_txt.name}", ["check", str(one_txt)]),
        ("check samples/ (10 files)", ["check", str(samples)]),
        ("check samples/ --format json", ["check", str(samples), "--format", "json"]),
        ("check samples/ --format sarif", ["check", str(samples), "--format", "sarif"]),
        ("check samples/ --select S,W --severity S03=error", ["check", str(samples), "--select", "S,W", "--severity", "S03=error"]),
    ]
    print(f"{'command':<50} {'median s':>9} {'min s':>7}  ({runs} runs, cold process each)")
    for label, args in cases:
        if args is None:
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                subprocess.run([sys.executable, "-c", "pass"], check=False)
                times.append(time.perf_counter() - start)
        else:
            times = wall(args, runs)
        print(f"{label:<50} {statistics.median(times):>9.3f} {min(times):>7.3f}")


if __name__ == "__main__":
    main()
