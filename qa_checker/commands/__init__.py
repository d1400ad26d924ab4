"""The typer application and what every command shares (exit codes, colour)."""

from __future__ import annotations

import os
import sys
from enum import IntEnum
from typing import Annotated

import typer

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


def say(message: str, *, err: bool = False) -> None:
    """One line to the user; a file name or recording text in it cannot act on the terminal."""
    from qa_checker.terminal import printable

    typer.echo(printable(message), err=err)


def use_color() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _version(value: bool) -> None:
    if value:
        from qa_checker.about import version_lines

        typer.echo("\n".join(version_lines()))
        raise typer.Exit(ExitCode.OK)


@app.callback()
def main_options(
    version: Annotated[
        bool | None, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    """Check supervised family time (contact) recordings before they are submitted."""
