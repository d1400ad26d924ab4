"""Print precision/recall of the phrasing rules on the labelled sentences.

Usage: .venv/bin/python bench/phrasing_eval.py [dev|held_out|all] [--mistakes]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import phrasing_eval  # noqa: E402

split = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "dev"
items = phrasing_eval.load(None if split == "all" else split)
scores = phrasing_eval.score(items)
print(f"{len(items)} sentences ({split})")
print(phrasing_eval.table(scores))
if "--mistakes" in sys.argv:
    for kind, rule, item in sorted(scores.mistakes, key=lambda m: (m[1], m[0])):
        print(f"{kind} {rule} [{item['section']}] {item['text']}" + (f"  || next: {item['next']}" if item.get("next") else ""))
