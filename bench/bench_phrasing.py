"""qa-checker against proselint on the same generated recordings, and a cold single draft.

    .venv/bin/python bench/bench_phrasing.py [--count 200] [--words 1500] [--runs 3] [--dense]

Generates the recordings (bench/generate_recordings.py, under bench/out/), installs proselint
0.16 in a throwaway venv under /tmp (never a project dependency), then times, alternately and
from cold processes, `qa-checker check FOLDER --format json` (a worker per core, the default),
`proselint check FILES` and `qa-checker check FOLDER --format json --jobs 1` (one process).
Also prints where qa-checker's time goes, stage by stage (CPU time, in one process), and the
wall time of one cold `qa-checker check` on the generated draft closest to --words long.
Prints; never fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the qa-checker command sets it (qa_checker/cli.py)
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
    """CPU seconds per stage of a check in one process (as qa_checker.api.check_documents does
    it), and of spaCy's pieces, timed again on their own."""
    import spacy

    from qa_checker import engine, speedups
    from qa_checker.nlp import analysis
    from qa_checker.nlp.pipeline import load_pipeline, pipeline_config, prime_tokenizer
    from qa_checker.policy import load_policy
    from qa_checker.readers import read_document
    from qa_checker.registry import all_rules, lexicon_spec
    from qa_checker.splitter import split
    from qa_checker.template import load_template

    speedups.enable()  # as the command does
    nlp, matchers, template, policy = load_pipeline(), analysis._matchers(None, (), lexicon_spec()), load_template(), load_policy()
    today = dt.date.today()

    def cpu(func):
        start = time.process_time()
        result = func()
        return result, time.process_time() - start

    documents, read = cpu(lambda: [read_document(f) for f in files])
    recordings, splitting = cpu(lambda: [split(d, template) for d in documents])
    jobs = [engine.Job(r, policy, all_rules()) for r in recordings]
    views, nlp_pass = cpu(lambda: engine.plan(jobs, today))
    analyses = [v.language for v in views]
    _, rules = cpu(lambda: [engine.run(v) for v in views])
    stage = {"read files": read, "split into sections": splitting,
             "NLP pass (cheap pass and the planned parse rounds)": nlp_pass, "rules": rules}
    # spaCy's own pieces, timed again on their own, on a fresh tokenizer cache
    fresh = spacy.tokenizer.Tokenizer(nlp.vocab).from_bytes(nlp.tokenizer.to_bytes())
    fresh.max_cache_size = nlp.tokenizer.max_cache_size
    texts = [r.text for r in recordings]
    docs, tokenizer = cpu(lambda: (prime_tokenizer(fresh, texts, set()), [fresh(t) for t in texts])[1])
    _, matching = cpu(lambda: [list(matchers.lower(d)) + list(matchers.orth(d)) for d in docs])
    candidates = [s.text for a in analyses for s in a.sentences if s.doc is not None]
    _, parse = cpu(lambda: list(nlp.pipe(candidates, batch_size=pipeline_config().batch_size)))
    pieces = {"tokenizer": tokenizer, "PhraseMatchers": matching, "parse of the sentences parsed": parse}
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
    ours, alone, theirs = [], [], []
    for _ in range(args.runs):
        ours.append(wall([str(EXE), "check", str(OUT), "--format", "json"]))
        theirs.append(wall([str(prose), "check", *map(str, files)]))
        alone.append(wall([str(EXE), "check", str(OUT), "--format", "json", "--jobs", "1"]))
    print(f"\n{len(files)} recordings, {words:,} words; median of {args.runs} cold runs each, alternating")
    for name, times in (("qa-checker check", ours), ("proselint 0.16 check", theirs),
                        ("qa-checker --jobs 1", alone)):
        median = statistics.median(times)
        print(f"  {name:<22} {median:7.2f} s  {words / median:9,.0f} words/s   (runs: {', '.join(f'{t:.2f}' for t in times)})")
    # the generated recording closest to the draft length asked for
    draft = min(files, key=lambda f: abs(len(f.read_text(encoding="utf-8").split()) - args.words))
    single = [wall([str(EXE), "check", str(draft)]) for _ in range(args.runs + 2)]
    print(f"  one {len(draft.read_text(encoding='utf-8').split())}-word draft, cold process: "
          f"median {statistics.median(single):.2f} s (runs: {', '.join(f'{t:.2f}' for t in single)})")
    stage, pieces, parsed, sentences = stages(files)
    total = sum(stage.values())
    print(f"\nWhere qa-checker's CPU time goes (in one process: {total:.2f} s; "
          f"{parsed} of {sentences} sentences parsed, {parsed / sentences:.0%}):")
    for name, seconds in stage.items():
        print(f"  {name:<36} {seconds:7.2f} s  {seconds / total:5.0%}")
    print("  of which spaCy:")
    for name, seconds in pieces.items():
        print(f"    {name:<34} {seconds:7.2f} s  {seconds / total:5.0%}")
    print(f"  share of the time in spaCy: {sum(pieces.values()) / total:.0%}")


if __name__ == "__main__":
    main()
