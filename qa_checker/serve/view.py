"""The supervisor page's model of one checked recording: its own text, part by part, each flagged
passage marked with the number of its finding, the findings beside, the structure checklist and
the scaling table.

Every string the page shows passes through ``redact`` (the identity unless the server was started
with ``--redact``); the templates escape them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from qa_checker.report import Finding, Report, Severity

Redact = Callable[[str], str]


@dataclass(frozen=True)
class Piece:
    text: str
    marks: tuple[int, ...] = ()   # numbers of the findings covering this text
    refs: tuple[int, ...] = ()    # numbers of the findings ending here (a link follows)


@dataclass(frozen=True)
class Line:
    pieces: tuple[Piece, ...]
    kind: str = "text"            # "text", "label" (bold), "prompt" (the template's blue text)


@dataclass(frozen=True)
class FindingView:
    number: int
    rule: str
    name: str
    severity: str
    message: str
    suggestion: str | None
    text: str | None
    explanation: str
    in_text: bool


@dataclass
class Part:
    key: str
    title: str
    start: int
    end: int
    lines: list[Line] = field(default_factory=list)
    findings: list[FindingView] = field(default_factory=list)


@dataclass(frozen=True)
class CheckItem:
    label: str
    ok: bool
    detail: str = ""
    level: int = 0


@dataclass(frozen=True)
class ScalingRow:
    child: str
    score: str
    reason: str
    next_step: str
    ok: bool


@dataclass
class View:
    name: str
    passed: bool
    errors: int
    warnings: int
    infos: int
    children: list[str]
    general: list[FindingView]
    parts: list[Part]
    checklist: list[CheckItem]
    scaling: list[ScalingRow]


def build_view(checked, explanations: dict[str, str], redact: Redact = str) -> View:
    """The page's view of a checked recording (see :class:`qa_checker.serve.checking.Checked`)."""
    report: Report = checked.report
    recording, document = checked.recording, checked.document
    parts = _parts(recording)
    placed = sorted(report.findings, key=lambda f: (f.start is None, f.start or 0, f.rule))
    where = [(f, _part_for(f, parts)) for f in placed]
    # numbered in the order the page shows them: the whole recording's first, then part by part
    order = [f for f, part in where if part is None] + [f for p in parts for f, part in where if part is p]
    numbers = {id(f): n for n, f in enumerate(order, 1)}
    general: list[FindingView] = []
    for finding, part in sorted(where, key=lambda fp: numbers[id(fp[0])]):
        view = _finding_view(finding, numbers[id(finding)], part is not None and finding.start is not None,
                             explanations, redact)
        (part.findings if part else general).append(view)
    spans = [(f.start, f.end, numbers[id(f)]) for f in placed if f.start is not None and f.end and f.end > f.start]
    for part in parts:
        blocks = [b for b in document.blocks if b.start >= part.start and b.end <= part.end]
        part.lines = [_line(b, spans, redact) for b in blocks]
    return View(
        name=redact(report.path), passed=report.passed, errors=report.count(Severity.ERROR),
        warnings=report.count(Severity.WARNING), infos=report.count(Severity.INFO),
        children=[redact(c) for c in report.children], general=general, parts=parts,
        checklist=[CheckItem(redact(i.label), i.ok, redact(i.detail), i.level) for i in checklist(recording, report)],
        scaling=[_scaling_row(s, redact) for s in report.scalings],
    )


def _parts(recording) -> list[Part]:
    template = recording.template
    parts = [Part("header", "Header", *recording.header_region)]
    for name, section in sorted(recording.sections.items(), key=lambda kv: kv[1].start):
        # from the recording's own heading line, so that a finding on the heading is shown too
        parts.append(Part(name, template.section(name).title, min(section.heading[0], section.start), section.end))
    return [p for p in parts if p.end > p.start or p.key != "header"]


def _part_for(finding: Finding, parts: list[Part]) -> Part | None:
    if finding.start is not None:
        for part in parts:
            if part.start <= finding.start < part.end:
                return part
    return next((p for p in parts if p.key == finding.section), None)


def _finding_view(finding: Finding, number: int, in_text: bool, explanations, redact: Redact) -> FindingView:
    return FindingView(
        number=number, rule=finding.rule, name=finding.name, severity=finding.severity.value,
        message=redact(finding.message), suggestion=redact(finding.suggestion) if finding.suggestion else None,
        text=redact(finding.text) if finding.text else None,
        explanation=redact(explanations.get(finding.rule, "")), in_text=in_text,
    )


def _line(block, spans, redact: Redact) -> Line:
    """One block of the text cut where findings start and end; a finding's number follows its
    last piece (in the block where it ends: blocks are joined by one newline)."""
    here = [(max(s, block.start), min(e, block.end), n, e <= block.end + 1) for s, e, n in spans
            if s < block.end and e > block.start]
    cuts = sorted({block.start, block.end} | {s for s, _, _, _ in here} | {e for _, e, _, _ in here})
    pieces = []
    for left, right in zip(cuts, cuts[1:]):
        marks = tuple(n for s, e, n, _ in here if s <= left and right <= e)
        refs = tuple(n for _, e, n, ends in here if e == right and ends)
        pieces.append(Piece(redact(block.text[left - block.start:right - block.start]), marks, refs))
    kind = "prompt" if block.is_prompt else "label" if block.bold or block.heading_level else "text"
    return Line(tuple(pieces) or (Piece(""),), kind)


def checklist(recording, report: Report) -> list[CheckItem]:
    """Every section of the template, its subsections, and a scaling per child, ticked or crossed."""
    template = recording.template
    titles = {s.name: s.title for s in template.subsections}
    items = []
    for section in template.sections:
        if section.name == "header":
            items.append(CheckItem("Header", bool(recording.header)))
            continue
        found = recording.sections.get(section.name)
        items.append(CheckItem(section.title, found is not None, "" if found else "missing"))
        for sub in section.subsections:
            own = found.subsections.get(sub) if found else None
            written = bool(own and _answered(recording.text, own.content, template.empty_answers))
            detail = "" if written else "missing" if own is None else "empty"
            items.append(CheckItem(titles.get(sub, sub), written, detail, level=1))
    for row in report.scalings:
        who = row.child or "Overall"
        ok = row.score is not None and row.has_reason
        detail = "missing" if row.score is None else "" if row.has_reason else "no reason given"
        items.append(CheckItem(f"Scaling: {who}", ok, detail))
    return items


def _answered(text: str, spans, empty_answers) -> bool:
    """Something written in ``spans`` other than an empty answer ("N/A", "none", "see above")."""
    written = " ".join(" ".join(text[s:e].split()) for s, e in spans).strip(" .,;:!?()[]'\"").casefold()
    return bool(written) and written not in {a.casefold() for a in empty_answers}


def _scaling_row(row, redact: Redact) -> ScalingRow:
    child = redact(row.child) if row.child else "Overall"
    if row.score is None:
        return ScalingRow(child, "missing", "-", "-", False)
    next_step = "-" if row.score >= 10 and not row.has_next_step else "yes" if row.has_next_step else "no"
    return ScalingRow(child, f"{row.score:g}/10", "yes" if row.has_reason else "no", next_step,
                      0 <= row.score <= 10 and row.has_reason and next_step != "no")
