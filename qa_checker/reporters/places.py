"""Where a finding is, said the same way by the JUnit, GitHub and suppressed-findings reports."""

from __future__ import annotations

from qa_checker.report import Finding, Report
from qa_checker.report import section_title as titled


def section_title(name: str | None, report: Report | None = None) -> str:
    """The title of a section key ("basic_needs" -> "Basic Needs") in the template the report's
    recording was checked with (the report carries it)."""
    return report.section_title(name) if report is not None else titled(name)


def place(finding: Finding, report: Report | None = None) -> str:
    """'line 12, Basic Needs (Amelia)' or 'Basic Needs' for a Word document."""
    parts = [f"line {finding.line}"] if finding.line else []
    parts.append(section_title(finding.section, report))
    child = f" ({finding.child})" if finding.child else ""
    return ", ".join(parts) + child
