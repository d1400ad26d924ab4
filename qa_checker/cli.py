"""The command line: a thin typer layer over :mod:`qa_checker.api`.

Each command lives in its own module under ``qa_checker/commands`` and registers itself on
``app``; this module only assembles them.
"""

from __future__ import annotations

from qa_checker.commands import app
from qa_checker.commands import annotate as _annotate  # noqa: F401  (registers the command)
from qa_checker.commands import check as _check  # noqa: F401  (registers the command)
from qa_checker.commands import review as _review  # noqa: F401  (registers the command)
from qa_checker.commands import rules as _rules  # noqa: F401  (registers rules and explain)


def main() -> None:
    app()


__all__ = ["app", "main"]
