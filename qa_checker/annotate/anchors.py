"""Where each finding belongs in the text: the flagged words, or a heading for structural findings."""

from __future__ import annotations

from dataclasses import dataclass

from qa_checker.document import SourceDocument
from qa_checker.report import Finding
from qa_checker.splitter import Recording
from qa_checker.splitter.model import Span


@dataclass(frozen=True)
class Anchor:
    """A finding and the span of text (offsets into the extracted text) it is attached to."""

    finding: Finding
    start: int
    end: int


def anchor_span(finding: Finding, recording: Recording) -> Span:
    """The flagged words; else the section's heading; else the first paragraph (of the header region)."""
    text = recording.text
    if finding.start is not None and finding.end is not None and finding.end > finding.start:
        span = _trim(text, finding.start, finding.end)
        if span:
            return span
    section = recording.sections.get(finding.section or "")
    if section is not None:
        span = _trim(text, *section.heading)
        if span:
            return span
    if finding.section == "header":
        span = first_line(recording.document, *recording.header_region)
        if span:
            return span
    return first_line(recording.document, 0, len(text)) or (0, len(text))


def anchors(findings: list[Finding], recording: Recording) -> list[Anchor]:
    """Every finding with its anchor, in reading order (ties keep the engine's order)."""
    found = [Anchor(f, *anchor_span(f, recording)) for f in findings]
    return sorted(found, key=lambda a: (a.start, a.end))


def first_line(document: SourceDocument, start: int, end: int) -> Span | None:
    """The first block between ``start`` and ``end`` holding any text, trimmed."""
    for block in document.blocks:
        if block.start >= start and block.end <= end and block.text.strip():
            return _trim(document.text, block.start, block.end)
    return None


def _trim(text: str, start: int, end: int) -> Span | None:
    """``start``/``end`` moved inwards past white space; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
