"""The command line: a thin typer layer over :mod:`qa_checker.api`.

Each command lives in its own module under ``qa_checker/commands`` and registers itself on
``app``; this module only assembles them.
"""

from __future__ import annotations

import os
import sys

from qa_checker import speedups
from qa_checker.commands import annotate as _annotate  # noqa: F401  (registers the command)
from qa_checker.commands import app
from qa_checker.commands import check as _check  # noqa: F401  (registers the command)
from qa_checker.commands import review as _review  # noqa: F401  (registers the command)
from qa_checker.commands import rules as _rules  # noqa: F401  (registers rules and explain)
from qa_checker.commands import serve as _serve  # noqa: F401  (registers the command)


def main() -> None:
    # The parser multiplies small matrices; OpenBLAS's threads only fight over the cores for
    # them (a check of the samples took 3.7 s with them, 2.3 s with one, on a 2-core machine).
    # Set before numpy is first imported; review's worker processes inherit it. A user's own
    # setting wins.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # The command owns its process: let qa-checker change it to run faster (qa_checker/speedups.py).
    speedups.enable()
    # A terminal that cannot show a character gets a stand-in, not a crash after the checking.
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        app()
    except Exception as exc:  # noqa: BLE001 - the last resort: one line and exit 2, never exit 1 (findings)
        from qa_checker.commands import ExitCode
        from qa_checker.terminal import printable

        reason = (str(exc).splitlines() or [""])[0][:200]
        detail = f"{type(exc).__name__}: {reason}" if reason else type(exc).__name__
        sys.stderr.write(printable(f"qa-checker: an unexpected error stopped the run ({detail}); "
                                   "please report it to the qa-checker team") + "\n")
        sys.exit(ExitCode.USAGE)


__all__ = ["app", "main"]
