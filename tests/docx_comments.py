"""Read back the comments of a .docx with the text each is anchored on (for the annotation tests)."""

from __future__ import annotations

from docx import Document
from docx.oxml.ns import qn

_TEXT = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}


def anchored_comments(path) -> list[tuple[str, str, str]]:
    """(author, comment text, anchored text) for each comment, in the order of its range start.

    The anchored text is every visible character between the comment's ``w:commentRangeStart``
    and ``w:commentRangeEnd`` in document.xml (deleted text left out, paragraphs joined by
    a line break), read with python-docx and lxml only.
    """
    document = Document(str(path))
    comments = {c.comment_id: c for c in document.comments}
    open_ranges: dict[int, list[str]] = {}
    order: list[int] = []
    anchored: dict[int, str] = {}
    for element in document.element.body.iter():
        tag = element.tag
        if tag == qn("w:commentRangeStart"):
            cid = int(element.get(qn("w:id")))
            open_ranges[cid] = []
            order.append(cid)
        elif tag == qn("w:commentRangeEnd"):
            cid = int(element.get(qn("w:id")))
            anchored[cid] = "".join(open_ranges.pop(cid)).strip("\n")
        elif tag == qn("w:p") and open_ranges:
            for parts in open_ranges.values():
                if parts:
                    parts.append("\n")
        elif tag in _TEXT and _visible(element):
            piece = element.text or "" if _TEXT[tag] is None else _TEXT[tag]
            for parts in open_ranges.values():
                parts.append(piece)
    return [(comments[c].author, comments[c].text, anchored[c]) for c in order]


def _visible(element) -> bool:
    return not any(a.tag in (qn("w:del"), qn("w:moveFrom")) for a in element.iterancestors())
