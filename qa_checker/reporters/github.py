"""GitHub Actions workflow commands: one annotation line per finding (and per unreadable file).

Errors are ``::error``, warnings ``::warning`` and info ``::notice``. Lines and columns are given
for text recordings; a Word document's annotation is on the file, with its section in the message.
No recording text is printed: these lines end up in CI logs.
"""

from __future__ import annotations

from qa_checker.report import Finding, Report, RunResult, Severity
from qa_checker.reporters.places import section_title
from qa_checker.reporters.rulemeta import title

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(command: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{k}={_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{command} {props}::{_data(message)}"


def _finding(report: Report, finding: Finding) -> str:
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
    child = f", {finding.child}" if finding.child else ""
    return _annotation(_COMMAND[finding.severity], properties, f"{finding.message} ({section_title(finding.section, report)}{child})")


def render_github(result: RunResult) -> str:
    lines = []
    for report in result.reports:
        if report.error:
            reason = report.error.removeprefix(f"{report.path}: ")
            lines.append(_annotation("error", {"file": report.path, "title": "cannot check"}, reason))
        lines += [_finding(report, f) for f in report.findings]
    return "".join(line + "\n" for line in lines)
