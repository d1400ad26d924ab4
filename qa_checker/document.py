"""The document model every reader produces: plain text plus one block per line of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Cell:
    """Where a block sits in a Word table."""

    table: int
    row: int
    column: int


@dataclass(frozen=True)
class Block:
    """One line of the extracted text (a paragraph, or a line of one split by a soft break).

    ``start``/``end`` are character offsets into :attr:`SourceDocument.text`.
    ``prompt_spans`` are the offsets of text in the template's prompt colour (blue).
    """

    start: int
    end: int
    text: str
    heading_level: int | None = None
    bold: bool = False
    cell: Cell | None = None
    list_item: bool = False
    prompt_spans: tuple[tuple[int, int], ...] = ()
    # The line of a text or Markdown file this block came from (1-based); None for Word.
    line: int | None = None
    # Where each further line of a hard-wrapped paragraph starts (offsets into the text, after ``start``).
    line_starts: tuple[int, ...] = ()

    @property
    def is_prompt(self) -> bool:
        """True when every non-blank character is in the prompt colour."""
        covered = sum(e - s for s, e in self.prompt_spans)
        return bool(self.text.strip()) and covered >= len(self.text.strip())


@dataclass(frozen=True)
class Comment:
    """A Word comment and the text it is anchored on (``start``/``end`` offsets into the text).

    A comment anchored on a point (no range) has ``start == end``.
    """

    start: int
    end: int
    text: str
    author: str = ""


@dataclass(frozen=True)
class SourceDocument:
    path: str
    format: str
    text: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    # Word comments; they never add to ``text``. Text and Markdown recordings have none.
    comments: tuple[Comment, ...] = ()


class DocumentBuilder:
    """Accumulates lines into text and blocks, keeping offsets right."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []

    def add(self, text: str, *, prompt_ranges: Sequence[tuple[int, int]] = (), line_breaks: Sequence[int] = (),
            **style: Any) -> Block:
        """Append one line; ``prompt_ranges`` are offsets within ``text``, ``line_breaks`` where each
        further source line of a joined paragraph starts within it."""
        if self._parts:
            self._parts.append("\n")
            self._length += 1
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        spans = tuple((start + s, start + e) for s, e in prompt_ranges if e > s)
        block = Block(start=start, end=self._length, text=text, prompt_spans=spans,
                      line_starts=tuple(start + b for b in line_breaks), **style)
        self.blocks.append(block)
        return block

    @property
    def size(self) -> int:
        return self._length

    def build(self, path: str, fmt: str, comments: tuple[Comment, ...] = ()) -> SourceDocument:
        return SourceDocument(
            path=path, format=fmt, text="".join(self._parts), blocks=tuple(self.blocks), comments=comments,
        )
