"""The review as CSV: one row per finding (``--csv``) or one row per recording (``--csv-summary``).

Written as UTF-8 with a byte-order mark, so that Excel (what team leaders open CSV files with)
shows names with accents correctly. A cell that Excel would run as a formula (starting with
=, +, -, @) gets a leading apostrophe: recordings are free text, and a CSV must not run anything.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from qa_checker.report import section_title
from qa_checker.review.summary import RecordingRow, ReviewSummary, Verdict, scaling_for
from qa_checker.review.text import score, top_issue

FINDING_COLUMNS = ["file", "date", "date_source", "supervisor", "children", "verdict", "rule", "name", "severity",
                   "section", "child", "message", "flagged_text", "suggestion"]
SUMMARY_COLUMNS = ["file", "children", "date", "date_source", "supervisor", "errors", "warnings", "top_issue",
                   "verdict", "overall_scaling", "child_scalings"]


def _safe(value: object) -> object:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv(columns: list[str], rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([[_safe("" if v is None else v) for v in row] for row in rows])
    return buffer.getvalue()


def _recording_cells(row: RecordingRow) -> list[object]:
    return [row.path, row.date.isoformat() if row.date else "", row.date_source.value, row.supervisor or "",
            "; ".join(row.children), row.verdict.value]


def findings_csv(summary: ReviewSummary) -> str:
    """One row per finding; an unreadable file gets one row saying why, so no file goes missing."""
    rows = []
    for row in summary.recordings:
        start = _recording_cells(row)
        if row.verdict == Verdict.UNREADABLE:
            rows.append(start + ["", "", "", "", "", top_issue(row), "", ""])
        for f in row.findings:
            rows.append(start + [f.rule, f.name, f.severity.value, section_title(f.section, row.section_titles), f.child or "",
                                 f.message, f.text or "", f.suggestion or ""])
    return _csv(FINDING_COLUMNS, rows)


def _child_scalings(row: RecordingRow) -> str:
    found = [(child, scaling_for(child, row.scalings)) for child in row.children]
    return "; ".join(f"{child}: {score(s.score)}" for child, s in found if s)


def summary_csv(summary: ReviewSummary) -> str:
    """One row per recording, worst first (the terminal's first table)."""
    rows: list[list[object]] = []
    for row in summary.recordings:
        readable = row.verdict != Verdict.UNREADABLE
        overall = next((s for s in row.scalings if s.child is None), None)
        rows.append([
            row.path, "; ".join(row.children), row.date.isoformat() if row.date else "", row.date_source.value,
            row.supervisor or "", row.errors if readable else "", row.warnings if readable else "",
            top_issue(row), row.verdict.value, score(overall.score) if overall else "", _child_scalings(row),
        ])
    return _csv(SUMMARY_COLUMNS, rows)


def write_findings_csv(summary: ReviewSummary, path: Path) -> None:
    path.write_text(findings_csv(summary), encoding="utf-8-sig", newline="")


def write_summary_csv(summary: ReviewSummary, path: Path) -> None:
    path.write_text(summary_csv(summary), encoding="utf-8-sig", newline="")
