"""The command line: a thin typer layer over :mod:`qa_checker.api`."""

from __future__ import annotations

import os
import shutil
import sys
from enum import IntEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from qa_checker.reporters import OutputFormat

app = typer.Typer(
    name="qa-checker",
    help="Check supervised family time (contact) recordings before they are submitted.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2


def _version(value: bool) -> None:
    if value:
        from qa_checker import __version__

        typer.echo(f"qa-checker {__version__}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def main_options(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    """Check supervised family time (contact) recordings before they are submitted."""


def _use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Recordings (.docx, .txt, .md) or folders to search.")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.TEXT,
) -> None:
    """Check recordings and report what is missing or weak."""
    from qa_checker.api import check_paths
    from qa_checker.report import RunResult
    from qa_checker.reporters import render

    reports = check_paths(paths)
    result = RunResult.of(reports)
    width = min(100, shutil.get_terminal_size((100, 24)).columns)
    sys.stdout.write(render(result, output_format, color=_use_color(), width=width))
    if any(r.error for r in reports):
        raise typer.Exit(ExitCode.USAGE)
    if not all(r.passed for r in reports):
        raise typer.Exit(ExitCode.FINDINGS)


def main() -> None:
    app()
