"""``qa-checker check PATH...``: check recordings and report what is missing or weak."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer

from qa_checker.commands import ExitCode, app, use_color
from qa_checker.reporters import OutputFormat


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Recordings (.docx, .txt, .md) or folders to search.")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.TEXT,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Show errors only (warnings are still counted).")] = False,
) -> None:
    """Check recordings and report what is missing or weak."""
    from qa_checker.api import check_paths
    from qa_checker.report import RunResult
    from qa_checker.reporters import render

    reports = check_paths(paths)
    result = RunResult.of(reports)
    # 80 columns when the output is not a terminal (a file, a pipe, an e-mail).
    width = min(100, shutil.get_terminal_size((80, 24)).columns)
    sys.stdout.write(render(result, output_format, color=use_color(), width=width, quiet=quiet))
    if any(r.error for r in reports):
        raise typer.Exit(ExitCode.USAGE)
    if not all(r.passed for r in reports):
        raise typer.Exit(ExitCode.FINDINGS)
