"""Print how many scores, reasons and next steps the scaling parser finds on the labelled items.

Usage: .venv/bin/python bench/scaling_eval.py [dev|held_out|all] [--mistakes]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import scaling_eval  # noqa: E402

split = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "dev"
items = scaling_eval.load(None if split == "all" else split)
scores = scaling_eval.score(items)
print(f"{len(items)} items, {scores.entries} labelled scalings ({split})")
print(scaling_eval.table(scores))
if "--mistakes" in sys.argv:
    for mistake in scores.mistakes:
        print(*mistake)
