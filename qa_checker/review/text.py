"""The review for a terminal: a few lines of totals, then the four tables."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from qa_checker.review.selection import DateSource, show_date
from qa_checker.review.summary import RecordingRow, ReviewSummary, RuleRow, SupervisorRow, Verdict

_VERDICT_STYLE = {Verdict.UNREADABLE: "bold magenta", Verdict.CHANGES: "bold red", Verdict.PASSED: "green"}
_SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}


def section_title(name: str | None, titles: dict[str, str] | None = None) -> str:
    """The title of a section name ("basic_needs" -> "Basic Needs") in the template the
    recording was checked with (``titles``, from its report)."""
    if not name:
        return "Whole recording"
    return (titles or {}).get(name) or name.replace("_", " ").capitalize()


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def headline(summary: ReviewSummary) -> list[str]:
    """The opening lines, shared by every output."""
    total = len(summary.recordings)
    lines = [
        f"Review of {plural(total, 'recording')} {summary.description}: "
        f"{summary.count(Verdict.PASSED)} passed, {summary.count(Verdict.CHANGES)} "
        f"need{'s' if summary.count(Verdict.CHANGES) == 1 else ''} changes, "
        f"{summary.count(Verdict.UNREADABLE)} could not be read."
    ]
    if summary.modified_dates:
        lines.append(
            f"{plural(summary.modified_dates, 'recording')} had no readable Date of Contact: "
            "the file's modification date was used (marked *)."
        )
    if summary.previous_created:
        lines.append(f"Changes are since the review of {show_date(summary.previous_created.date())} "
                     f"(recordings {summary.previous_description}).")
    reused = sum(1 for r in summary.recordings if r.reused)
    if reused:
        lines.append(f"{plural(reused, 'result')} taken from the history (the file is unchanged since it was "
                     "checked); --recheck checks them again.")
    if summary.redacted:
        lines.append("Names are shown as initials.")
    return lines


def shown_date(row_date, source: DateSource) -> str:
    """The date, with a star when it is the file's modification date."""
    return show_date(row_date) + ("*" if source == DateSource.MODIFIED else "")


def signed(value: int | float | None, suffix: str = "") -> str:
    """"+3", "-2", "0" (or "" without an earlier value)."""
    if value is None:
        return ""
    if isinstance(value, float):
        value = round(value)
    return f"{value:+d}{suffix}" if value else f"0{suffix}"


def top_issue(row: RecordingRow) -> str:
    if row.error:
        return "cannot read: " + row.error.removeprefix(f"{row.path}: ")
    return row.top_issue or ""


_NUMERIC = {"Errors", "Warnings", "Findings", "Recordings", "Passed", "Pass rate", "Change", "Last review"}


def _table(title: str, *columns: str, expand: bool = False) -> Table:
    return Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                 show_edge=False, pad_edge=False, expand=expand, padding=(0, 1, 0, 0))


def _column(table: Table, name: str, ratio: int | None = None, width: int | None = None) -> None:
    """A column; with ``width`` it never wraps, with ``ratio`` it shares the space left."""
    table.add_column(name, justify="right" if name in _NUMERIC else "left", overflow="fold",
                     ratio=ratio, width=width, no_wrap=width is not None)


def _simple(title: str, *columns: str) -> Table:
    table = _table(title)
    for name in columns:
        _column(table, name)
    return table


# The recordings table shares the terminal's width: names wrap, dates and counts never do.
_RECORDING_COLUMNS = [("File", None, None), ("Children", None, None), ("Date", None, 12), ("Supervisor", None, None),
                      ("Errors", None, 6), ("Warnings", None, 8), ("Top issue", None, None), ("Verdict", None, 13)]


def children_label(names: list[str]) -> str:
    """"Leo, Mia Foster" for brothers and sisters who share a surname; otherwise every full name."""
    parts = [n.split() for n in names]
    if len(parts) > 1 and all(len(p) > 1 for p in parts) and len({p[-1] for p in parts}) == 1:
        return ", ".join(" ".join(p[:-1]) for p in parts) + " " + parts[0][-1]
    return ", ".join(names)


def recordings_table(summary: ReviewSummary) -> Table:
    table = _table("Recordings, worst first")
    for name, ratio, width in _RECORDING_COLUMNS:
        _column(table, name, ratio, width)
    for row in summary.recordings:
        readable = row.verdict != Verdict.UNREADABLE
        table.add_row(
            row.path, children_label(row.children), shown_date(row.date, row.date_source), row.supervisor or "",
            str(row.errors) if readable else "", str(row.warnings) if readable else "",
            row.top_issue or "" if readable else "cannot read (below)",
            Text(row.verdict.value, style=_VERDICT_STYLE[row.verdict]),
        )
    return table


def change_of_rule(row: RuleRow) -> str:
    return signed(row.findings - row.previous) if row.previous is not None else ""


def rules_table(summary: ReviewSummary) -> Table:
    table = _simple("Most frequent rules", "Rule", "Name", "Severity", "Findings", "Recordings", "Last review", "Change")
    for row in summary.rules:
        table.add_row(row.code, row.name, Text(row.severity.value, style=_SEVERITY_STYLE[row.severity.value]),
                      str(row.findings), str(row.recordings),
                      "" if row.previous is None else str(row.previous), change_of_rule(row))
    return table


def percent(rate: float | None) -> str:
    return "" if rate is None else f"{round(rate * 100)}%"


def change_of_rate(row: SupervisorRow) -> str:
    if row.previous_rate is None:
        return ""
    return signed(round(row.pass_rate * 100) - round(row.previous_rate * 100), " pts")


def supervisors_table(summary: ReviewSummary) -> Table:
    table = _simple("Supervisors", "Supervisor", "Recordings", "Passed", "Pass rate", "Last review", "Change",
                   "Most frequent rule")
    for row in summary.supervisors:
        table.add_row(row.name, str(row.recordings), str(row.passed), percent(row.pass_rate),
                      percent(row.previous_rate), change_of_rate(row), row.top_rule or "")
    return table


def score(value: float | None) -> str:
    if value is None:
        return "none"
    return f"{value:g}/10"


def yes_no(value: bool, score: float | None) -> str:
    """Whether a scaling gives a reason (or next step); blank when there is no scaling."""
    return "" if score is None else "yes" if value else "no"


def children_table(summary: ReviewSummary) -> Table:
    table = _simple("Scalings by child, in date order", "Child", "Date", "Child's scaling", "Overall",
                   "Reason", "Next step", "File")
    for child in summary.children:
        for index, point in enumerate(child.points):
            table.add_row(
                child.name if index == 0 else "",
                show_date(point.date) + (" (earlier review)" if point.earlier else ""),
                score(point.score), score(point.overall),
                yes_no(point.has_reason, point.score), yes_no(point.has_next_step, point.score), point.path,
            )
    return table


def render_review(summary: ReviewSummary, *, color: bool = False, width: int = 120) -> str:
    """The review as terminal text; plain (no escape codes) unless ``color``."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system="standard" if color else None,
                      force_terminal=color, no_color=not color, highlight=False, emoji=False)
    for line in headline(summary):
        console.print(Text(line))
    console.print()
    console.print(recordings_table(summary))
    unreadable = [r for r in summary.recordings if r.verdict == Verdict.UNREADABLE]
    if unreadable:
        console.print()
        console.print(Text("Could not be read (ask for a readable copy):", style="bold"))
        for row in unreadable:
            console.print(Padding(Text(row.error or ""), (0, 0, 0, 2)))
    parts: list[Table | Text] = []
    if summary.rules:
        parts.append(rules_table(summary))
    if summary.supervisors:
        parts.append(supervisors_table(summary))
    if any(p.score is not None or p.overall is not None for c in summary.children for p in c.points):
        parts.append(children_table(summary))
    elif summary.children:
        parts.append(Text("Scalings by child: no recording here gives a 0-10 scaling yet.", style="bold"))
    for part in parts:
        console.print()
        console.print(part)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
