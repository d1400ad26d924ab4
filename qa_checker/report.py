"""The report model: findings and per-file reports (the JSON contract, version 1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

JSON_VERSION = 1


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]

    def reaches(self, threshold: Severity) -> bool:
        """True when this severity is ``threshold`` or more serious (``--fail-on``)."""
        return self.rank <= threshold.rank


def section_title(name: str | None, titles: Mapping[str, str] | None = None) -> str:
    """A section key's title in ``titles`` (the template a recording was checked with:
    "basic_needs" -> "Basic Needs"), or the key in words; "Whole recording" for no section."""
    if not name:
        return "Whole recording"
    return (titles or {}).get(name) or name.replace("_", " ").capitalize()


class Excerpt(BaseModel):
    """The sentence (within one line) around a finding's span; ``start`` is its offset in the text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    start: int


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    name: str
    severity: Severity
    section: str | None = None
    child: str | None = None
    message: str
    text: str | None = None
    start: int | None = None
    end: int | None = None
    # What to write instead. Shown by the text report (and annotations); left out of JSON
    # version 1, whose finding keys are fixed, so a consumer of v1 sees no change.
    suggestion: str | None = Field(default=None, exclude=True)
    # The flagged words in their sentence, for the text report; not in JSON version 1 either.
    excerpt: Excerpt | None = Field(default=None, exclude=True)
    # The words that triggered a sentence-level finding, to highlight inside ``text`` (not in JSON v1).
    highlight: tuple[int, int] | None = Field(default=None, exclude=True)
    # Where the finding is in the file (1-based; column only for plain text, none for Word) and
    # a fingerprint of the rule and the sentence, for baselines and SARIF. Not in JSON v1.
    line: int | None = Field(default=None, exclude=True)
    column: int | None = Field(default=None, exclude=True)
    end_line: int | None = Field(default=None, exclude=True)
    end_column: int | None = Field(default=None, exclude=True)
    fingerprint: str | None = Field(default=None, exclude=True)


class Suppressed(BaseModel):
    """A finding someone accepted on purpose, and how: a Word comment or the baseline."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    finding: Finding
    by: Literal["comment", "baseline"]
    reason: str


class SectionStatus(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    present: bool
    # The title in the template the recording was checked with ("Basic Needs"), for reporters
    # (a trust's own template may rename a section). Not in JSON version 1, whose keys are fixed.
    title: str | None = Field(default=None, exclude=True)


class Scaling(BaseModel):
    """One 0-10 scaling found in the recording: the overall one (``child`` None) or a child's."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    child: str | None
    score: float | None
    has_reason: bool
    has_next_step: bool
    text: str | None = None
    start: int | None = None
    end: int | None = None


class RecordingInfo(BaseModel):
    """What the header says, read into values (for summaries across recordings)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    supervised_by: str | None = None
    report_by: str | None = None
    present: list[str] = []


class Report(BaseModel):
    """The result of checking one file (or why it could not be checked)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    passed: bool
    error: str | None = None
    children: list[str] = []
    sections: list[SectionStatus] = []
    findings: list[Finding] = []
    # Not part of JSON version 1 (its report keys are fixed); used by summaries and reporters.
    info: RecordingInfo | None = Field(default=None, exclude=True)
    scalings: list[Scaling] = Field(default=[], exclude=True)
    suppressed: list[Suppressed] = Field(default=[], exclude=True)

    def section_title(self, name: str | None) -> str:
        """The title of section ``name`` in the template this recording was checked with."""
        return section_title(name, {s.name: s.title for s in self.sections if s.title})

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


class Summary(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    files: int
    passed: int
    failed: int
    errors: int
    warnings: int

    @classmethod
    def of(cls, reports: list[Report]) -> Summary:
        return cls(
            files=len(reports),
            passed=sum(r.passed for r in reports),
            failed=sum(not r.passed for r in reports),
            errors=sum(r.count(Severity.ERROR) for r in reports),
            warnings=sum(r.count(Severity.WARNING) for r in reports),
        )


class RunResult(BaseModel):
    """Every report of one run, with the summary (what ``--format json`` prints)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int = JSON_VERSION
    reports: list[Report]
    summary: Summary

    @classmethod
    def of(cls, reports: list[Report]) -> RunResult:
        return cls(reports=reports, summary=Summary.of(reports))
