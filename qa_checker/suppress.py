"""Findings a reviewer accepted on purpose with a Word comment, without typing markup into the record.

A comment whose text starts ``qa-checker: ignore`` followed by rule ids or prefixes (``P03``,
``P03 S03``, ``P``; commas allowed) suppresses the findings of those rules whose flagged text
overlaps the words the comment is anchored on. Anything after the codes is the reviewer's reason.
Deleting the comment before the report is finalised brings the finding back. Findings without a
place in the text (a missing section) can only be accepted in a baseline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qa_checker.document import Comment, SourceDocument
from qa_checker.report import Finding, Suppressed
from qa_checker.selection import matches

if TYPE_CHECKING:
    from qa_checker.baseline import Baseline

_DIRECTIVE = re.compile(r"\s*qa-checker\s*:\s*ignore\b", re.IGNORECASE)
# An id or prefix as a reviewer types it: "P03", "p03", "SC"; a lower-case word ends the list.
_CODE = re.compile(r"[\s,;]*([A-Z]+[0-9]*|[A-Za-z]+[0-9]+)\b")
_REASON_CHARS = 120


@dataclass(frozen=True)
class Directive:
    codes: tuple[str, ...]
    comment: Comment

    def covers(self, finding: Finding) -> bool:
        if finding.start is None or finding.end is None:
            return False
        if not any(matches(finding.rule, code) for code in self.codes):
            return False
        start, end = self.comment.start, self.comment.end
        if start == end:  # a comment anchored on a point
            return finding.start <= start <= finding.end
        return finding.start < end and start < finding.end

    @property
    def reason(self) -> str:
        text = " ".join(self.comment.text.split())
        text = text if len(text) <= _REASON_CHARS else text[: _REASON_CHARS - 1].rstrip() + "…"
        author = f" by {self.comment.author}" if self.comment.author else ""
        return f"Word comment{author}: \"{text}\""


def parse_directive(text: str) -> tuple[str, ...] | None:
    """The codes a comment's text accepts, or None when it is not a qa-checker directive."""
    match = _DIRECTIVE.match(text)
    if not match:
        return None
    codes = []
    position = match.end()
    while code := _CODE.match(text, position):
        codes.append(code.group(1).upper())
        position = code.end()
    return tuple(codes)


def directives(comments: Iterable[Comment]) -> list[Directive]:
    found = []
    for comment in comments:
        codes = parse_directive(comment.text)
        if codes:
            found.append(Directive(codes, comment))
    return found


def settle(document: SourceDocument, findings: list[Finding], baseline: Baseline | None = None,
           ) -> tuple[list[Finding], list[Suppressed]]:
    """Place the findings in the file (line, column, fingerprint), then set aside those accepted by
    a Word comment or by ``baseline``: (still reported, suppressed)."""
    from qa_checker.locate import locate

    kept, suppressed = by_comments(document.comments, locate(document, findings))
    if baseline is not None:
        kept, accepted = baseline.split(document.path, kept)
        suppressed += accepted
    return kept, suppressed


def by_comments(comments: Iterable[Comment], findings: list[Finding]) -> tuple[list[Finding], list[Suppressed]]:
    """Split findings into those still reported and those accepted by a Word comment."""
    rules = directives(comments)
    if not rules:
        return findings, []
    kept, suppressed = [], []
    for finding in findings:
        directive = next((d for d in rules if d.covers(finding)), None)
        if directive is None:
            kept.append(finding)
        else:
            suppressed.append(Suppressed(finding=finding, by="comment", reason=directive.reason))
    return kept, suppressed
