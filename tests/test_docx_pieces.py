"""The DOCX reader can say which run produced each character (what the annotations build on)."""

from __future__ import annotations

import pytest
from conftest import SAMPLES
from docx.oxml.ns import qn
from docx_builder import to_docx

from qa_checker.readers.docx import open_docx, read_docx, walk_document

_ONE_CHAR = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:noBreakHyphen"): "-"}


def _piece_text(piece) -> str:
    if piece.child.tag == qn("w:t"):
        return (piece.child.text or "")[piece.offset:piece.offset + piece.end - piece.start]
    return _ONE_CHAR[piece.child.tag]


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.docx")))
def test_pieces_rebuild_every_line_of_the_samples(name):
    path = SAMPLES / name
    lines = []
    document = walk_document(open_docx(path), str(path), lambda block, pieces: lines.append((block, pieces)))
    assert document == read_docx(path)  # recording the pieces does not change what is read
    assert [block for block, _ in lines] == list(document.blocks)
    for block, pieces in lines:
        assert "".join(_piece_text(p) for p in pieces) == block.text
        assert all(p.child.getparent() is p.run and p.run.tag == qn("w:r") for p in pieces)
        assert [(p.start, p.end) for p in pieces] == sorted((p.start, p.end) for p in pieces)


def test_a_soft_break_inside_one_text_element_gives_two_pieces(tmp_path):
    path = to_docx("# INTRODUCTIONS\nplaceholder", tmp_path / "b.docx")
    document = open_docx(path)
    paragraph = document.paragraphs[-1]
    paragraph.runs[0]._r.find(qn("w:t")).text = "Mum arrived.\nShe waved."
    lines = []
    walk_document(document, "b.docx", lambda block, pieces: lines.append((block.text, [(p.offset, _piece_text(p)) for p in pieces])))
    assert lines[-2:] == [("Mum arrived.", [(0, "Mum arrived.")]), ("She waved.", [(13, "She waved.")])]
