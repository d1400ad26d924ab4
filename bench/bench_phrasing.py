"""qa-checker against proselint on the same generated recordings, and a cold single draft.

    .venv/bin/python bench/bench_phrasing.py [--count 200] [--words 1500] [--runs 3] [--dense]

Generates the recordings (bench/generate_recordings.py, under bench/out/), installs proselint
0.16 in a throwaway venv under /tmp (never a project dependency), then times, alternately and
from cold processes, `qa-checker check FOLDER --format json` and `proselint check FILES`.
Also prints where qa-checker's time goes, stage by stage (CPU time, in-process), and the wall
time of one cold `qa-checker check` on a single ~1,500-word draft. Prints; never fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "recordings"
EXE = Path(sys.executable).with_name("qa-checker")
PROSE_VENV = Path("/tmp/qa-checker-bench-proselint")


def proselint() -> Path:
    exe = PROSE_VENV / "bin" / "proselint"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PROSE_VENV)], check=True)
        subprocess.run([str(PROSE_VENV / "bin" / "pip"), "install", "-q", "proselint==0.16.0"], check=True)
    return exe


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def stages(files: list[Path]) -> tuple[dict[str, float], dict[str, float], int, int]:
    """CPU seconds per stage of a check (in this process), and of spaCy's pieces inside the NLP pass."""
    from qa_checker import engine
    from qa_checker.nlp import analysis
    from qa_checker.nlp.pipeline import load_pipeline, pipeline_config
    from qa_checker.policy import load_policy
    from qa_checker.readers import read_document
    from qa_checker.rule import Parsed
    from qa_checker.splitter import split
    from qa_checker.template import load_template

    nlp, matchers, template, policy = load_pipeline(), analysis._matchers(None), load_template(), load_policy()

    def cpu(func):
        start = time.process_time()
        result = func()
        return result, time.process_time() - start

    documents, read = cpu(lambda: [read_document(f) for f in files])
    recordings, splitting = cpu(lambda: [split(d, template) for d in documents])
    analyses, nlp_pass = cpu(lambda: analysis.analyse_many(recordings))
    _, rules = cpu(lambda: [engine.run(Parsed(recording=r, policy=policy, today=dt.date.today(), analysis=a))
                            for r, a in zip(recordings, analyses)])
    stage = {"read files": read, "split into sections": splitting, "NLP pass": nlp_pass, "rules": rules}
    # spaCy's own pieces of the NLP pass, timed again on their own
    docs, tokenizer = cpu(lambda: [nlp.make_doc(r.text) for r in recordings])
    _, matching = cpu(lambda: [list(matchers.lower(d)) + list(matchers.orth(d)) for d in docs])
    candidates = [s.text for a in analyses for s in a.sentences if s.doc is not None]
    _, parse = cpu(lambda: list(nlp.pipe(candidates, batch_size=pipeline_config().batch_size)))
    pieces = {"tokenizer": tokenizer, "PhraseMatchers": matching, "parse of candidate sentences": parse}
    return stage, pieces, len(candidates), sum(len(a.sentences) for a in analyses)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--words", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dense", action="store_true")
    args = parser.parse_args()
    command = [sys.executable, str(ROOT / "bench" / "generate_recordings.py"), str(args.count), str(args.words)]
    subprocess.run(command + (["--dense"] if args.dense else []), check=True)
    files = sorted(OUT.glob("*.txt"))
    words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
    prose = proselint()
    ours, theirs = [], []
    for _ in range(args.runs):
        ours.append(wall([str(EXE), "check", str(OUT), "--format", "json"]))
        theirs.append(wall([str(prose), "check", *map(str, files)]))
    print(f"\n{len(files)} recordings, {words:,} words; median of {args.runs} cold runs each, alternating")
    for name, times in (("qa-checker check", ours), ("proselint 0.16 check", theirs)):
        median = statistics.median(times)
        print(f"  {name:<22} {median:7.2f} s  {words / median:9,.0f} words/s   (runs: {', '.join(f'{t:.2f}' for t in times)})")
    single = [wall([str(EXE), "check", str(files[0])]) for _ in range(args.runs + 2)]
    print(f"  one {len(files[0].read_text(encoding='utf-8').split())}-word draft, cold process: "
          f"median {statistics.median(single):.2f} s (runs: {', '.join(f'{t:.2f}' for t in single)})")
    stage, pieces, parsed, sentences = stages(files)
    total = sum(stage.values())
    print(f"\nWhere qa-checker's CPU time goes (in one process: {total:.2f} s; "
          f"{parsed} of {sentences} sentences parsed, {parsed / sentences:.0%}):")
    for name, seconds in stage.items():
        print(f"  {name:<30} {seconds:7.2f} s  {seconds / total:5.0%}")
    print("  of which spaCy:")
    for name, seconds in pieces.items():
        print(f"    {name:<28} {seconds:7.2f} s  {seconds / total:5.0%}")
    print(f"  share of the time in spaCy: {sum(pieces.values()) / total:.0%}")


if __name__ == "__main__":
    main()
