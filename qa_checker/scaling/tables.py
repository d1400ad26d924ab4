"""Scaling tables: Word (or Markdown) table cells, or text lines split by "|" (a table pasted as
text), read into rows of cells with what each column holds."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa_checker.document import Block
from qa_checker.scaling.cues import Columns
from qa_checker.splitter.model import Recording, Section

_RULE = re.compile(r"^\s*:?-{2,}:?\s*$")
_BARE_SCORE = re.compile(r"^\s*-?\d{1,2}(?:\.5)?\s*(?:/\s*10)?\s*$")
_POSITIONS = ("subject", "score", "reason", "next_step")


@dataclass(frozen=True)
class TableCell:
    start: int
    end: int
    text: str
    kind: str | None


@dataclass(frozen=True)
class Row:
    start: int
    end: int
    cells: tuple[TableCell, ...]

    def of_kind(self, kind: str) -> list[TableCell]:
        return [c for c in self.cells if c.kind == kind]


def find_tables(recording: Recording, section: Section, columns: Columns) -> list[list[Row]]:
    """The section's tables as rows of typed cells (the header row, if any, left out)."""
    blocks = [b for b in recording.document.blocks if b.start >= section.start and b.end <= section.end]
    grids = _word_tables(blocks) + _pipe_tables(blocks)
    return [_typed(grid, columns) for grid in grids if len(grid) >= 1]


Grid = list[list[tuple[int, int, str]]]


def _word_tables(blocks: list[Block]) -> list[Grid]:
    cells: dict[tuple[int, int, int], list[Block]] = {}
    for block in blocks:
        if block.cell is not None:
            cells.setdefault((block.cell.table, block.cell.row, block.cell.column), []).append(block)
    grids: dict[int, dict[int, list[tuple[int, int, str]]]] = {}
    for (table, row, _column), parts in sorted(cells.items()):
        text = "\n".join(p.text for p in parts)
        grids.setdefault(table, {}).setdefault(row, []).append((parts[0].start, parts[-1].end, text))
    return [[grid[row] for row in sorted(grid)] for _, grid in sorted(grids.items())]


def _pipe_tables(blocks: list[Block]) -> list[Grid]:
    grids: Grid = []
    out: list[Grid] = []
    previous = None
    for block in blocks:
        row = _pipe_row(block) if block.cell is None else None
        if row is None:
            previous = None
            continue
        if previous is None:
            grids = []
            out.append(grids)
        if not all(_RULE.match(text) or not text for _, _, text in row):
            grids.append(row)
        previous = block
    return [grid for grid in out if grid]


def _pipe_row(block: Block) -> list[tuple[int, int, str]] | None:
    """'Overall | 6 | Mum was warm... | Mum to...' as cells with offsets; None for other lines."""
    text = block.text
    if text.count("|") < 2 and not (text.count("|") == 1 and text.strip().endswith("|")):
        return None
    out, cursor = [], 0
    pieces = text.split("|")
    for number, piece in enumerate(pieces):
        start = block.start + cursor
        cursor += len(piece) + 1
        edge = number in (0, len(pieces) - 1) and not piece.strip()
        if not edge:
            lead = len(piece) - len(piece.lstrip())
            out.append((start + lead, start + lead + len(piece.strip()), piece.strip()))
    return out if len(out) >= 2 else None


def _typed(grid: Grid, columns: Columns) -> list[Row]:
    header = grid[0]
    kinds = [columns.kind(text) for _, _, text in header]
    has_header = any(k in ("score", "reason", "next_step") for k in kinds) and not any(
        _BARE_SCORE.match(text) for _, _, text in header)
    if has_header:
        kinds = [k or ("subject" if i == 0 else None) for i, k in enumerate(kinds)]
        body = grid[1:]
    else:
        kinds = list(_POSITIONS)
        body = grid
    rows = []
    for cells in body:
        typed = tuple(TableCell(s, e, t, kinds[i] if i < len(kinds) else None) for i, (s, e, t) in enumerate(cells))
        rows.append(Row(cells[0][0], cells[-1][1], typed))
    return rows
