"""The sentence around a finding, so that a report can show the flagged words in context."""

from __future__ import annotations

import bisect

from qa_checker.document import SourceDocument
from qa_checker.report import Excerpt
from qa_checker.splitter.spans import sentences


def excerpt(document: SourceDocument, start: int | None, end: int | None) -> Excerpt | None:
    """The sentence(s) of one line holding ``start``..``end``; None for a finding without a span.

    The excerpt stays within the line where the span starts: a span running over several lines
    (a block of prompt text, say) is shown by its first line.
    """
    if start is None or end is None or not document.blocks:
        return None
    index = bisect.bisect_right([b.start for b in document.blocks], start) - 1
    if index < 0 or start > document.blocks[index].end:
        return None
    block = document.blocks[index]
    last = max(min(end, block.end) - 1, start)
    spans = sentences(document.text, block.start, block.end)
    first_start = max((s for s, _ in spans if s <= start), default=block.start)
    last_end = min((e for _, e in spans if e > last), default=block.end)
    return Excerpt(text=document.text[first_start:last_end], start=first_start)
