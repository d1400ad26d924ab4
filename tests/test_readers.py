"""Readers: DOCX and text/Markdown into the same document model."""

from __future__ import annotations

import codecs

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx_builder import to_docx

from qa_checker.document import Cell
from qa_checker.readers import discover, read_document
from qa_checker.readers.docx import is_prompt_colour
from qa_checker.readers.text import parse_text


def _texts(document):
    return [b.text for b in document.blocks]


def test_docx_body_and_tables_in_document_order(tmp_path):
    doc = Document()
    doc.add_paragraph("Supervised Family Time Recording")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Child's Name"
    table.cell(0, 1).text = "Amelia (7)"
    table.cell(1, 0).text = "Date of Contact"
    table.cell(1, 1).text = "12/03/2025"
    doc.add_heading("INTRODUCTIONS", level=1)
    doc.add_paragraph("Mum arrived at 15:50.")
    path = tmp_path / "r.docx"
    doc.save(path)
    result = read_document(path)
    assert _texts(result) == [
        "Supervised Family Time Recording", "Child's Name", "Amelia (7)", "Date of Contact",
        "12/03/2025", "INTRODUCTIONS", "Mum arrived at 15:50.",
    ]
    cells = [b.cell for b in result.blocks]
    assert cells[1:5] == [Cell(0, 0, 0), Cell(0, 0, 1), Cell(0, 1, 0), Cell(0, 1, 1)]
    assert result.blocks[5].heading_level == 1
    for block in result.blocks:
        assert result.text[block.start:block.end] == block.text


def test_docx_tracked_changes_accepted_comments_and_page_furniture_ignored(tmp_path):
    path = to_docx("# INTRODUCTIONS\nMum was [del]rubbish at it[/del][ins]on time[/ins] today.", tmp_path / "t.docx")
    doc = Document(path)
    section = doc.sections[0]
    section.header.paragraphs[0].text = "OFFICIAL-SENSITIVE"
    section.footer.paragraphs[0].text = "Contact recording sheet 16.04.2020"
    paragraph = doc.paragraphs[1]
    doc.add_comment(paragraph.runs, text="Check this wording", author="Team Leader", initials="TL")
    doc.save(path)
    result = read_document(path)
    assert _texts(result) == ["INTRODUCTIONS", "Mum was on time today."]
    assert "OFFICIAL" not in result.text and "Check this wording" not in result.text


def test_docx_blue_runs_bold_and_split_runs(tmp_path):
    path = to_docx(
        "# BASIC NEEDS\n{blue}Did the parent set appropriate boundaries?{/blue} Mum {b}said{/b} {i}no{/i}.\n**What is working well?**",
        tmp_path / "b.docx",
    )
    result = read_document(path)
    line = result.blocks[1]
    assert line.text == "Did the parent set appropriate boundaries? Mum said no."
    (start, end), = line.prompt_spans
    assert result.text[start:end] == "Did the parent set appropriate boundaries?"
    assert not line.is_prompt and not line.bold
    assert result.blocks[2].bold


def test_docx_soft_breaks_outline_level_hidden_text_and_content_controls(tmp_path):
    doc = Document()
    paragraph = doc.add_paragraph("Child's Name: Amelia")
    paragraph.add_run().add_break(WD_BREAK.LINE)
    paragraph.add_run("Date of Contact: 12/03/2025")
    hidden = paragraph.add_run(" secret")
    hidden.font.hidden = True
    outlined = doc.add_paragraph("Goodbye")
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "1")
    outlined._p.get_or_add_pPr().append(outline)
    sdt = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    inner = doc.add_paragraph("Inside a content control")
    sdt.append(content)
    inner._p.addprevious(sdt)
    content.append(inner._p)
    path = tmp_path / "s.docx"
    doc.save(path)
    result = read_document(path)
    assert _texts(result) == ["Child's Name: Amelia", "Date of Contact: 12/03/2025", "Goodbye", "Inside a content control"]
    assert result.blocks[2].heading_level == 2


@pytest.mark.parametrize(("colour", "blue"), [
    ("0070C0", True), ("4472C4", True), ("0000FF", True), ("2E74B5", True),
    ("000000", False), ("FF0000", False), ("00B050", False), ("auto", False), (None, False),
])
def test_prompt_colour(colour, blue):
    assert is_prompt_colour(colour) is blue


TEXT = "Child’s Name: Amelia\nINTRODUCTIONS\nMum said “hello” – café at 16:00\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_text_encodings(tmp_path, encoding):
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert _texts(read_document(path)) == TEXT.splitlines() + [""]


def test_utf16_big_endian_with_bom(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"))
    assert _texts(read_document(path))[:3] == TEXT.splitlines()


def test_markdown_headings_bold_lists_and_tables():
    result = parse_text(
        "# Recording\n## INTRODUCTIONS\n**What is working well?**\n- Leo: 5/10\n\n| Child | Score |\n|---|---|\n| Leo | 5 |\n",
        "r.md", markdown=True,
    )
    blocks = [b for b in result.blocks if b.text]
    assert [(b.text, b.heading_level) for b in blocks[:2]] == [("Recording", 1), ("INTRODUCTIONS", 2)]
    assert blocks[2].bold and blocks[2].text == "What is working well?"
    assert blocks[3].list_item and blocks[3].text == "Leo: 5/10"
    assert [(b.text, b.cell) for b in blocks[4:]] == [
        ("Child", Cell(0, 0, 0)), ("Score", Cell(0, 0, 1)), ("Leo", Cell(0, 1, 0)), ("5", Cell(0, 1, 1)),
    ]


def test_discover_recurses_and_skips_lock_and_hidden_files(tmp_path):
    (tmp_path / "week1").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ["a.docx", "week1/b.txt", "week1/c.md", "~$a.docx", ".notes.txt", ".hidden/d.txt", "e.pdf", "week1/F.DOCX"]:
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert found == ["a.docx", "week1/b.txt", "week1/c.md", "week1/F.DOCX"]


# A reflection hard-wrapped at 72 characters, as an email export writes it (new sentences).
_WRAPPED = (
    "REFLECTION/ANALYSIS\n"
    "In my professional opinion this was a warm session. Dad read two stories\n"
    "to Leo and let him turn the pages; when Leo said \"can we do the dinosaur\n"
    "one again\", Dad read it a second time without being asked by me.\n"
    "Leo waved from the car.\n"
    "\n"
    "Time: 16:00 to 17:30\n"
)


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    document = parse_text(_WRAPPED, "wrapped.txt")
    texts = [b.text for b in document.blocks]
    paragraph = next(t for t in texts if t.startswith("In my professional"))
    assert paragraph.endswith("without being asked by me.")
    assert '"can we do the dinosaur one again"' in paragraph
    # A short line ends its paragraph; a header line is never joined to the one before.
    assert "Leo waved from the car." in texts and "Time: 16:00 to 17:30" in texts
    # Offsets still point at the file's own characters, and each block knows its first line.
    assert document.text.replace("\n", " ") == _WRAPPED.replace("\n", " ")
    block = next(b for b in document.blocks if b.text == paragraph)
    assert (block.line, document.text[block.start:block.end]) == (2, paragraph)


def test_a_line_ending_mid_sentence_joins_a_lower_case_line_in_a_file_not_wrapped_throughout():
    document = parse_text("INTRODUCTIONS\nDad brought a snack, a new drawing book and\nsome juice for Leo.\nLeo ate it all.",
                          "short.txt")
    assert [b.text for b in document.blocks] == [
        "INTRODUCTIONS", "Dad brought a snack, a new drawing book and some juice for Leo.", "Leo ate it all."]


def test_findings_in_a_wrapped_paragraph_keep_their_own_line_and_column(tmp_path):
    from qa_checker import check_file

    path = tmp_path / "wrapped.txt"
    path.write_text(_WRAPPED.replace("without being asked by me.", "without being asked by me. Dad was\n"
                                     "fantastic with him at every point of the session and at the end."), encoding="utf-8")
    report = check_file(path)
    found = [(f.rule, f.line, f.column, f.end_line, f.end_column) for f in report.findings if f.text and "fantastic" in f.text]
    # "Dad was" ends line 4 (column 66); the sentence ends on line 5.
    assert found == [("P02", 4, 66, 5, 65)]
