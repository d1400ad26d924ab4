"""JUnit XML, for CI systems that show test results: one testcase per recording.

A recording that does not pass (a finding at or above ``fail-on``) is a failure listing its
findings; an unreadable one is an error; a passing one with findings lists them in system-out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from qa_checker.report import Finding, Report, RunResult, Severity
from qa_checker.reporters.places import place
from qa_checker.reporters.rulemeta import title
from qa_checker.wording import plural

# Characters XML 1.0 cannot hold (control characters pasted into a recording).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _line(finding: Finding, report: Report) -> str:
    return f"{place(finding, report)}: {finding.severity.value} {title(finding.rule, finding.name)}: {finding.message}"


def _counts(report: Report) -> str:
    return ", ".join(plural(report.count(s), s.value) for s in Severity if report.count(s)) or "no findings"


def _testcase(suite: ET.Element, report: Report) -> None:
    case = ET.SubElement(suite, "testcase", classname="qa-checker", name=_clean(report.path), file=_clean(report.path))
    if report.error:
        reason = report.error.removeprefix(f"{report.path}: ")
        ET.SubElement(case, "error", message=_clean(reason), type="unreadable").text = _clean(report.error)
        return
    listing = _clean("\n".join(_line(f, report) for f in report.findings))
    if not report.passed:
        failure = ET.SubElement(case, "failure", message=f"needs changes before it is submitted: {_counts(report)}",
                                type="qa-checker")
        failure.text = listing
    elif report.findings:
        ET.SubElement(case, "system-out").text = listing


def render_junit(result: RunResult) -> str:
    reports = result.reports
    counts = {
        "tests": str(len(reports)),
        "failures": str(sum(1 for r in reports if not r.error and not r.passed)),
        "errors": str(sum(1 for r in reports if r.error)),
        "skipped": "0",
    }
    root = ET.Element("testsuites", name="qa-checker", **counts)
    suite = ET.SubElement(root, "testsuite", name="qa-checker", **counts)
    for report in reports:
        _testcase(suite, report)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
