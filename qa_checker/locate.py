"""Where a finding sits in its file (line and column) and a fingerprint that survives edits elsewhere.

Lines come from the text reader (one block per source line); columns only for plain text, whose
blocks are the file's lines unchanged (Markdown loses its marks, so a column would mislead). A
Word document has no lines: its findings keep their section and text offsets only.

The fingerprint hashes the rule, the section, the child and the sentence around the flagged words
(the whole line or paragraph when it has no sentence break), so a baseline entry still matches
after the writer edits another part of the recording, and stops matching when they rewrite
that sentence. Findings without a place (a missing section) hash their rule, section and child.
"""

from __future__ import annotations

import bisect
import hashlib
import re

from qa_checker.document import Block, SourceDocument
from qa_checker.report import Finding

# The end of a sentence: . ! or ? (with closing quotes or brackets) and then a space.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


def locate(document: SourceDocument, findings: list[Finding]) -> list[Finding]:
    """The findings with line, column and fingerprint filled in."""
    starts = [b.start for b in document.blocks]
    return [_located(document, starts, f) for f in findings]


def _block_at(document: SourceDocument, starts: list[int], offset: int) -> Block | None:
    index = bisect.bisect_right(starts, offset) - 1
    return document.blocks[index] if index >= 0 else None


def _located(document: SourceDocument, starts: list[int], finding: Finding) -> Finding:
    update: dict[str, object] = {"fingerprint": fingerprint(finding, _sentence(document, starts, finding))}
    if finding.start is not None and finding.end is not None:
        first = _block_at(document, starts, finding.start)
        last = _block_at(document, starts, max(finding.start, finding.end - 1))
        if first is not None and last is not None and first.line is not None:
            update.update(line=first.line, end_line=last.line)
            if document.format == "text":
                update.update(column=finding.start - first.start + 1, end_column=finding.end - last.start + 1)
    return finding.model_copy(update=update)


def _sentence(document: SourceDocument, starts: list[int], finding: Finding) -> str:
    """The sentence (within its block) that holds the finding's span; "" when it has none."""
    if finding.start is None or finding.end is None:
        return ""
    block = _block_at(document, starts, finding.start)
    if block is None:
        return finding.text or ""
    text = document.text
    begin, end = block.start, max(block.end, finding.end)
    for match in _SENTENCE_END.finditer(text, begin, end):
        if match.end() <= finding.start:
            begin = match.end()
        elif match.start() >= finding.end - 1:
            end = match.start() + 1
            break
    return text[begin:end]


def fingerprint(finding: Finding, sentence: str) -> str:
    """A short, stable hash: no recording text is kept in a baseline or SARIF log."""
    key = "\x1f".join((finding.rule, finding.section or "", finding.child or "", " ".join(sentence.split())))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
