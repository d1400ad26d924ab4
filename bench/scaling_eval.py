"""Print how many scores, reasons and next steps the scaling parser finds on the labelled items,
and what the parser costs per recording (warm, in one process, beside the NLP pass it reuses).

Usage: .venv/bin/python bench/scaling_eval.py [dev|held_out|all] [--mistakes] [--time]
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import scaling_eval  # noqa: E402


def timings(items: list[dict], runs: int = 5) -> None:
    from qa_checker.nlp.analysis import analyse_many
    from qa_checker.nlp.pipeline import text_parsers
    from qa_checker.readers.text import parse_text
    from qa_checker.scaling import parse_scaling
    from qa_checker.splitter import split
    from qa_checker.template import load_template

    template = load_template()
    recordings = [split(parse_text(*scaling_eval.recording_text(i)[:1], i["id"], markdown=scaling_eval.recording_text(i)[1]),
                        template) for i in items]
    analyses = analyse_many(recordings)
    parsers = text_parsers()
    parse_scaling(recordings[0], analyses[0], parsers)  # load the pipeline and the cues first
    nlp_pass, parser = [], []
    for _ in range(runs):
        start = time.perf_counter()
        analyses = analyse_many(recordings)
        middle = time.perf_counter()
        for recording, analysis in zip(recordings, analyses):
            parse_scaling(recording, analysis, parsers)
        nlp_pass.append((middle - start) / len(items))
        parser.append((time.perf_counter() - middle) / len(items))
    print(f"per recording, median of {runs}: NLP pass {statistics.median(nlp_pass) * 1000:.1f} ms, "
          f"scaling parser {statistics.median(parser) * 1000:.1f} ms")


split = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "dev"
items = scaling_eval.load(None if split == "all" else split)
scores = scaling_eval.score(items)
print(f"{len(items)} items, {scores.entries} labelled scalings ({split})")
print(scaling_eval.table(scores))
if "--mistakes" in sys.argv:
    for mistake in scores.mistakes:
        print(*mistake)
if "--time" in sys.argv:
    timings(items)
