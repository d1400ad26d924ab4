"""Which files a run checks: what to say when a run finds none."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def none_found(paths: Iterable[Path | str]) -> str:
    """The one line for a run that found no recording to check (exit code 2)."""
    where = ", ".join(str(p) for p in paths)
    return (f"no recordings found in {where}: qa-checker checks .docx, .txt and .md files (folders are searched "
            "recursively; READMEs, lock files and excluded files are left out)")
