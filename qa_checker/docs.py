"""The README's generated parts: the rule table, from the rule registry, and the examples of real
output, from running their commands on a copy of ``samples/``.

``python -m qa_checker.docs README.md`` rewrites the table between the rules markers and each
example block between ``<!-- example: COMMAND -->`` and ``<!-- example:end -->`` (a command
written ``$ qa-checker ...`` is shown in the block before its output). A test fails when either
is stale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from qa_checker.registry import all_rules

START, END = "<!-- rules:start -->", "<!-- rules:end -->"
EXAMPLE = re.compile(r"^(?P<indent>[ ]*)<!-- example: (?P<command>[^\n]+?) -->\n.*?^(?P=indent)<!-- example:end -->",
                     re.MULTILINE | re.DOTALL)
PROGRAM = "qa-checker "


def rule_table() -> str:
    lines = ["| id | name | severity | what it finds |", "|---|---|---|---|"]
    lines += [f"| {r.code} | {r.name} | {r.severity.value} | {r.summary} |" for r in all_rules()]
    return "\n".join(lines)


def with_table(text: str) -> str:
    block = f"{START}\n{rule_table()}\n{END}"
    return re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: block, text, flags=re.DOTALL)


def example_output(command: str, root: Path) -> str:
    """What ``command`` (``qa-checker ARGS``) prints, plain at 80 columns, run in a fresh copy
    of ``root``'s samples/ (so that nothing is written beside the real samples)."""
    import os
    import shlex
    import shutil
    import subprocess
    import tempfile

    args = shlex.split(command.removeprefix("$ ").removeprefix(PROGRAM))
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80"}
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(root / "samples", Path(folder) / "samples", ignore=shutil.ignore_patterns("_build"))
        result = subprocess.run([sys.executable, "-m", "qa_checker", *args], cwd=folder, env=env,
                                capture_output=True, text=True, encoding="utf-8", timeout=300)
    return result.stdout


def with_examples(text: str, root: Path) -> str:
    """``text`` with each example block holding its command's output now."""

    def block(match: re.Match[str]) -> str:
        indent, command = match.group("indent"), match.group("command")
        shown = ([command] if command.startswith("$ ") else []) + example_output(command, root).splitlines()
        body = "".join(f"{indent}{line}".rstrip() + "\n" for line in shown)
        return f"{indent}<!-- example: {command} -->\n{indent}```\n{body}{indent}```\n{indent}<!-- example:end -->"

    return EXAMPLE.sub(block, text)


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    path.write_text(with_examples(with_table(path.read_text(encoding="utf-8")), path.resolve().parent),
                    encoding="utf-8")
