"""Reporters turn a :class:`~qa_checker.report.RunResult` into text for a person or a program."""

from __future__ import annotations

from enum import Enum


class OutputFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


def render(result, fmt: OutputFormat, *, color: bool = False, width: int = 100, quiet: bool = False) -> str:
    """``quiet`` shows errors only in the text report (the JSON contract always lists every finding)."""
    if fmt is OutputFormat.JSON:
        from qa_checker.reporters.json import render_json

        return render_json(result)
    from qa_checker.reporters.text import render_text

    return render_text(result, color=color, width=width, quiet=quiet)
