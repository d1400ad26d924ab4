"""Small helpers on (start, end) character spans."""

from __future__ import annotations

import re
from collections.abc import Iterable

Span = tuple[int, int]
_SENTENCE_END = re.compile(r"(?<=[.?!…])[\"”’')\]]*\s+")


def merge(spans: Iterable[Span]) -> list[Span]:
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def subtract(span: Span, holes: list[Span]) -> list[Span]:
    """``span`` minus every hole (holes sorted and merged)."""
    start, end = span
    out = []
    for h_start, h_end in holes:
        if h_end <= start or h_start >= end:
            continue
        if h_start > start:
            out.append((start, h_start))
        start = max(start, h_end)
    if start < end:
        out.append((start, end))
    return out


def trim(text: str, span: Span) -> Span | None:
    """Shrink a span to drop surrounding whitespace and stray punctuation; None if nothing is left."""
    start, end = span
    while start < end and (text[start].isspace() or text[start] in "-–—:;,.•*|"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end


def sentences(text: str, start: int, end: int) -> list[Span]:
    """Rough sentence spans of ``text[start:end]`` (enough to match template prompts)."""
    out = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        out.append((cursor, match.start()))
        cursor = match.end()
    out.append((cursor, end))
    stripped = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            stripped.append((s, e))
    return stripped
