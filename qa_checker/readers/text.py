"""Plain text (.txt) and Markdown (.md) recordings."""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path
from typing import Any

from qa_checker.document import Cell, DocumentBuilder, SourceDocument
from qa_checker.readers.errors import MAX_TEXT_CHARS, MAX_TEXT_FILE_BYTES, InputError

_BULLET = re.compile(r"^\s*(?:[-*+•◦▪·‣]|o(?=\s))\s+")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
# Left by some Word-to-text converters; never the writer's words.
_CONVERTER_MARKS = re.compile(r"\[bookmark: [^\]]*\]")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")

# Control characters other than line breaks, tabs and form feeds: a binary file holds many.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 text."""
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in data:
        raise InputError(f"{name}: this is not a text file (it holds binary data); save the recording as .docx or UTF-8 text")
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise InputError(f"{name}: the text is not valid {encoding.upper()}; save it again as UTF-8 text") from None
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(f"{name}: the text is in an encoding qa-checker cannot read; save it again as UTF-8 text") from None
    controls = len(_CONTROLS.findall(text))
    if controls > max(8, len(text) // 200):
        raise InputError(f"{name}: this does not look like a text recording (it holds control characters); save it as .docx or UTF-8 text")
    return text


def read_bounded(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a regular file: whatever its size says, reading stops there
    (a file that grows, or a device behind a link swapped in after the check, cannot fill memory)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise InputError(f"{path}: this is not a regular file, not a recording file; name the recording itself")
        return handle.read(limit + 1)


def read_text(path: Path, *, markdown: bool | None = None) -> SourceDocument:
    """Read a .txt or .md recording into the document model."""
    data = read_bounded(path, MAX_TEXT_FILE_BYTES)
    if len(data) > MAX_TEXT_FILE_BYTES:
        size = max(len(data), path.stat().st_size)
        raise InputError(
            f"{path}: the file is {size / 1e6:.1f} MB, far larger than a recording "
            f"(limit {MAX_TEXT_FILE_BYTES / 1e6:.0f} MB); check that this is the right file"
        )
    text = decode(data, str(path))
    if not text.strip():
        raise InputError(f"{path}: the file is empty; write the recording or remove the file from the folder")
    if markdown is None:
        markdown = path.suffix.lower() in {".md", ".markdown"}
    return parse_text(text, str(path), markdown=markdown)


def parse_text(text: str, name: str, *, markdown: bool = False) -> SourceDocument:
    """Turn decoded text into blocks, one per line (Markdown marks become block styles)."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"{name}: the recording holds more than {MAX_TEXT_CHARS:,} characters; check that this is the right file")
    builder = DocumentBuilder()
    table = -1
    row = -1
    in_table = False
    text = _CONVERTER_MARKS.sub("", text)
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    groups = [(n, line, ()) for n, line in enumerate(raw_lines, start=1)] if markdown else _paragraphs(raw_lines)
    for number, raw, breaks in groups:
        line = raw.rstrip().replace("\t", " ") if not markdown else raw.rstrip()
        style: dict[str, Any] = {"line": number}
        if markdown:
            if line.lstrip().startswith("|") and line.rstrip().endswith("|") and len(line.strip()) > 1:
                if _MD_TABLE_RULE.match(line):
                    continue
                if not in_table:
                    table += 1
                    row = -1
                    in_table = True
                row += 1
                cells = [c.strip() for c in line.strip()[1:-1].split("|")]
                for column, cell in enumerate(cells):
                    builder.add(_strip_strong(cell), cell=Cell(table, row, column), line=number)
                continue
            in_table = False
            heading = _MD_HEADING.match(line)
            if heading:
                builder.add(_strip_strong(heading.group(2)), heading_level=len(heading.group(1)), line=number)
                continue
            stripped = line.strip()
            if len(stripped) > 4 and _MD_STRONG.fullmatch(stripped):
                style["bold"] = True
            line = _strip_strong(line.lstrip(">").rstrip() if line.lstrip().startswith(">") else line)
        bullet = _BULLET.match(line)
        if bullet:
            line = line[bullet.end():]
            breaks = tuple(b - bullet.end() for b in breaks)
            style["list_item"] = True
        builder.add(line.strip() if markdown else line, line_breaks=breaks, **style)
    return builder.build(name, "markdown" if markdown else "text")


# A line that ends a paragraph or a label, and a line that starts a new one (a header or field
# label, a heading in capitals, a bullet).
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’')\]]\s*$")
_LABEL_START = re.compile(r"^\s*[A-Z][\w'’ ()/&-]{0,40}:(?:\s|$)")
_MIN_WRAPPED = 40


def _paragraphs(lines: list[str]) -> list[tuple[int, str, tuple[int, ...]]]:
    """Join hard-wrapped lines into paragraphs: (first line's number, text, where each further line
    starts in it). A line of 40 or more characters joins the next when it ends mid-sentence and the
    next starts in lower case; in a file wrapped throughout (lines broken at one width, 60-100
    characters), a line that fills the width joins the next unless that starts a label, heading or
    bullet. Lines are joined with a space where the line break was, so offsets do not move."""
    width = _wrap_width(lines)
    out: list[tuple[int, str, tuple[int, ...]]] = []
    joinable = False
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if out and joinable and _continues(out[-1][1], line, width):
            first, text, breaks = out[-1]
            out[-1] = (first, text + " " + line, (*breaks, len(text) + 1))
        else:
            out.append((number, line, ()))
        joinable = bool(line.strip())
    return out


def _wrap_width(lines: list[str]) -> int | None:
    """The width every long line is broken at, when the file is hard-wrapped throughout."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < 5:
        return None
    width = max(lengths)
    full = sum(1 for n in lengths if n >= width - 15)
    return width if 60 <= width <= 100 and full >= 5 and full >= len(lengths) / 3 else None


def _continues(previous: str, line: str, width: int | None) -> bool:
    stripped = line.strip()
    if not stripped or len(previous) < _MIN_WRAPPED or previous.strip().isupper() or previous.rstrip().endswith(":"):
        return False
    if _BULLET.match(line) or _LABEL_START.match(line) or (stripped.isupper() and len(stripped) > 3):
        return False
    if stripped[0].islower() and not _ENDS_SENTENCE.search(previous):
        return True
    return width is not None and len(previous) >= width - 15


def _strip_strong(text: str) -> str:
    return _MD_STRONG.sub(r"\2", text)
