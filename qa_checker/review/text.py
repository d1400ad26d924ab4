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
_NO_WRAP = {"Date", "Verdict"}  # cells shown whole on one line: dates, verdicts
_PATHS = {"File"}
_PATH_WIDTH = 30  # a longer path is shortened when the table does not fit: "…/contact-recording-amel….docx"

Cell = str | Text


def short_path(path: str, width: int = _PATH_WIDTH) -> str:
    """``path`` in at most ``width`` characters: its file name after "…/", the name's middle cut."""
    if len(path) <= width:
        return path
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    shown = "…/" + name if name != path else name
    if len(shown) <= width:
        return shown
    stem, dot, suffix = name.rpartition(".")
    suffix = dot + suffix if stem and len(suffix) < 8 else ""
    keep = width - len(shown) + len(name) - len(suffix) - 1
    return shown[:len(shown) - len(name)] + name[:max(keep, 1)] + "…" + suffix


def _plain(cell: Cell) -> str:
    return cell.plain if isinstance(cell, Text) else cell


def _widths(cell: Cell, whole: bool) -> tuple[int, int]:
    """(narrowest, widest) the cell can be shown: its longest word (or line, when ``whole``) and its longest line."""
    lines = _plain(cell).splitlines() or [""]
    widest = max(len(line) for line in lines)
    if whole:
        return widest, widest
    return max((len(word) for line in lines for word in line.split()), default=0), widest


def _stacked(top: Cell, bottom: Cell) -> Cell:
    if not _plain(bottom):
        return top
    if not _plain(top):
        return bottom
    return Text.assemble(top, "\n", bottom)


class _Columns:
    """A table's columns and rows as cells, before they are fitted to a width, with each column's
    (narrowest, widest) width."""

    def __init__(self, names: list[str], rows: list[list[Cell]], ranges: list[tuple[int, int]] | None = None):
        self.names = names
        self.rows = rows
        self.ranges = ranges or [self._range(i) for i in range(len(names))]

    def _range(self, index: int) -> tuple[int, int]:
        whole = self.names[index] in _NO_WRAP
        cells = [_widths(self.names[index], False)] + [_widths(row[index], whole) for row in self.rows]
        return max(c[0] for c in cells), max(c[1] for c in cells)

    def shortened(self) -> _Columns:
        paths = [i for i, name in enumerate(self.names) if name in _PATHS]
        rows = [[short_path(_plain(c)) if i in paths else c for i, c in enumerate(row)] for row in self.rows]
        return _Columns(self.names, rows)

    def folded(self, top: str, bottom: str) -> _Columns:
        """``bottom``'s cells under ``top``'s, in one column (each keeping what it needs whole)."""
        if top not in self.names or bottom not in self.names:
            return self
        i, j = self.names.index(top), self.names.index(bottom)
        merged = (max(self.ranges[i][0], self.ranges[j][0]), max(self.ranges[i][1], self.ranges[j][1]))
        names = [f"{top}\n{bottom}" if k == i else n for k, n in enumerate(self.names) if k != j]
        rows = [[_stacked(row[i], row[j]) if k == i else c for k, c in enumerate(row) if k != j] for row in self.rows]
        ranges = [merged if k == i else r for k, r in enumerate(self.ranges) if k != j]
        return _Columns(names, rows, ranges)


def _fit(ranges: list[tuple[int, int]], width: int) -> list[int] | None:
    """Column widths within ``width`` (two spaces between columns: a rule and a padding) that break
    no word, or None."""
    space = width - 2 * (len(ranges) - 1)
    if sum(low for low, _ in ranges) > space:
        return None
    widths = [high for _, high in ranges]
    while sum(widths) > space:  # narrow the column furthest above its narrowest first
        k = max(range(len(widths)), key=lambda n: widths[n] - ranges[n][0])
        widths[k] -= 1
    return widths


def _comfortable(ranges: list[tuple[int, int]], width: int) -> bool:
    space = width - 2 * (len(ranges) - 1)
    narrowest, widest = sum(low for low, _ in ranges), sum(high for _, high in ranges)
    return space - narrowest >= (widest - narrowest) / 2


def _table(title: str, names: list[str], rows: list[list[Cell]], width: int,
           folds: tuple[tuple[str, str], ...] = ()) -> Table:
    """A table that fits ``width`` with every word whole: as it is when it fits, else with long
    paths shortened, else with pairs of columns (``folds``, in order) stacked in one column."""
    columns = _Columns(names, rows)
    tries = [columns, columns := columns.shortened()]
    for top, bottom in folds:
        tries.append(columns := columns.folded(top, bottom))
    # the first layout with room for at least half of what its cells would like beyond their
    # longest words (else the first that fits at all): a few stacked columns read better than
    # every name broken over four lines
    fitting = [c for c in tries if _fit(c.ranges, width) is not None]
    comfortable = [c for c in fitting if _comfortable(c.ranges, width)]
    columns = (comfortable or fitting or tries[-1:])[0]
    widths = _fit(columns.ranges, width)
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                  show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
    for index, name in enumerate(columns.names):
        numeric = name.split("\n")[0] in _NUMERIC
        # when nothing fits (a very narrow terminal), rich shares the width out as it can
        table.add_column(name, justify="right" if numeric else "left", overflow="fold",
                         width=widths[index] if widths else None)
    for row in columns.rows:
        table.add_row(*row)
    return table


# The recordings table: when it does not fit, these pairs of columns are stacked, in this order.
_RECORDING_FOLDS = (("Errors", "Warnings"), ("Date", "Supervisor"), ("Top issue", "Verdict"), ("File", "Children"))


def children_label(names: list[str]) -> str:
    """"Leo, Mia Foster" for brothers and sisters who share a surname; otherwise every full name."""
    parts = [n.split() for n in names]
    if len(parts) > 1 and all(len(p) > 1 for p in parts) and len({p[-1] for p in parts}) == 1:
        return ", ".join(" ".join(p[:-1]) for p in parts) + " " + parts[0][-1]
    return ", ".join(names)


def recordings_table(summary: ReviewSummary, width: int = 120) -> Table:
    rows: list[list[Cell]] = []
    for row in summary.recordings:
        readable = row.verdict != Verdict.UNREADABLE
        rows.append([
            row.path, children_label(row.children), shown_date(row.date, row.date_source), row.supervisor or "",
            str(row.errors) if readable else "", str(row.warnings) if readable else "",
            row.top_issue or "" if readable else "cannot read (below)",
            Text(row.verdict.value, style=_VERDICT_STYLE[row.verdict]),
        ])
    names = ["File", "Children", "Date", "Supervisor", "Errors", "Warnings", "Top issue", "Verdict"]
    return _table("Recordings, worst first", names, rows, width, _RECORDING_FOLDS)


def change_of_rule(row: RuleRow) -> str:
    return signed(row.findings - row.previous) if row.previous is not None else ""


def rules_table(summary: ReviewSummary, width: int = 120) -> Table:
    rows: list[list[Cell]] = [
        [row.code, row.name, Text(row.severity.value, style=_SEVERITY_STYLE[row.severity.value]),
         str(row.findings), str(row.recordings), "" if row.previous is None else str(row.previous), change_of_rule(row)]
        for row in summary.rules]
    names = ["Rule", "Name", "Severity", "Findings", "Recordings", "Last review", "Change"]
    return _table("Most frequent rules", names, rows, width, (("Findings", "Recordings"), ("Last review", "Change")))


def percent(rate: float | None) -> str:
    return "" if rate is None else f"{round(rate * 100)}%"


def change_of_rate(row: SupervisorRow) -> str:
    if row.previous_rate is None:
        return ""
    return signed(round(row.pass_rate * 100) - round(row.previous_rate * 100), " pts")


def supervisors_table(summary: ReviewSummary, width: int = 120) -> Table:
    rows: list[list[Cell]] = [
        [row.name, str(row.recordings), str(row.passed), percent(row.pass_rate), percent(row.previous_rate),
         change_of_rate(row), row.top_rule or ""]
        for row in summary.supervisors]
    names = ["Supervisor", "Recordings", "Passed", "Pass rate", "Last review", "Change", "Most frequent rule"]
    return _table("Supervisors", names, rows, width, (("Recordings", "Passed"), ("Last review", "Change")))


def score(value: float | None) -> str:
    if value is None:
        return "none"
    return f"{value:g}/10"


def yes_no(value: bool, score: float | None) -> str:
    """Whether a scaling gives a reason (or next step); blank when there is no scaling."""
    return "" if score is None else "yes" if value else "no"


def children_table(summary: ReviewSummary, width: int = 120) -> Table:
    rows: list[list[Cell]] = []
    for child in summary.children:
        for index, point in enumerate(child.points):
            rows.append([
                child.name if index == 0 else "",
                show_date(point.date) + (" (earlier review)" if point.earlier else ""),
                score(point.score), score(point.overall),
                yes_no(point.has_reason, point.score), yes_no(point.has_next_step, point.score), point.path,
            ])
    names = ["Child", "Date", "Child's scaling", "Overall", "Reason", "Next step", "File"]
    return _table("Scalings by child, in date order", names, rows, width,
                  (("Reason", "Next step"), ("Child's scaling", "Overall")))


def render_review(summary: ReviewSummary, *, color: bool = False, width: int = 120) -> str:
    """The review as terminal text; plain (no escape codes) unless ``color``."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system="standard" if color else None,
                      force_terminal=color, no_color=not color, highlight=False, emoji=False)
    for line in headline(summary):
        console.print(Text(line))
    console.print()
    console.print(recordings_table(summary, width))
    unreadable = [r for r in summary.recordings if r.verdict == Verdict.UNREADABLE]
    if unreadable:
        console.print()
        console.print(Text("Could not be read (ask for a readable copy):", style="bold"))
        for row in unreadable:
            console.print(Padding(Text(row.error or ""), (0, 0, 0, 2)))
    parts: list[Table | Text] = []
    if summary.rules:
        parts.append(rules_table(summary, width))
    if summary.supervisors:
        parts.append(supervisors_table(summary, width))
    if any(p.score is not None or p.overall is not None for c in summary.children for p in c.points):
        parts.append(children_table(summary, width))
    elif summary.children:
        parts.append(Text("Scalings by child: no recording here gives a 0-10 scaling yet.", style="bold"))
    for part in parts:
        console.print()
        console.print(part)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
