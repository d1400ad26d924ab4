"""SARIF 2.1.0 (OASIS), for code-scanning dashboards. Validated against the official schema in tests.

Rules are described from the registry (:mod:`qa_checker.reporters.rulemeta`). A text recording's
findings carry lines and columns (Unicode code points); a Word document's carry its section as a
logical location and the offsets into the extracted text as properties. No recording text is put
in the log and no name unless ``show_text``: the rule's summary, places, the child as initials and
a fingerprint of the sentence (see :mod:`qa_checker.reporters.private`).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from qa_checker.report import Finding, Report, RunResult, Severity, Suppressed
from qa_checker.reporters import private
from qa_checker.reporters.rulemeta import RuleInfo, catalogue

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A relative path stays relative (as the user gave it); an absolute one becomes a file URI."""
    posix = Path(path)
    return posix.as_uri() if posix.is_absolute() else quote(posix.as_posix())


def _descriptor(rule: RuleInfo) -> dict:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.short},
        "fullDescription": {"text": rule.full},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "help": {"text": rule.help, "markdown": rule.help_markdown},
    }


def _region(finding: Finding) -> dict | None:
    if finding.line is None:
        return None
    region = {"startLine": finding.line, "endLine": finding.end_line or finding.line}
    if finding.column is not None and finding.end_column is not None:
        region.update(startColumn=finding.column, endColumn=finding.end_column)
    return region


def _result(report: Report, finding: Finding, index: dict[str, int], show_text: bool,
            suppressed: Suppressed | None = None) -> dict:
    physical: dict = {"artifactLocation": {"uri": artifact_uri(report.path)}}
    if region := _region(finding):
        physical["region"] = region
    location: dict = {"physicalLocation": physical}
    if finding.section:
        location["logicalLocations"] = [{"name": finding.section, "kind": "section"}]
    properties = {k: v for k, v in {
        "section": finding.section, "child": private.child(finding, show_text), "startOffset": finding.start,
        "endOffset": finding.end, "suggestion": finding.suggestion if show_text else None,
    }.items() if v is not None}
    result: dict[str, object] = {"ruleId": finding.rule, "level": _LEVEL[finding.severity],
              "message": {"text": private.message(finding, show_text)},
              "locations": [location]}
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if finding.fingerprint:
        result["partialFingerprints"] = {"qaCheckerSentence/v1": finding.fingerprint}
    if properties:
        result["properties"] = properties
    if suppressed is not None:
        kind = "inSource" if suppressed.by == "comment" else "external"
        # A Word comment's reason names its author and may quote the recording.
        reason = suppressed.reason if show_text else f"accepted {'by a Word comment' if suppressed.by == 'comment' else 'in the baseline'}"
        result["suppressions"] = [{"kind": kind, "justification": reason}]
    return result


def _notification(report: Report) -> dict:
    return {
        "level": "error",
        "message": {"text": (report.error or "").removeprefix(f"{report.path}: ")},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(report.path)}}}],
    }


def render_sarif(result: RunResult, *, show_suppressed: bool = False, show_text: bool = False) -> str:
    """One SARIF run; suppressed findings are included (marked suppressed) only when asked for."""
    from qa_checker import __version__

    rules = catalogue()
    index = {r.id: i for i, r in enumerate(rules)}
    results = []
    for report in result.reports:
        results += [_result(report, f, index, show_text) for f in report.findings]
        if show_suppressed:
            results += [_result(report, s.finding, index, show_text, s) for s in report.suppressed]
    invocation = {
        "executionSuccessful": not any(r.error for r in result.reports),
        "toolExecutionNotifications": [_notification(r) for r in result.reports if r.error],
    }
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "qa-checker", "version": __version__, "rules": [_descriptor(r) for r in rules]}},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
