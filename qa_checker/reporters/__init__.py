"""Reporters turn a :class:`~qa_checker.report.RunResult` into text for a person or a program."""

from __future__ import annotations

from enum import Enum


class OutputFormat(str, Enum):
    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    JUNIT = "junit"
    GITHUB = "github"


def render(
    result, fmt: OutputFormat, *, color: bool = False, width: int = 100, quiet: bool = False,
    show_suppressed: bool = False, show_text: bool = False,
) -> str:
    """``quiet`` shows errors only in the text report (the JSON contract always lists every finding);
    ``show_suppressed`` lists findings accepted on purpose (text and SARIF); ``show_text`` lets the
    CI formats (SARIF, JUnit, GitHub) carry messages and names, which they leave out by default.

    What the recordings and their file names hold never acts on a terminal: the JSON formats
    escape control and bidirectional characters (the values stay the same), the others show a
    visible stand-in for each; a file name that is not valid UTF-8 has U+FFFD for its stray bytes.
    """
    from qa_checker.terminal import cleaned, for_terminal, has_surrogates, json_escaped, valid_unicode

    if fmt in (OutputFormat.JSON, OutputFormat.SARIF):
        # Only a file name that is not valid UTF-8 holds lone surrogates, and JSON cannot carry
        # them: rendered as it is first (pydantic refuses them), cleaned only when it must be.
        try:
            text = _render(result, fmt, show_suppressed=show_suppressed, show_text=show_text)
        except ValueError:
            text = None
        if text is None or has_surrogates(text):
            text = _render(cleaned(result, valid_unicode), fmt, show_suppressed=show_suppressed, show_text=show_text)
        return json_escaped(text)
    return _render(for_terminal(result), fmt, color=color, width=width, quiet=quiet, show_suppressed=show_suppressed,
                   show_text=show_text)


def _render(
    result, fmt: OutputFormat, *, color: bool = False, width: int = 100, quiet: bool = False,
    show_suppressed: bool = False, show_text: bool = False,
) -> str:
    if fmt is OutputFormat.JSON:
        from qa_checker.reporters.json import render_json

        return render_json(result)
    if fmt is OutputFormat.SARIF:
        from qa_checker.reporters.sarif import render_sarif

        return render_sarif(result, show_suppressed=show_suppressed, show_text=show_text)
    if fmt is OutputFormat.JUNIT:
        from qa_checker.reporters.junit import render_junit

        return render_junit(result, show_text=show_text)
    if fmt is OutputFormat.GITHUB:
        from qa_checker.reporters.github import render_github

        return render_github(result, show_text=show_text)
    from qa_checker.reporters.suppressed import render_suppressed
    from qa_checker.reporters.text import render_text

    return render_text(result, color=color, width=width, quiet=quiet) + render_suppressed(result, show=show_suppressed)
