"""What the CI gate adds to a check, in one warm process: settings, suppression and the outputs.

Run with `.venv/bin/python bench/bench_gate.py [--runs N]`. Prints medians in milliseconds; a
measurement, not a test. The check itself (reading, splitting, the rules and spaCy) is measured
by bench_check.py; these are the pieces around it, timed on the ten samples.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa_checker.api import check_paths  # noqa: E402
from qa_checker.baseline import Baseline  # noqa: E402
from qa_checker.report import RunResult  # noqa: E402
from qa_checker.reporters import OutputFormat, render  # noqa: E402
from qa_checker.settings import ConfigResolver  # noqa: E402

CONFIG = 'ignore = ["H04"]\nfail-on = "warning"\n\n[severity]\nS03 = "error"\nP = "info"\n'


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in {".docx", ".txt", ".md"})
    with tempfile.TemporaryDirectory() as tmp:
        team = Path(tmp) / "team" / "week12"
        team.mkdir(parents=True)
        (team.parent / "qa-checker.toml").write_text(CONFIG, encoding="utf-8")
        for sample in samples:
            (team / sample.name).write_bytes(sample.read_bytes())
        files = sorted(team.iterdir())

        def settings_for_all():  # a fresh resolver: discovery walks up from each folder once
            resolver = ConfigResolver()
            for file in files:
                resolver.settings_for(file)

        reports = check_paths([team])
        result = RunResult.of(reports)
        baseline = Baseline(Path(tmp) / "team" / "qa-baseline.json").updated(reports)
        findings = sum(len(r.findings) for r in reports)
        rows = [
            ("settings for 10 files (find, read, validate, resolve)", settings_for_all),
            (f"baseline: match {findings} findings", lambda: [baseline.split(r.path, r.findings) for r in reports]),
            ("baseline: write", baseline.dumps),
        ] + [(f"render --format {f.value}", lambda f=f: render(result, f)) for f in OutputFormat]
        print(f"{'step (10 samples, warm process)':<56} {'median ms':>10}  ({runs} runs)")
        for label, action in rows:
            print(f"{label:<56} {median_ms(action, runs):>10.2f}")
        whole = median_ms(lambda: check_paths([team], config=ConfigResolver()), max(3, runs // 5))
        plain = median_ms(lambda: check_paths([team]), max(3, runs // 5))
        print(f"{'check_paths, no settings':<56} {plain:>10.2f}")
        print(f"{'check_paths with the team settings (selection, severities)':<56} {whole:>10.2f}")


if __name__ == "__main__":
    main()
