"""A baseline: findings a team accepted as they stand, so that later runs report only new ones.

``--write-baseline FILE`` records the current findings; ``--baseline FILE`` then leaves those out.
Each entry is keyed by the recording's path (relative to the baseline file, so the baseline works
from any folder and on any machine), the rule and the finding's fingerprint (a hash of the
sentence, see :mod:`qa_checker.locate`): no recording text is stored. ``count`` covers the same
sentence flagged more than once; an optional ``note`` (written by hand) says why it was accepted
and is shown by ``--show-suppressed``.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from qa_checker.config import ConfigError
from qa_checker.report import Finding, Report, Suppressed

BASELINE_VERSION = 1


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str
    rule: str
    fingerprint: str
    count: int = Field(default=1, ge=1)
    note: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.file, self.rule, self.fingerprint)


class BaselineFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    findings: list[Entry]


class Baseline:
    """Accepted findings, read from (or to be written to) ``path``."""

    def __init__(self, path: Path, entries: Iterable[Entry] = ()) -> None:
        self.path = path
        self.entries = {e.key: e for e in entries}

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: no such baseline file; write one with --write-baseline {path}") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the baseline ({exc}); write it again with --write-baseline") from None
        try:
            return cls(path, BaselineFile.model_validate(data).findings)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ConfigError(f"{path}: not a qa-checker baseline ({where}: {first['msg']})") from None

    def file_key(self, recording: str) -> str:
        """The recording's path as the baseline names it: relative to the baseline's folder."""
        relative = os.path.relpath(Path(recording).resolve(), self.path.resolve().parent)
        return Path(relative).as_posix()

    def split(self, recording: str, findings: list[Finding]) -> tuple[list[Finding], list[Suppressed]]:
        """Findings still reported, and those the baseline accepts (at most ``count`` of each)."""
        if not self.entries:
            return findings, []
        file = self.file_key(recording)
        left: Counter[tuple[str, str, str]] = Counter()
        kept, suppressed = [], []
        for finding in findings:
            entry = self.entries.get((file, finding.rule, finding.fingerprint or ""))
            if entry is not None and left[entry.key] < entry.count:
                left[entry.key] += 1
                note = f" ({entry.note})" if entry.note else ""
                suppressed.append(Suppressed(finding=finding, by="baseline", reason=f"in the baseline {self.path}{note}"))
            else:
                kept.append(finding)
        return kept, suppressed

    def updated(self, reports: Iterable[Report]) -> Baseline:
        """A baseline holding ``reports``' findings; entries for recordings not checked this time
        are kept while their file still exists, and hand-written notes are kept."""
        reports = list(reports)
        checked = {self.file_key(r.path) for r in reports if not r.error}
        counts = Counter(
            (self.file_key(r.path), f.rule, f.fingerprint or "") for r in reports if not r.error for f in r.findings
        )
        entries = [
            e for e in self.entries.values()
            if e.file not in checked and (self.path.resolve().parent / e.file).exists()
        ]
        for key, count in counts.items():
            old = self.entries.get(key)
            entries.append(Entry(file=key[0], rule=key[1], fingerprint=key[2], count=count, note=old.note if old else None))
        return Baseline(self.path, entries)

    def dumps(self) -> str:
        """JSON with one entry per line, sorted, so that a baseline diffs well in version control."""
        entries = sorted(self.entries.values(), key=lambda e: e.key)
        lines = [json.dumps(e.model_dump(exclude_none=True), ensure_ascii=False) for e in entries]
        body = ",\n    ".join(lines)
        findings = f"[\n    {body}\n  ]" if lines else "[]"
        return f'{{\n  "version": {BASELINE_VERSION},\n  "findings": {findings}\n}}\n'

    def __len__(self) -> int:
        return sum(e.count for e in self.entries.values())
