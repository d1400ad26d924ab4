"""The README's rule table, generated from the rule registry.

``python -m qa_checker.docs README.md`` rewrites the table between the rules markers.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from qa_checker.registry import all_rules

START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def rule_table() -> str:
    lines = ["| id | name | severity | what it finds |", "|---|---|---|---|"]
    lines += [f"| {r.code} | {r.name} | {r.severity.value} | {r.summary} |" for r in all_rules()]
    return "\n".join(lines)


def with_table(text: str) -> str:
    block = f"{START}\n{rule_table()}\n{END}"
    return re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: block, text, flags=re.DOTALL)


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    path.write_text(with_table(path.read_text(encoding="utf-8")), encoding="utf-8")
