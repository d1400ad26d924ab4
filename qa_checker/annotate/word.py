"""The annotated copy of a Word draft: each finding a comment anchored on the words it is about."""

from __future__ import annotations

import io
from pathlib import Path

from docx.oxml.ns import qn
from docx.text.run import Run

from qa_checker.annotate.anchors import Anchor, anchors
from qa_checker.annotate.runs import cut_runs
from qa_checker.readers.docx import Piece, open_docx, walk_document
from qa_checker.report import Report

AUTHOR = "qa-checker"
INITIALS = "QA"


def comment_text(anchor: Anchor) -> str:
    """Rule id and name, the message, and what to do (one paragraph each)."""
    finding = anchor.finding
    lines = [f"{finding.rule} {finding.name} ({finding.severity.value})", finding.message]
    if finding.suggestion:
        lines.append(f"What to do: {finding.suggestion}")
    return "\n".join(lines)


def annotate_docx(path: Path, check) -> tuple[Report, bytes, int]:
    """Check the Word file at ``path`` and return (report, the annotated copy's bytes, comments added).

    ``check(document) -> (report, recording)`` runs the rules. ``path`` is only read: python-docx
    loads the package into memory and the copy is saved to bytes.
    """
    document = open_docx(path)
    pieces: list[Piece] = []
    source = walk_document(document, str(path), lambda block, found: pieces.extend(found))
    report, recording = check(source)
    placed = anchors(report.findings, recording)
    cut_runs(pieces, {a.start for a in placed} | {a.end for a in placed})
    pieces.clear()
    again = walk_document(document, str(path), lambda block, found: pieces.extend(found))
    if again.text != source.text:  # splitting runs must never change the text
        raise RuntimeError(f"{path}: splitting runs changed the document's text")
    for anchor in placed:
        first, last = _runs_for(pieces, anchor.start, anchor.end)
        comment = document.add_comment(
            [Run(first, document), Run(last, document)],
            text=comment_text(anchor), author=AUTHOR, initials=INITIALS,
        )
        _reference_at_paragraph_level(last, comment.comment_id)
    buffer = io.BytesIO()
    document.save(buffer)
    return report, buffer.getvalue(), len(placed)


def _runs_for(pieces: list[Piece], start: int, end: int):
    """The first and last w:r holding text of ``start``..``end`` (runs already cut at both)."""
    inside = [p for p in pieces if p.end > start and p.start < end]
    return inside[0].run, inside[-1].run


def _reference_at_paragraph_level(last_run, comment_id: int) -> None:
    """Move the comment's reference mark out of a tracked insertion, hyperlink or field.

    python-docx puts the run holding ``w:commentReference`` right after the anchored run; inside
    a ``w:ins`` the mark itself would become part of the tracked change (rejecting the change
    would drop the comment's mark), so it goes after the outermost wrapper in the paragraph.
    """
    reference = next(
        r for r in last_run.itersiblings()
        if r.tag == qn("w:r") and r.find(qn("w:commentReference")) is not None
        and r.find(qn("w:commentReference")).get(qn("w:id")) == str(comment_id)
    )
    holder = reference
    while holder.getparent() is not None and holder.getparent().tag != qn("w:p"):
        holder = holder.getparent()
    if holder is not reference:
        holder.addnext(reference)
