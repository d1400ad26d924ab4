"""The review's tables as a model: recordings worst first, frequent rules, supervisors, children.

Every writer (terminal, CSV, HTML) renders this one model, so redaction can rewrite it once
and no output can show what another does not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from enum import Enum

from pydantic import BaseModel, ConfigDict

from qa_checker.report import Finding, Report, Scaling, Severity
from qa_checker.review.model import Item
from qa_checker.review.selection import DateSource, DateWindow

NOT_GIVEN = "(not given)"


class Verdict(str, Enum):
    UNREADABLE = "unreadable"
    CHANGES = "needs changes"
    PASSED = "passed"

    @property
    def rank(self) -> int:
        return {"unreadable": 0, "needs changes": 1, "passed": 2}[self.value]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RecordingRow(_Frozen):
    path: str
    children: list[str]
    date: dt.date | None
    date_source: DateSource
    supervisor: str | None
    errors: int
    warnings: int
    top_issue: str | None
    verdict: Verdict
    error: str | None = None
    findings: list[Finding] = []
    # Section titles of the template the recording was checked with ("basic_needs": "Basic Needs").
    section_titles: dict[str, str] = {}
    scalings: list[Scaling] = []
    reused: bool = False


class RuleRow(_Frozen):
    code: str
    name: str
    severity: Severity
    findings: int
    recordings: int
    # Findings of this rule in the last review (None when there was no earlier review).
    previous: int | None = None


class SupervisorRow(_Frozen):
    name: str
    recordings: int
    passed: int
    top_rule: str | None
    previous_rate: float | None = None

    @property
    def pass_rate(self) -> float:
        return self.passed / self.recordings if self.recordings else 0.0


class ScalingPoint(_Frozen):
    date: dt.date | None
    path: str
    score: float | None
    overall: float | None
    has_reason: bool = False
    has_next_step: bool = False
    # True when the recording belongs to an earlier review (from the history), not this one.
    earlier: bool = False


class ChildRow(_Frozen):
    name: str
    points: list[ScalingPoint]


class PreviousReview(_Frozen):
    """The last review recorded in the history, with the items it covered."""

    created: dt.datetime
    description: str
    items: list[Item]


class ReviewSummary(_Frozen):
    description: str
    generated: dt.date
    recordings: list[RecordingRow]
    rules: list[RuleRow]
    supervisors: list[SupervisorRow]
    children: list[ChildRow]
    previous_created: dt.datetime | None = None
    previous_description: str | None = None
    redacted: bool = False

    def count(self, verdict: Verdict) -> int:
        return sum(1 for r in self.recordings if r.verdict == verdict)

    @property
    def modified_dates(self) -> int:
        """How many recordings were dated by their file's modification time."""
        return sum(1 for r in self.recordings if r.date_source == DateSource.MODIFIED)


def supervisor_name(raw: str | None) -> str | None:
    """The person from "Jo Patel, Family Time Supervisor" or "Jo Patel (FTS)": "Jo Patel"."""
    if not raw:
        return None
    name = re.split(r",|\(|\s[-–—]\s|/", raw, maxsplit=1)[0]
    name = re.sub(r"\s+", " ", name).strip(" .")
    return name if any(ch.isalpha() for ch in name) else None


def verdict(report: Report) -> Verdict:
    if report.error:
        return Verdict.UNREADABLE
    return Verdict.PASSED if report.passed else Verdict.CHANGES


def _most_frequent(findings: Iterable[Finding]) -> str | None:
    """"W02 missing-worried-about ×2": the most severe rule, then the most frequent, then by code."""
    counts = Counter((f.severity.rank, f.rule, f.name) for f in findings)
    if not counts:
        return None
    (_, code, name), count = min(counts.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1]))
    return f"{code} {name}" + (f" ×{count}" if count > 1 else "")


def recording_row(item: Item) -> RecordingRow:
    report = item.report
    info = report.info
    return RecordingRow(
        path=report.path, children=list(report.children), date=item.date, date_source=item.date_source,
        supervisor=supervisor_name(info.supervised_by) if info else None,
        errors=report.count(Severity.ERROR), warnings=report.count(Severity.WARNING),
        top_issue=_most_frequent(report.findings), verdict=verdict(report), error=report.error,
        findings=list(report.findings), scalings=list(report.scalings),
        section_titles={s.name: s.title for s in report.sections if s.title}, reused=item.reused,
    )


def _worst_first(row: RecordingRow) -> tuple:
    return (row.verdict.rank, -row.errors, -row.warnings, row.date or dt.date.max, row.path)


def rule_rows(items: Sequence[Item], previous: Sequence[Item] | None) -> list[RuleRow]:
    """Rules found in this review (and the last one), most frequent first."""
    now = _rule_counts(items)
    then = _rule_counts(previous or [])
    rows = []
    for key in set(now) | set(then):
        findings, recordings = now.get(key, (0, 0))
        code, name, severity = key
        rows.append(RuleRow(
            code=code, name=name, severity=severity, findings=findings, recordings=recordings,
            previous=then.get(key, (0, 0))[0] if previous is not None else None,
        ))
    return sorted(rows, key=lambda r: (-r.findings, -r.recordings, r.severity.rank, r.code))


def _rule_counts(items: Sequence[Item]) -> dict[tuple[str, str, Severity], tuple[int, int]]:
    findings: Counter = Counter()
    recordings: Counter = Counter()
    for item in items:
        keys = [(f.rule, f.name, f.severity) for f in item.report.findings]
        findings.update(keys)
        recordings.update(set(keys))
    return {key: (findings[key], recordings[key]) for key in findings}


def supervisor_rows(items: Sequence[Item], previous: Sequence[Item] | None) -> list[SupervisorRow]:
    """Per supervisor (unreadable files have none): lowest pass rate first."""
    then = _by_supervisor(previous or [])
    rows = []
    for key, group in _by_supervisor(items).items():
        earlier = then.get(key)
        rows.append(SupervisorRow(
            name=_display_name(group), recordings=len(group), passed=sum(i.report.passed for i in group),
            top_rule=_most_frequent(f for i in group for f in i.report.findings),
            previous_rate=sum(i.report.passed for i in earlier) / len(earlier) if earlier else None,
        ))
    return sorted(rows, key=lambda r: (r.pass_rate, -r.recordings, r.name.casefold()))


def _by_supervisor(items: Sequence[Item]) -> dict[str, list[Item]]:
    groups: dict[str, list[Item]] = {}
    for item in items:
        if item.report.error:
            continue
        name = supervisor_name(item.report.info.supervised_by if item.report.info else None) or NOT_GIVEN
        groups.setdefault(name.casefold(), []).append(item)
    return groups


def _display_name(group: list[Item]) -> str:
    info = group[-1].report.info
    return supervisor_name(info.supervised_by if info else None) or NOT_GIVEN


def scaling_for(child: str, scalings: Sequence[Scaling]) -> Scaling | None:
    """The child's own scaling: its name as in the header, or the same first name."""
    first = child.split()[0].casefold() if child.split() else ""
    for scaling in scalings:
        if scaling.child and (scaling.child.casefold() == child.casefold()
                              or scaling.child.split()[0].casefold() == first):
            return scaling
    return None


def child_rows(items: Sequence[Item], earlier: Sequence[Item] = ()) -> list[ChildRow]:
    """Each child of this review with their scalings in date order (earlier reviews included)."""
    names: dict[str, str] = {}
    points: dict[str, list[ScalingPoint]] = {}
    for item, is_earlier in [(i, False) for i in items] + [(i, True) for i in earlier]:
        for child in item.report.children:
            key = child.casefold()
            if is_earlier and key not in names:
                continue
            names.setdefault(key, child)
            points.setdefault(key, []).append(_point(item, child, is_earlier))
    rows = [ChildRow(name=names[k], points=sorted(p, key=lambda p: (p.date or dt.date.min, p.path)))
            for k, p in points.items()]
    return sorted(rows, key=lambda r: r.name.casefold())


def _point(item: Item, child: str, earlier: bool) -> ScalingPoint:
    own = scaling_for(child, item.report.scalings)
    overall = next((s for s in item.report.scalings if s.child is None), None)
    return ScalingPoint(
        date=item.date, path=item.report.path, score=own.score if own else None,
        overall=overall.score if overall else None,
        has_reason=own.has_reason if own else False, has_next_step=own.has_next_step if own else False,
        earlier=earlier,
    )


def build_summary(
    items: Sequence[Item], window: DateWindow, *, previous: PreviousReview | None = None,
    earlier: Sequence[Item] = (), today: dt.date | None = None,
) -> ReviewSummary:
    """The summary of ``items``; ``previous`` (the last review) gives the changes since then."""
    before = previous.items if previous else None
    return ReviewSummary(
        description=window.describe(),
        generated=today or dt.date.today(),
        recordings=sorted((recording_row(i) for i in items), key=_worst_first),
        rules=rule_rows(items, before),
        supervisors=supervisor_rows(items, before),
        children=child_rows([i for i in items if not i.report.error], earlier),
        previous_created=previous.created if previous else None,
        previous_description=previous.description if previous else None,
    )
