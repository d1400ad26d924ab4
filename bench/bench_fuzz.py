"""The long fuzz run: 5,000 mutated Word files and random text files through the reader and the
whole check (tests/fuzz_cases.py makes them; tests/test_fuzz.py runs a few hundred on every test run).

`.venv/bin/python bench/bench_fuzz.py [--docx 3500] [--text 1500] [--seed 16]`: prints how many
cases were read and checked, how many were refused with one line, and every crash (an exception
out of the reader other than its one-line InputError, a message that is not one line naming the
file, or an exception out of the check). A measurement: it exits 0 whatever it finds.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import GOOD_SPEC, build  # noqa: E402
from fuzz_cases import docx_mutations, mutate_docx, text_cases  # noqa: E402
from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from qa_checker.api import check_document  # noqa: E402
from qa_checker.readers import InputError, read_document  # noqa: E402

outcomes: collections.Counter = collections.Counter()
crashes: list[str] = []


def one(path: Path, case: object) -> None:
    try:
        document = read_document(path)
    except InputError as exc:
        message = str(exc)
        if not message.startswith(f"{path}: ") or "\n" in message or "could not read this file" in message:
            crashes.append(f"{case!r}\n  {message}")
            outcomes["crash"] += 1
        else:
            # the kind of refusal, without the file name and the values
            outcomes["refused: " + re.sub(r"'.*?'|\(.*\)|\d[\d,]*", "…", message.removeprefix(f"{path}: "))[:70]] += 1
        return
    except Exception:  # noqa: BLE001 - what the run is looking for
        crashes.append(f"{case!r}\n{traceback.format_exc()}")
        outcomes["crash"] += 1
        return
    try:
        check_document(document)
    except Exception:  # noqa: BLE001
        crashes.append(f"{case!r}\n{traceback.format_exc()}")
        outcomes["crash"] += 1
        return
    outcomes["read and checked"] += 1


def run(docx_cases: int, text_cases_count: int, run_seed: int) -> None:
    common = dict(deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        import docx

        good = build(GOOD_SPEC, "docx", tmp, "good")
        document = docx.Document(str(good))
        paragraph = next(p for p in document.paragraphs if "Sarah arrived" in p.text)
        document.add_comment(paragraph.runs[0], text="Good start", author="Team leader")
        document.save(str(good))
        lines = build(GOOD_SPEC, "text", tmp, "good").read_text(encoding="utf-8").splitlines()

        @seed(run_seed)
        @settings(max_examples=docx_cases, **common)
        @given(mutations=docx_mutations())
        def word(mutations):
            one(mutate_docx(good, tmp / "fuzzed.docx", mutations), mutations)

        @seed(run_seed)
        @settings(max_examples=text_cases_count, **common)
        @given(data=text_cases(lines))
        def text(data):
            path = tmp / "fuzzed.md"
            path.write_bytes(data)
            one(path, data)

        word()
        text()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docx", type=int, default=3500)
    parser.add_argument("--text", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    start = time.perf_counter()
    run(args.docx, args.text, args.seed)
    total = sum(outcomes.values())
    print(f"{total} cases ({args.docx} Word, {args.text} text; seed {args.seed}) in {time.perf_counter() - start:.0f} s")
    for outcome, count in outcomes.most_common():
        print(f"{count:>6}  {outcome}")
    print(f"crashes: {len(crashes)}")
    for crash in crashes[:20]:
        print(crash)


if __name__ == "__main__":
    main()
