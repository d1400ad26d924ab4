"""Word comments: where each one is anchored in the extracted text, and what it says.

The walker in :mod:`qa_checker.readers.docx` records the text offset at which it meets each
``commentRangeStart``, ``commentRangeEnd`` and ``commentReference``; this module turns those
marks and the comments part into :class:`~qa_checker.document.Comment` values. Comments never
add to the extracted text (a reviewer's note is not the writer's record).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qa_checker.document import Comment
from qa_checker.readers.errors import Malformed, whole_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MARK_TAGS = {
    f"{{{W}}}commentRangeStart": "start",
    f"{{{W}}}commentRangeEnd": "end",
    f"{{{W}}}commentReference": "reference",
}


@dataclass(frozen=True)
class Mark:
    """A comment anchor met while walking a paragraph (it holds no text)."""

    kind: str  # "start", "end" or "reference"
    comment_id: str

    @classmethod
    def of(cls, element) -> Mark:
        return cls(MARK_TAGS[element.tag], element.get(f"{{{W}}}id", ""))


@dataclass
class Anchors:
    """Text offsets of each comment's marks, by comment id (the first of each kind wins)."""

    offsets: dict[str, dict[str, int]] = field(default_factory=lambda: {"start": {}, "end": {}, "reference": {}})

    def record(self, mark: Mark, offset: int) -> None:
        self.offsets[mark.kind].setdefault(mark.comment_id, offset)

    def span(self, comment_id: str) -> tuple[int, int] | None:
        """The anchored range; a comment with only a reference mark is anchored on a point."""
        start = self.offsets["start"].get(comment_id)
        end = self.offsets["end"].get(comment_id)
        point = self.offsets["reference"].get(comment_id)
        if start is None and end is None:
            return (point, point) if point is not None else None
        first = start if start is not None else end
        last = end if end is not None else (point if point is not None else first)
        assert first is not None and last is not None  # one of start and end is set
        return (min(first, last), max(first, last))


def read_comments(document, anchors: Anchors) -> tuple[Comment, ...]:
    """The document's comments that are anchored in the body, in order of their anchors."""
    if not any(anchors.offsets.values()):
        return ()  # no anchors: do not make python-docx create an empty comments part
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        part = document.part.part_related_by(RELATIONSHIP_TYPE.COMMENTS)
    except KeyError:  # anchors without a comments part: nothing to keep
        return ()
    name = str(part.partname).lstrip("/")
    root = getattr(part, "element", None)
    if root is None or root.tag != f"{{{W}}}comments":
        raise Malformed(f"{name} does not hold comments (its content type or its root element is another)")
    for element in root.iterchildren(f"{{{W}}}comment"):
        whole_number(element.get(f"{{{W}}}id") or "", name, "a comment id (w:id)")
    found = []
    for comment in document.comments:
        span = anchors.span(str(comment.comment_id))
        if span is None:
            continue
        try:
            text, author = comment.text or "", comment.author or ""
        except Exception as exc:  # python-docx raises its own types for a required attribute left out
            raise Malformed(f"{name} has a comment that cannot be read ({type(exc).__name__})") from None
        found.append(Comment(start=span[0], end=span[1], text=text, author=author))
    return tuple(sorted(found, key=lambda c: (c.start, c.end, c.text)))
