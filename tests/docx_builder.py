"""Build DOCX (and matching text) recordings in tests, so a test shows exactly what a document holds.

A spec is plain text with a little markup, rendered two ways:

- ``# INTRODUCTIONS``          a section heading: Word "Heading 1" / a capitalised line in text
- ``**What is working well?**``  a bold paragraph / a plain line
- ``{blue}...{/blue}``        runs in the template's prompt blue / plain text
- ``{b}...{/b}``, ``{i}...{/i}``  bold or italic runs inside a sentence / plain text
- ``[ins]...[/ins]``, ``[del]...[/del]``  tracked insertion / deletion (text keeps ins, drops del)
- ``Label: value`` lines before the first heading become a two-column Word table.
- ``| a | b | c |`` lines after the first heading: a Word table, one row a line (consecutive
  lines make one table; an empty cell stays empty) / the same lines as text.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor

BLUE = RGBColor(0x00, 0x70, 0xC0)
_TOKEN = re.compile(r"(\{blue\}|\{/blue\}|\{b\}|\{/b\}|\{i\}|\{/i\}|\[ins\]|\[/ins\]|\[del\]|\[/del\])")
_HEADER_LINE = re.compile(r"^([A-Z][A-Za-z'’ ()]+?):\s*(.*)$")


def to_text(spec: str) -> str:
    """The spec as a writer's plain-text recording."""
    lines = []
    for line in spec.strip("\n").splitlines():
        if line.startswith("# "):
            line = line[2:].upper()
        line = line.replace("**", "")
        line = re.sub(r"\[del\].*?\[/del\]", "", line)
        line = _TOKEN.sub("", line)
        lines.append(line)
    return "\n".join(lines) + "\n"


def _runs(paragraph, text: str) -> None:
    blue = bold = italic = False
    change = None
    for piece in _TOKEN.split(text):
        if piece in ("{blue}", "{/blue}"):
            blue = piece == "{blue}"
        elif piece in ("{b}", "{/b}"):
            bold = piece == "{b}"
        elif piece in ("{i}", "{/i}"):
            italic = piece == "{i}"
        elif piece in ("[ins]", "[del]"):
            change = piece[1:-1]
        elif piece in ("[/ins]", "[/del]"):
            change = None
        elif piece:
            run = paragraph.add_run(piece)
            run.bold = bold or None
            run.italic = italic or None
            if blue:
                run.font.color.rgb = BLUE
            if change:
                _track(paragraph, run, change)


def _track(paragraph, run, kind: str) -> None:
    wrapper = OxmlElement(f"w:{kind}")
    wrapper.set(qn("w:id"), str(id(run) % 100000))
    wrapper.set(qn("w:author"), "Team Leader")
    wrapper.set(qn("w:date"), "2025-03-13T09:00:00Z")
    run._r.addprevious(wrapper)
    wrapper.append(run._r)
    if kind == "del":
        for t in run._r.findall(qn("w:t")):
            t.tag = qn("w:delText")


def to_docx(spec: str, path: Path, *, header_table: bool = True) -> Path:
    """The spec as a Word document built the way Word users build them."""
    document = Document()
    lines = spec.strip("\n").splitlines()
    first_heading = next((i for i, line in enumerate(lines) if line.startswith("# ")), len(lines))
    header = [(i, _HEADER_LINE.match(line)) for i, line in enumerate(lines[:first_heading])]
    table_rows = [m for _, m in header if m] if header_table else []
    if table_rows:
        table = document.add_table(rows=len(table_rows), cols=2)
        for row, match in zip(table.rows, table_rows):
            row.cells[0].text = match.group(1)
            _runs(row.cells[1].paragraphs[0], match.group(2))
    body_table: list[str] = []
    for index, line in enumerate(lines):
        if table_rows and index < first_heading and _HEADER_LINE.match(line):
            continue
        if index >= first_heading and line.startswith("|"):
            body_table.append(line)
            continue
        if body_table:
            _table(document, body_table)
            body_table = []
        if line.startswith("# "):
            document.add_heading(line[2:], level=1)
        elif line.startswith("**") and line.endswith("**"):
            document.add_paragraph().add_run(line.strip("*")).bold = True
        else:
            _runs(document.add_paragraph(), line)
    if body_table:
        _table(document, body_table)
    document.save(path)
    return path


def _table(document, lines: list[str]) -> None:
    """A Word table from '| a | b |' lines."""
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in lines]
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            _runs(cell.paragraphs[0], value)
