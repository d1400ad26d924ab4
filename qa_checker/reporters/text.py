"""The terminal report: findings grouped by file and section, then a one-line summary."""

from __future__ import annotations

import io
import textwrap

from rich.console import Console
from rich.text import Text

from qa_checker.report import Report, RunResult, Severity
from qa_checker.template import load_template

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_EXCERPT = 90


def _section_title(name: str | None) -> str:
    if not name:
        return "Whole recording"
    try:
        return load_template().section(name).title
    except StopIteration:
        return name


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"


def _wrapped(console: Console, text: str, width: int, style: str = "", indent: int = 6) -> None:
    """Print ``text`` wrapped to the width with a hanging indent (no trailing spaces)."""
    for line in textwrap.wrap(text, width=max(30, width - indent)) or [""]:
        console.print(Text(" " * indent + line, style=style), overflow="ignore", crop=False)


def _report(console: Console, report: Report) -> None:
    console.print(Text(report.path, style="bold"))
    if report.error:
        reason = report.error.removeprefix(f"{report.path}: ")
        console.print(Text("  cannot check: ", style="bold red") + Text(reason))
        console.print()
        return
    if not report.findings:
        console.print(Text("  no problems found", style="green"))
        console.print()
        return
    current = object()
    for finding in report.findings:
        if finding.section != current:
            current = finding.section
            console.print(Text(f"  {_section_title(current)}", style="underline"))
        label = Text(f"    {finding.severity.value:<7} ", style=_STYLE[finding.severity])
        label.append(f"{finding.rule} ", style="bold")
        label.append(finding.name, style="dim")
        console.print(label)
        _wrapped(console, finding.message, console.width)
        if finding.suggestion:
            _wrapped(console, f"Try: {finding.suggestion}", console.width, style="green")
        if finding.text and finding.start is not None:
            _wrapped(console, f"\"{_excerpt(finding.text)}\"", console.width, style="italic dim")
    console.print()


def render_text(result: RunResult, *, color: bool = False, width: int = 100) -> str:
    """Render for a terminal; with ``color`` False the output is plain text."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, color_system="standard" if color else None,
        force_terminal=color, no_color=not color, highlight=False, emoji=False,
    )
    for report in result.reports:
        _report(console, report)
    summary = result.summary
    unreadable = sum(1 for r in result.reports if r.error)
    line = (
        f"{summary.files} recording{'s' if summary.files != 1 else ''} checked: "
        f"{summary.passed} passed, {summary.failed} need{'s' if summary.failed == 1 else ''} changes; "
        f"{summary.errors} error{'s' if summary.errors != 1 else ''}, "
        f"{summary.warnings} warning{'s' if summary.warnings != 1 else ''}"
    )
    if unreadable:
        line += f"; {unreadable} could not be read"
    console.print(Text(line, style="bold"))
    return buffer.getvalue()

