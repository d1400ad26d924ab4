"""Splitting Word runs so that a comment can start and end exactly where a flagged span does.

A comment in Word covers whole runs (``w:commentRangeStart`` before one run, ``w:commentRangeEnd``
after another). When a flagged sentence starts or ends inside a run, the run is cut in two at
that character; the new run gets a copy of the run's properties (``w:rPr``), so bold, italic,
colour and font are kept, and it stays inside the same parent (a tracked insertion stays one).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from docx.oxml.ns import qn

from qa_checker.readers.docx import Piece

_T = qn("w:t")
_RPR = qn("w:rPr")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def cut_points(pieces: list[Piece], boundaries: Iterable[int]) -> list[tuple[int, object, int]]:
    """For each boundary offset, where to cut: (offset, child element, characters into its text)."""
    wanted = set(boundaries)
    points = []
    for piece in pieces:
        for boundary in wanted:
            if piece.start <= boundary <= piece.end:
                points.append((boundary, piece.child, piece.offset + boundary - piece.start))
    return points


def cut_runs(pieces: list[Piece], boundaries: Iterable[int]) -> None:
    """Cut runs so that every boundary falls between two runs.

    Cuts are made from the end of the document backwards: a cut keeps the left part in the
    original elements, so the earlier cut points (element, character) stay valid.
    """
    for _, child, at in sorted(cut_points(pieces, boundaries), key=lambda p: p[0], reverse=True):
        cut(child, at)


def cut(child, at: int) -> None:
    """Cut ``child``'s run so that a new run begins ``at`` characters into ``child``'s text.

    Nothing happens when the cut would leave one side without content.
    """
    run = child.getparent()
    length = len(child.text or "") if child.tag == _T else 1
    if 0 < at < length:
        child = _split_text(child, at)
    elif at >= length:
        child = child.getnext()
        if child is None:
            return
    content = [c for c in run if c.tag != _RPR]
    if not content or content[0] is child:
        return
    new_run = copy.deepcopy(run)
    for grandchild in list(new_run):
        if grandchild.tag != _RPR:
            new_run.remove(grandchild)
    moving = content[content.index(child):]
    for element in moving:
        new_run.append(element)  # lxml moves the element out of the old run
    run.addnext(new_run)


def _split_text(t, at: int):
    """Split a w:t in two at ``at``; return the new right-hand w:t (placed after the left one)."""
    text = t.text or ""
    right = copy.deepcopy(t)
    t.text = text[:at]
    right.text = text[at:]
    for element in (t, right):
        element.set(_SPACE, "preserve")
    t.addnext(right)
    return right
