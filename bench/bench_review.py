"""Wall time, rate and peak memory of `qa-checker review` over generated recordings.

    .venv/bin/python bench/bench_review.py [--count 300] [--runs 1]

Generates the recordings first when bench/out/review-recordings holds fewer than --count (see
bench/make_recordings.py). Each case runs the real command in a fresh process:
- workers 1 and 2 (no history), and the speed-up between them;
- --history on a new database (checks everything and stores it), then again on the unchanged
  files (everything reused).
Peak memory is given two ways, both read from /proc every 20 ms: the largest single process
(its VmHWM, the kernel's own high-water mark) and the largest sum of resident memory over the
whole process tree (the command, the forkserver and the workers). getrusage(RUSAGE_CHILDREN)
cannot be used here: the workers are children of the forkserver, which is never waited for, so
their usage never reaches the process that ran the command.
CPU s is the user plus system time of every process of the command (sampled the same way): on a
machine shared with other work, the wall time of the parallel run depends on how much of the
second core is free, while the CPU time says how much work there was.
This is a measurement, never a test: it prints numbers and fails on none.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
EXE = Path(sys.executable).with_name("qa-checker")

def _children(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                pending += [int(p) for p in (task / "children").read_text().split()]
            except OSError:
                pass
    return found


def _memory_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process in KiB; zeros once it has gone."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                values[line[:5]] = int(line.split()[1])
    except OSError:
        pass
    return values.get("VmRSS", 0), values.get("VmHWM", 0)


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far (0 once it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(args: list[str]) -> dict:
    """Run ``qa-checker args`` once: wall seconds, exit code, peak single process and tree (MB)."""
    start = time.perf_counter()
    process = subprocess.Popen([str(EXE), *args], stdout=subprocess.DEVNULL)
    peak_tree, high_water, cpu = 0, {}, {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not done.is_set():
            memory = {pid: _memory_kib(pid) for pid in _children(process.pid)}
            peak_tree = max(peak_tree, sum(rss for rss, _ in memory.values()))
            high_water.update({pid: hwm for pid, (_, hwm) in memory.items() if hwm})
            cpu.update({pid: t for pid in memory if (t := _cpu_seconds(pid))})
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    return {"wall": wall, "code": code, "peak_process_mb": max(high_water.values(), default=0) / 1024,
            "peak_tree_mb": peak_tree / 1024, "cpu": sum(cpu.values())}


def ensure_recordings(count: int) -> Path:
    folder = OUT / "review-recordings"
    if len(list(folder.glob("*.docx"))) < count:
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_recordings.py"), "--count", str(count),
                        "--out", str(folder)], check=True)
    return folder


def best(args: list[str], runs: int, before=lambda: None) -> dict:
    results = []
    for _ in range(runs):
        before()
        results.append(measure(args))
    wall = statistics.median(r["wall"] for r in results)
    return {**max(results, key=lambda r: r["peak_tree_mb"]), "wall": wall, "min_wall": min(r["wall"] for r in results)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    folder = ensure_recordings(args.count)
    count = len(list(folder.glob("*.docx")))
    scratch = Path(tempfile.mkdtemp(prefix="qa-bench-"))
    history = scratch / "history.sqlite"
    review = ["review", str(folder)]
    cases = [
        ("review, 1 worker", best(review + ["--workers", "1"], args.runs)),
        ("review, 2 workers", best(review + ["--workers", "2"], args.runs)),
        ("review --history (new database), 2 workers",
         best(review + ["--workers", "2", "--history", str(history)], args.runs, lambda: history.unlink(missing_ok=True))),
        ("review --history (unchanged files), 2 workers",
         best(review + ["--workers", "2", "--history", str(history)], args.runs)),
    ]
    shutil.rmtree(scratch, ignore_errors=True)
    print(f"{count} recordings in {folder.relative_to(ROOT)}; median of {args.runs} run(s), cold process each")
    print(f"{'case':<48} {'wall s':>7} {'min s':>6} {'rec/s':>6} {'CPU s':>6} {'peak process MB':>16} {'peak tree MB':>13}")
    for label, r in cases:
        print(f"{label:<48} {r['wall']:>7.2f} {r['min_wall']:>6.2f} {count / r['wall']:>6.1f} {r['cpu']:>6.1f} "
              f"{r['peak_process_mb']:>16.0f} {r['peak_tree_mb']:>13.0f}")
    print(f"speed-up, 2 workers over 1: {cases[0][1]['wall'] / cases[1][1]['wall']:.2f}x (median), "
          f"{cases[0][1]['min_wall'] / cases[1][1]['min_wall']:.2f}x (fastest runs)")
    print(json.dumps({label: r for label, r in cases}))


if __name__ == "__main__":
    main()
