"""The small scaling table of the terminal report: who was scaled, the score, and whether it has
a reason and a next step. Rows come from ``Report.scalings`` (the overall first, then each child
at contact, a missing one with no score)."""

from __future__ import annotations

from rich.text import Text

from qa_checker.report import Report, Scaling

_WIDEST_NAME = 24
_HEAD = ("child", "score", "reason", "next step")


def _name(row: Scaling, short: dict[str, str]) -> str:
    name = "Overall" if row.child is None else short.get(row.child, row.child)
    return name if len(name) <= _WIDEST_NAME else name[: _WIDEST_NAME - 1] + "…"


def _short_names(rows: list[Scaling]) -> dict[str, str]:
    """First names, unless two rows would share one."""
    names = [r.child for r in rows if r.child]
    firsts = [n.split()[0] for n in names]
    return {n: n.split()[0] if firsts.count(n.split()[0]) == 1 else n for n in names}


def _cells(row: Scaling, short: dict[str, str]) -> list[tuple[str, str]]:
    """(text, style) for each column."""
    if row.score is None:
        return [(_name(row, short), ""), ("missing", "red"), ("-", ""), ("-", "")]

    def flag(value: bool, missing_style: str) -> tuple[str, str]:
        return ("yes", "green") if value else ("no", missing_style)

    out_of_range = not 0 <= row.score <= 10
    next_style = "" if row.score >= 10 else "yellow"
    return [(_name(row, short), ""), (f"{row.score:g}/10", "red" if out_of_range else ""),
            flag(row.has_reason, "red"), ("-", "") if row.score >= 10 and not row.has_next_step
            else flag(row.has_next_step, next_style)]


def scaling_table(report: Report) -> list[Text]:
    """The table's lines (no trailing spaces), or none when the recording has no scaling section."""
    rows = report.scalings
    if not rows:
        return []
    short = _short_names(rows)
    table = [[(h, "dim") for h in _HEAD]] + [_cells(r, short) for r in rows]
    widths = [max(len(line[i][0]) for line in table) for i in range(len(_HEAD))]
    lines = [Text("  Scaling summary", style="underline")]
    for line in table:
        text = Text("    ")
        for i, (value, style) in enumerate(line):
            text.append(value, style=style)
            if i < len(line) - 1:
                text.append(" " * (widths[i] - len(value) + 2))
        lines.append(text)
    return lines
