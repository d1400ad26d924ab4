"""Word (.docx) recordings, read through python-docx.

Body paragraphs and tables in document order (content controls opened), tracked changes
accepted (inserted text in, deleted text out), hidden text, text boxes, page headers,
footers and comments left out of the text. A soft line break starts a new block. Comments
are kept beside the text with the offsets of the words they are anchored on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from qa_checker.document import Block, Cell, DocumentBuilder, SourceDocument
from qa_checker.readers.docx_comments import MARK_TAGS, Anchors, Mark, read_comments
from qa_checker.readers.entities import TooLong, resolve_entities
from qa_checker.readers.errors import MAX_TEXT_CHARS, InputError, Malformed, damaged, too_many_characters, whole_number
from qa_checker.readers.package import check_package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# Runs, and the comment anchors between them, in document order (an XPath union keeps it).
_RUNS = etree.XPath(
    ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom) "
    "and not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback)]"
    " | .//w:commentRangeStart[not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback)]"
    " | .//w:commentRangeEnd[not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback)]",
    namespaces={"w": W, "mc": MC},
)


@dataclass(frozen=True)
class _Style:
    name: str
    bold: bool | None
    colour: str | None
    outline: int | None
    based_on: str | None


@dataclass(frozen=True)
class Piece:
    """Where some characters of the text came from: ``child`` (a w:t, w:tab...) of the w:r ``run``.

    ``start``/``end`` are offsets into :attr:`SourceDocument.text`; ``offset`` is where the
    piece begins in the child's own text (a w:t holding a line break gives two pieces).
    """

    start: int
    end: int
    run: object
    child: object
    offset: int = 0


LineCallback = Callable[[Block, list[Piece]], None]


def is_prompt_colour(hex_colour: str | None) -> bool:
    """The template's prompts are blue (0070C0, 4472C4, 0000FF...): blue clearly dominant."""
    if not hex_colour or len(hex_colour) != 6:
        return False
    try:
        r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return b >= 0x80 and b - max(r, g) >= 0x40


def read_docx(path: Path) -> SourceDocument:
    """Read a .docx recording into the document model."""
    document = open_docx(path)  # python-docx is imported there, so text-only runs never pay for it
    return walk_document(document, str(path))


def open_docx(path: Path):
    """Open a .docx with python-docx (read only), with the same checks and messages as reading it.

    Entity references are resolved in the loaded parts (so the text after one is read, and a
    copy saved from it needs no DTD)."""
    check_package(path)
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx/lxml raise many types for a damaged package
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: the Word file is damaged and cannot be read ({reason}); open it in Word and save it again") from None
    try:
        resolve_entities(document)
    except Malformed as exc:
        raise damaged(str(path), str(exc)) from None
    except TooLong:
        raise too_many_characters(str(path)) from None
    return document


def walk_document(document, name: str, on_line: LineCallback | None = None) -> SourceDocument:
    """Read an opened python-docx document into the document model.

    ``on_line(block, pieces)`` is called for every line with the :class:`Piece` objects that
    produced its text, so that offsets can be traced back to the runs (for annotations).
    """
    try:
        styles = _read_styles(document)
        builder = DocumentBuilder()
        walker = _Walker(builder, styles, on_line, _part_name(document.part))
        if document.element.tag != _w("document"):
            raise Malformed(f"{_part_name(document.part)} does not hold a Word document (its root element is another)")
        if document.element.body is None:
            raise Malformed(f"{_part_name(document.part)} has no body (w:body)")
        walker.block_items(document.element.body)
        if builder.size > MAX_TEXT_CHARS:
            raise too_many_characters(name)
        comments = read_comments(document, walker.anchors)
    except Malformed as exc:
        raise damaged(name, str(exc)) from None
    result = builder.build(name, "docx", comments)
    if not result.text.strip():
        raise InputError(f"{name}: the document has no text; write the recording or remove the file from the folder")
    return result


def _on(element) -> bool | None:
    if element is None:
        return None
    return element.get(_w("val"), "true").lower() not in {"0", "false", "off", "none"}


def _part_name(part) -> str:
    return str(part.partname).lstrip("/")


def _outline(element, part: str) -> int | None:
    """A w:outlineLvl's level (None without one, or without its value)."""
    if element is None or element.get(_w("val")) is None:
        return None
    return whole_number(element.get(_w("val")), part, "an outline level (w:outlineLvl)")


def _read_styles(document) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    try:
        styles_part = document.part._styles_part  # python-docx makes a default one when there is none
        root = styles_part.element
    except Exception:  # a styles part python-docx cannot load is read as none
        return styles
    part = _part_name(styles_part)
    for style in root.findall(_w("style")):
        style_id = style.get(_w("styleId"))
        if not style_id:
            continue
        name_el = style.find(_w("name"))
        rpr = style.find(_w("rPr"))
        ppr = style.find(_w("pPr"))
        colour = rpr.find(_w("color")) if rpr is not None else None
        outline = ppr.find(_w("outlineLvl")) if ppr is not None else None
        based = style.find(_w("basedOn"))
        styles[style_id] = _Style(
            name=name_el.get(_w("val"), style_id) if name_el is not None else style_id,
            bold=_on(rpr.find(_w("b"))) if rpr is not None else None,
            colour=colour.get(_w("val")) if colour is not None else None,
            outline=_outline(outline, part),
            based_on=based.get(_w("val")) if based is not None else None,
        )
    return styles


class _Walker:
    """Walks the body in document order, appending one block per line."""

    def __init__(self, builder: DocumentBuilder, styles: dict[str, _Style], on_line: LineCallback | None = None,
                 part: str = "word/document.xml") -> None:
        self.builder = builder
        self.part = part
        self.styles = styles
        self.tables = 0
        self.on_line = on_line
        self.anchors = Anchors()

    def _style_attr(self, style_id: str | None, attr: str):
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            value = getattr(self.styles[style_id], attr)
            if value is not None:
                return value
            style_id = self.styles[style_id].based_on
        return None

    def block_items(self, parent, cell: Cell | None = None) -> None:
        for child in parent:
            if child.tag == _w("p"):
                self.paragraph(child, cell)
            elif child.tag == _w("tbl"):
                self.table(child)
            elif child.tag in (_w("sdt"), _w("customXml")):
                content = child.find(_w("sdtContent"))
                self.block_items(content if content is not None else child, cell)
            elif child.tag in MARK_TAGS:  # a comment range that starts or ends between paragraphs
                self.anchors.record(Mark.of(child), self.builder.size)

    def table(self, tbl) -> None:
        index = self.tables
        self.tables += 1
        rows = [r for r in tbl.iter(_w("tr")) if r.getparent() is tbl or r.getparent().tag == _w("sdtContent")]
        for row_index, row in enumerate(rows):
            column = 0
            for tc in row.findall(f"{{{W}}}tc") + row.findall(f".//{{{W}}}sdtContent/{{{W}}}tc"):
                tcpr = tc.find(_w("tcPr"))
                span = 1
                if tcpr is not None:
                    grid = tcpr.find(_w("gridSpan"))
                    if grid is not None and grid.get(_w("val")) is not None:
                        span = whole_number(grid.get(_w("val")), self.part, "a table cell span (w:gridSpan)")
                    merge = tcpr.find(_w("vMerge"))
                    if merge is not None and merge.get(_w("val"), "continue") == "continue":
                        column += span
                        continue
                self.block_items(tc, Cell(index, row_index, column))
                column += span

    def paragraph(self, p, cell: Cell | None) -> None:
        ppr = p.find(_w("pPr"))
        style_id = None
        level = None
        list_item = False
        if ppr is not None:
            pstyle = ppr.find(_w("pStyle"))
            style_id = pstyle.get(_w("val")) if pstyle is not None else None
            level = _outline(ppr.find(_w("outlineLvl")), self.part)
            list_item = ppr.find(_w("numPr")) is not None
        if level is None:
            level = self._style_attr(style_id, "outline")
        style_name = self.styles[style_id].name if style_id in self.styles else ""
        heading = _HEADING_NAME.match(style_name)
        heading_level = int(heading.group(1)) if heading else (level + 1 if level is not None and level < 9 else None)
        list_item = list_item or style_name.lower().startswith("list")
        para_bold = bool(self._style_attr(style_id, "bold"))
        para_colour = None if heading_level else self._style_attr(style_id, "colour")
        segments = list(self._segments(p, para_bold, para_colour))
        for text, prompt_ranges, bold, origins, marks in _split_lines(segments):
            block = self.builder.add(
                text, prompt_ranges=prompt_ranges, heading_level=heading_level,
                bold=bold, cell=cell, list_item=list_item,
            )
            for mark, offset in marks:
                self.anchors.record(mark, block.start + offset)
            if self.on_line:
                self.on_line(block, [Piece(block.start + s, block.start + e, *origin) for s, e, *origin in origins])

    def _segments(self, p, para_bold: bool, para_colour: str | None):
        """Yield (text, bold, prompt, run, child) for each piece of visible text in the paragraph,
        and a :class:`Mark` for each comment anchor."""
        for run in _RUNS(p):
            if run.tag != _w("r"):
                yield Mark.of(run)
                continue
            rpr = run.find(_w("rPr"))
            bold = para_bold
            colour = para_colour
            if rpr is not None:
                if _on(rpr.find(_w("vanish"))):
                    continue
                rstyle = rpr.find(_w("rStyle"))
                rstyle_id = rstyle.get(_w("val")) if rstyle is not None else None
                style_bold = self._style_attr(rstyle_id, "bold")
                style_colour = self._style_attr(rstyle_id, "colour")
                own_bold = _on(rpr.find(_w("b")))
                bold = own_bold if own_bold is not None else (style_bold if style_bold is not None else para_bold)
                own_colour = rpr.find(_w("color"))
                colour = own_colour.get(_w("val")) if own_colour is not None else (style_colour or para_colour)
            prompt = is_prompt_colour(colour)
            for child in run:
                tag = child.tag
                if tag == _w("t"):
                    yield child.text or "", bold, prompt, run, child
                elif tag in (_w("tab"), _w("ptab")):
                    yield "\t", bold, prompt, run, child
                elif tag in (_w("br"), _w("cr")):
                    yield "\n", bold, prompt, run, child
                elif tag == _w("noBreakHyphen"):
                    yield "-", bold, prompt, run, child
                elif tag == _w("commentReference"):
                    yield Mark.of(child)


def _split_lines(segments):
    """Group segments into lines at soft breaks: (text, prompt ranges, all-bold, origins, marks).

    ``origins`` are (start, end, run, child, offset in the child's text) for each piece of the line;
    ``marks`` are (comment Mark, offset in the line).
    """
    lines = [[]]
    for segment in segments:
        if isinstance(segment, Mark):
            lines[-1].append(segment)
            continue
        text, bold, prompt, run, child = segment
        offset = 0
        for i, piece in enumerate(text.split("\n")):
            if i:
                lines.append([])
            if piece:
                lines[-1].append((piece, bold, prompt, (run, child, offset)))
            offset += len(piece) + 1
    for line in lines:
        text = ""
        ranges = []
        origins = []
        marks = []
        visible_bold = True
        for item in line:
            if isinstance(item, Mark):
                marks.append((item, len(text)))
                continue
            piece, bold, prompt, origin = item
            if prompt:
                ranges.append((len(text), len(text) + len(piece)))
            if piece.strip() and not bold:
                visible_bold = False
            origins.append((len(text), len(text) + len(piece), *origin))
            text += piece
        yield text, _merge(ranges), visible_bold and bool(text.strip()), origins, marks


def _merge(ranges):
    merged = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
