"""The annotated copy opens in LibreOffice: it converts to PDF, and a round trip keeps every comment.

Runs where LibreOffice is installed (``.ci/run`` installs Debian's libreoffice-writer); skipped,
saying so, where it is not.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import GOOD_SPEC, TODAY, apply_edits
from docx_builder import to_docx
from docx_comments import anchored_comments
from test_annotate import SPLIT_RUNS, _without_goodbye

from qa_checker.annotate import annotate_file

LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    LIBREOFFICE is None,
    reason="LibreOffice is not installed: apt-get install --no-install-recommends libreoffice-writer (.ci/run does)",
)


def _convert(source, target_format: str, outdir, profile) -> None:
    # A profile of its own, so a LibreOffice the user has open (or another test) cannot interfere.
    subprocess.run(
        [LIBREOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", target_format, "--outdir", str(outdir), str(source)],
        check=True, capture_output=True, timeout=180,
    )


def test_libreoffice_opens_the_annotated_copy_and_keeps_its_comments(tmp_path):
    draft = to_docx(_without_goodbye(apply_edits(GOOD_SPEC, SPLIT_RUNS)), tmp_path / "draft.docx", header_table=False)
    copy = annotate_file(draft, today=TODAY).output
    profile = tmp_path / "profile"
    _convert(copy, 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', tmp_path / "pdf", profile)
    pdf = (tmp_path / "pdf" / "draft.checked.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and re.search(rb"/Type\s*/Page\b", pdf)
    # LibreOffice exports each comment it read as a PDF note, its text in UTF-16.
    notes = [bytes.fromhex(h.decode()).decode("utf-16") for h in re.findall(rb"/Contents\s*<(FEFF[0-9A-Fa-f]*)>", pdf)]
    assert sorted(notes) == sorted(text for _, text, _ in anchored_comments(copy))
    _convert(copy, "docx:MS Word 2007 XML", tmp_path / "again", profile)
    again = anchored_comments(tmp_path / "again" / "draft.checked.docx")
    assert again == anchored_comments(copy)
    assert [anchored for _, _, anchored in again] == [
        "Child's Name: Amelia Smith (7) and Jayden Smith (4)", "31/02/2025",
        "Did the parent set appropriate boundaries?", "EMOTIONAL WARMTH", "……",
    ]


def test_libreoffice_opens_the_annotated_copy_of_a_draft_with_an_entity_reference(tmp_path):
    from hostile_docx import rewrite_part, with_entity

    plain = to_docx(apply_edits(GOOD_SPEC, [["Time: 16:00 to 17:30", "Time: 17:00 to 16:00"]]), tmp_path / "plain.docx")
    draft = rewrite_part(plain, tmp_path / "entity.docx", "word/document.xml", lambda x: with_entity(x, "who", "Sarah"))
    copy = annotate_file(draft, today=TODAY).output
    _convert(copy, "docx:MS Word 2007 XML", tmp_path / "again", tmp_path / "profile")
    again = anchored_comments(tmp_path / "again" / "entity.checked.docx")
    assert again == anchored_comments(copy) and [anchored for _, _, anchored in again] == ["17:00 to 16:00"]
