"""The terminal report, written for the supervisor who wrote the recording.

Per file and section: the sentence with the flagged words picked out, what is wrong and what to
do; then one closing line saying how many things to fix before submitting. Plain text (flagged
words in [brackets]) unless ``color`` is set.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from qa_checker.report import Finding, Report, RunResult, Severity
from qa_checker.reporters.places import section_title as _section_title
from qa_checker.reporters.scaling import scaling_table
from qa_checker.wording import plural, things_to_fix

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_FLAGGED = "bold black on yellow"
_INDENT = 6
_AROUND = 70     # characters of a long sentence kept either side of the flagged words
_LONGEST = 160   # flagged words shown in full up to this length


def _print_wrapped(console: Console, text: Text, indent: int = _INDENT) -> None:
    """Print ``text`` word-wrapped to the console's width under a hanging indent, keeping its styles."""
    for line in text.wrap(console, max(30, console.width - indent)):
        line.rstrip()
        console.print(Text(" " * indent) + line, overflow="ignore", crop=False, soft_wrap=True)


def quoted(finding: Finding, color: bool) -> Text | None:
    """The finding's sentence in quotes, its flagged words highlighted (bracketed without colour)."""
    excerpt = finding.excerpt
    if excerpt is None or finding.start is None or finding.end is None:
        return None
    text = excerpt.text
    flagged_start, flagged_end = finding.highlight or (finding.start, finding.end)
    start = max(flagged_start - excerpt.start, 0)
    end = min(flagged_end - excerpt.start, len(text))
    continues = finding.end > excerpt.start + len(text)
    before, flagged, after = _shorten(text[:start], text[start:end], text[end:])
    whole = not before.strip() and not after.strip()
    quote = Text("“" + before)
    if whole or color:
        quote.append(flagged, style="" if whole else _FLAGGED)
    else:
        quote.append(f"[{flagged}]")
    quote.append(after + ("…" if continues and not (after or flagged).endswith("…") else "") + "”")
    return quote


def _shorten(before: str, flagged: str, after: str) -> tuple[str, str, str]:
    """Keep a long sentence readable: at most ``_AROUND`` characters each side, whole words."""
    before, flagged, after = (part.replace("\t", " ") for part in (before, flagged, after))
    if len(before) > _AROUND:
        before = "…" + before[-_AROUND:].split(" ", 1)[-1]
    if len(after) > _AROUND:
        after = after[:_AROUND].rsplit(" ", 1)[0].rstrip() + "…"
    if len(flagged) > _LONGEST:
        flagged = flagged[:_LONGEST].rsplit(" ", 1)[0].rstrip() + "…"
        after = ""
    return before, flagged, after


def _finding(console: Console, finding: Finding, color: bool) -> None:
    label = Text("    ")
    label.append(f"{finding.severity.value:<7}", style=_STYLE[finding.severity])
    label.append(f"  {finding.rule} ", style="bold")
    label.append(finding.name, style="dim")
    console.print(label)
    quote = quoted(finding, color)
    if quote is not None:
        _print_wrapped(console, quote)
    _print_wrapped(console, Text(finding.message))
    if finding.suggestion:
        _print_wrapped(console, Text("What to do: ", style="bold green") + Text(finding.suggestion, style="green"))


def _shown(report: Report, quiet: bool) -> list[Finding]:
    return [f for f in report.findings if not quiet or f.severity == Severity.ERROR]


def _report(console: Console, report: Report, quiet: bool, color: bool) -> None:
    console.print(Text(report.path, style="bold"))
    if report.error:
        reason = report.error.removeprefix(f"{report.path}: ")
        _print_wrapped(console, Text("cannot check: ", style="bold red") + Text(reason), indent=2)
        console.print()
        return
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    missing = any(row.score is None for row in report.scalings)
    if errors + warnings:
        status = _to_fix(errors, warnings, quiet)
    elif missing:  # its finding was accepted (a baseline, a Word comment) or its rule not run
        status = "nothing new to fix, but a scaling is missing (below): add it before submitting"
    else:
        status = "nothing to fix: ready to submit"
    console.print(Text(f"  {status}", style="red" if errors else "yellow" if missing else "green"))
    table = [] if quiet else scaling_table(report)
    if table:
        console.print()
    for line in table:
        console.print(line, overflow="ignore", crop=False, soft_wrap=True)
    current = object()
    for finding in _shown(report, quiet):
        if finding.section != current:
            current = finding.section
            console.print()
            console.print(Text(f"  {_section_title(current, report)}", style="underline"))
        _finding(console, finding, color)
    console.print()


def _to_fix(errors: int, warnings: int, quiet: bool, info: int = 0) -> str:
    """What to fix; with ``info``, how many info findings (suggestions, never required) there are too."""
    if not quiet:
        notes = f"; {plural(info, 'info finding')} to consider (optional)" if info else ""
        return things_to_fix(errors, warnings) + notes
    body = f"{plural(errors, 'error')} to fix before submitting" if errors else "no errors to fix"
    hidden = [plural(n, word) for n, word in ((warnings, "warning"), (info, "info finding")) if n]
    return body + (f" ({', '.join(hidden)} not shown)" if hidden else "")


def closing_lines(result: RunResult, quiet: bool = False) -> list[str]:
    """How many recordings were checked and, last, how many things to fix before submitting them."""
    summary = result.summary
    info = sum(r.count(Severity.INFO) for r in result.reports)  # not in the JSON summary: its v1 keys stay
    body = _to_fix(summary.errors, summary.warnings, quiet, info)
    unreadable = sum(1 for r in result.reports if r.error)
    if summary.files == 1:
        return ["1 recording could not be read."] if unreadable else [f"1 recording checked: {body}."]
    changes = summary.failed - unreadable  # a file that could not be read is not one that needs changes
    parts = [f"{summary.passed} passed"] + ([f"{changes} need{'s' if changes == 1 else ''} changes"] if changes else [])
    parts += [f"{unreadable} could not be read"] if unreadable else []
    return [f"{summary.files} recordings checked: {', '.join(parts)}.", body[0].upper() + body[1:] + "."]


def render_text(result: RunResult, *, color: bool = False, width: int = 80, quiet: bool = False) -> str:
    """Render for a terminal; with ``color`` False the output is plain text. ``quiet``: errors only."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, color_system="standard" if color else None,
        force_terminal=color, no_color=not color, highlight=False, emoji=False,
    )
    for report in result.reports:
        if quiet and not report.error and not report.count(Severity.ERROR):
            continue
        _report(console, report, quiet, color)
    for line in closing_lines(result, quiet):
        _print_wrapped(console, Text(line, style="bold"), indent=0)
    return buffer.getvalue()
