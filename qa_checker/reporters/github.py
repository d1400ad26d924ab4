"""GitHub Actions workflow commands: one annotation line per finding (and per unreadable file).

Errors are ``::error``, warnings ``::warning`` and info ``::notice``. Lines and columns are given
for text recordings; a Word document's annotation is on the file, with its section in the message.
No name and no recording text is printed unless ``show_text``: these lines end up in CI logs
(see :mod:`qa_checker.reporters.private`).
"""

from __future__ import annotations

from collections.abc import Mapping

from qa_checker.report import Finding, Report, RunResult, Severity
from qa_checker.reporters import private
from qa_checker.reporters.places import section_title
from qa_checker.reporters.rulemeta import title

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(command: str, properties: Mapping[str, object], message: str) -> str:
    props = ",".join(f"{k}={_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{command} {props}::{_data(message)}"


def _finding(report: Report, finding: Finding, show_text: bool) -> str:
    same_line = finding.line is not None and finding.line == finding.end_line
    properties = {
        "file": report.path,
        "line": finding.line,
        "endLine": finding.end_line if finding.line is not None else None,
        "col": finding.column if same_line else None,
        # GitHub's endColumn is the last character (inclusive); ours is one past it.
        "endColumn": finding.end_column - 1 if same_line and finding.end_column else None,
        "title": title(finding.rule, finding.name),
    }
    child = private.child(finding, show_text)
    where = section_title(finding.section, report) + (f", {child}" if child else "")
    return _annotation(_COMMAND[finding.severity], properties, f"{private.message(finding, show_text)} ({where})")


def render_github(result: RunResult, *, show_text: bool = False) -> str:
    lines = []
    for report in result.reports:
        if report.error:
            reason = report.error.removeprefix(f"{report.path}: ")
            lines.append(_annotation("error", {"file": report.path, "title": "cannot check"}, reason))
        lines += [_finding(report, f, show_text) for f in report.findings]
    return "".join(line + "\n" for line in lines)
