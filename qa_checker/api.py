"""The library API: check a file, some text or several paths and get reports back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from qa_checker import engine
from qa_checker.document import SourceDocument
from qa_checker.policy import Policy, load_policy
from qa_checker.readers import InputError, discover, read_document
from qa_checker.report import RecordingInfo, Report, SectionStatus, Severity
from qa_checker.rule import Parsed
from qa_checker.scaling import report_rows
from qa_checker.splitter import split
from qa_checker.template import Template, load_template


def check_document(
    document: SourceDocument,
    *,
    template: Template | None = None,
    policy: Policy | None = None,
    today: dt.date | None = None,
) -> Report:
    """Check a document already read into the document model."""
    template = template or load_template()
    recording = split(document, template)
    parsed = Parsed(recording=recording, policy=policy or load_policy(), today=today or dt.date.today())
    findings = engine.run(parsed)
    sections = [
        SectionStatus(name=s.name, present=bool(recording.header) if s.name == "header" else s.name in recording.sections)
        for s in template.sections
    ]
    return Report(
        path=document.path,
        passed=not any(f.severity == Severity.ERROR for f in findings),
        # "Child's Name", or else the children "Present at contact" names (the scaling's roster).
        children=[c.name for c in recording.children] or [c.name for c in parsed.scaling.roster.children],
        sections=sections,
        findings=findings,
        info=recording_info(recording),
        scalings=report_rows(parsed.scaling, recording.text),
    )


def recording_info(recording) -> RecordingInfo:
    """The header's date, times and people as values (None where missing or unreadable)."""
    from qa_checker.datetimes import parse_date, parse_time_range

    def value(name: str) -> str | None:
        field = recording.header.get(name)
        return field.value if field and field.value else None

    date = parse_date(value("date")).date if value("date") else None
    times = parse_time_range(value("time")) if value("time") else None
    return RecordingInfo(
        date=date,
        start_time=times.start if times and not times.problem else None,
        end_time=times.end if times and not times.problem else None,
        supervised_by=value("supervised_by"),
        report_by=value("report_by"),
        present=[p.name for p in recording.present],
    )


def check_file(path: str | Path, **options) -> Report:
    """Check one recording file. A file that cannot be read gives a report with ``error`` set."""
    path = Path(path)
    try:
        document = read_document(path)
    except InputError as exc:
        return error_report(str(path), str(exc))
    return check_document(document, **options)


def check_text(text: str, name: str = "<text>", *, markdown: bool = False, **options) -> Report:
    """Check a recording given as text (handy for tests and other programs)."""
    from qa_checker.readers.text import parse_text

    return check_document(parse_text(text, name, markdown=markdown), **options)


def check_paths(paths: Iterable[str | Path], **options) -> list[Report]:
    """Check files and folders (searched recursively); unreadable files become error reports."""
    reports = []
    for target in paths:
        try:
            files = list(discover([Path(target)]))
        except InputError as exc:
            reports.append(error_report(str(target), str(exc)))
            continue
        for file in files:
            try:
                reports.append(check_file(file, **options))
            except Exception as exc:  # a bug must not stop a batch; say so plainly instead
                reports.append(error_report(str(file), f"{file}: qa-checker failed on this file "
                                            f"({type(exc).__name__}: {exc}); please report it to the qa-checker team"))
    return reports


def error_report(path: str, message: str) -> Report:
    return Report(path=path, passed=False, error=message)
