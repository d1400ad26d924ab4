"""Where a finding sits in its file (line and column) and a fingerprint that survives edits elsewhere.

Lines come from the text reader (one block per source line); columns only for plain text, whose
blocks are the file's lines unchanged (Markdown loses its marks, so a column would mislead). A
Word document has no lines: its findings keep their section and text offsets only.

The fingerprint hashes the rule, the section, the child, the flagged words and the sentence around
them (the finding's excerpt, see :mod:`qa_checker.excerpt`), so a baseline entry still matches
after the writer edits another part of the recording, and stops matching when they rewrite that
sentence. Findings without a place (a missing section) hash their rule, section and child.
"""

from __future__ import annotations

import bisect
import hashlib

from qa_checker.document import Block, SourceDocument
from qa_checker.report import Finding


def locate(document: SourceDocument, findings: list[Finding]) -> list[Finding]:
    """The findings with line, column and fingerprint filled in."""
    starts = [b.start for b in document.blocks]
    return [_located(document, starts, f) for f in findings]


def _block_at(document: SourceDocument, starts: list[int], offset: int) -> Block | None:
    index = bisect.bisect_right(starts, offset) - 1
    return document.blocks[index] if index >= 0 else None


def _located(document: SourceDocument, starts: list[int], finding: Finding) -> Finding:
    update: dict[str, object] = {"fingerprint": fingerprint(finding)}
    if finding.start is not None and finding.end is not None:
        first = _block_at(document, starts, finding.start)
        last = _block_at(document, starts, max(finding.start, finding.end - 1))
        if first is not None and last is not None and first.line is not None:
            (line, line_start), (end_line, end_start) = _line_of(first, finding.start), _line_of(last, max(finding.start, finding.end - 1))
            update.update(line=line, end_line=end_line)
            if document.format == "text":
                update.update(column=finding.start - line_start + 1, end_column=finding.end - end_start + 1)
    return finding.model_copy(update=update)


def _line_of(block: Block, offset: int) -> tuple[int, int]:
    """The source line holding ``offset`` and where it starts (a hard-wrapped paragraph is one block)."""
    assert block.line is not None
    index = bisect.bisect_right(block.line_starts, offset)
    return block.line + index, block.line_starts[index - 1] if index else block.start


def fingerprint(finding: Finding) -> str:
    """A short, stable hash: no recording text is kept in a baseline or SARIF log."""
    sentence = finding.excerpt.text if finding.excerpt else ""
    words = (finding.text or "", sentence)
    key = "\x1f".join((finding.rule, finding.section or "", finding.child or "", *(" ".join(w.split()) for w in words)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
