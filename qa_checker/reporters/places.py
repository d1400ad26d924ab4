"""Where a finding is, said the same way by the JUnit, GitHub and suppressed-findings reports."""

from __future__ import annotations

from qa_checker.report import Finding
from qa_checker.template import load_template


def section_title(name: str | None) -> str:
    """The template's title for a section key ("basic_needs" -> "Basic Needs")."""
    if not name:
        return "Whole recording"
    return next((s.title for s in load_template().sections if s.name == name), name)


def place(finding: Finding) -> str:
    """'line 12, Basic Needs (Amelia)' or 'Basic Needs' for a Word document."""
    parts = [f"line {finding.line}"] if finding.line else []
    parts.append(section_title(finding.section))
    child = f" ({finding.child})" if finding.child else ""
    return ", ".join(parts) + child
