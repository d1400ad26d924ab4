"""Run the command line in this process, so that the spaCy pipeline loads once per test session
(a fresh process per command costs seconds each). Tests that need a fresh process (a hash seed,
``--version`` without spaCy) use a subprocess instead."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from qa_checker.cli import app


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path | str | None = None) -> Ran:
    """``qa-checker ARGS`` as a user would run it in ``cwd``, plain text at 80 columns."""
    before = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "80"}, catch_exceptions=False)
    finally:
        os.chdir(before)
    return Ran(result.exit_code, result.stdout, result.stderr)
