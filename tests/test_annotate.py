"""Annotated copies: each finding a Word comment on exactly its words, or a note in a Markdown copy."""

from __future__ import annotations

import hashlib

import pytest
from conftest import GOOD_SPEC, TODAY, apply_edits, build
from docx import Document
from docx.oxml.ns import qn
from docx_builder import to_docx
from docx_comments import anchored_comments

from qa_checker.annotate import AnnotateError, annotate_file, default_output
from qa_checker.annotate.word import annotate_docx
from qa_checker.readers import InputError, read_document
from qa_checker.report import Finding, Report, Severity
from qa_checker.splitter import split
from qa_checker.template import load_template

# Flagged words that start or end inside runs: bold, italic and blue pieces of one sentence.
SPLIT_RUNS = [
    ["Date of Contact: 12/03/2025", "Date of Contact: 31/{b}02{/b}/2025"],
    ["I will tell the social worker, Priya Khan, about", "I will tell the {i}social worker, …{/i}…, about"],
    ["At 16:30 Sarah gave the children",
     "{blue}Did the parent set {b}appropriate{/b} boundaries?{/blue} At 16:30 Sarah gave the children"],
    ["**What are you worried about?**\nAmelia asked twice when she could go home with Mum and Sarah did not answer her.\n", ""],
]


def _without_goodbye(spec: str) -> str:
    before, rest = spec.split("# GOODBYE\n")
    return before + "# WHAT NEEDS TO HAPPEN?" + rest.split("# WHAT NEEDS TO HAPPEN?")[1]


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _formatted_characters(path) -> list[tuple[str, bool, bool, str | None, bool]]:
    """Every visible character of the body with its run's bold, italic, colour and tracked insertion."""
    body = Document(str(path)).element.body
    out = []
    for run in body.iter(qn("w:r")):
        if any(a.tag == qn("w:del") for a in run.iterancestors()):
            continue
        rpr = run.find(qn("w:rPr"))
        bold = rpr is not None and rpr.find(qn("w:b")) is not None
        italic = rpr is not None and rpr.find(qn("w:i")) is not None
        colour = rpr.find(qn("w:color")).get(qn("w:val")) if rpr is not None and rpr.find(qn("w:color")) is not None else None
        inserted = any(a.tag == qn("w:ins") for a in run.iterancestors())
        for t in run.findall(qn("w:t")):
            out.extend((char, bold, italic, colour, inserted) for char in t.text or "")
    return out


def test_each_finding_is_one_comment_on_exactly_its_words(tmp_path):
    draft = to_docx(_without_goodbye(apply_edits(GOOD_SPEC, SPLIT_RUNS)), tmp_path / "draft.docx", header_table=False)
    before = _sha(draft)
    result = annotate_file(draft, today=TODAY)
    assert result.output == tmp_path / "draft.checked.docx"
    assert result.notes == len(result.report.findings) == 5
    assert _sha(draft) == before
    assert anchored_comments(result.output) == [
        ("qa-checker", "S01 missing-section (error)\nThe 'Goodbye' section is missing. Add a heading 'Goodbye' "
         "and under it describe how the session ended and how the child and parent managed the goodbye.",
         "Child's Name: Amelia Smith (7) and Jayden Smith (4)"),
        ("qa-checker", "H02 invalid-date (error)\nThe Date of Contact is not right: '31/02/2025' is not a real "
         "date. Check the date in your diary and correct it.", "31/02/2025"),
        ("qa-checker", "S03 prompt-left-in (warning)\nThe template's prompt text is still here. Delete the prompts "
         "before submitting so that only your own record remains.", "Did the parent set appropriate boundaries?"),
        ("qa-checker", "W02 missing-worried-about (error)\nEMOTIONAL WARMTH has no 'What are you worried about?' "
         "part. Add it: say what worried you and its impact on the child, or 'I have no worries about ... "
         "because ...'.", "EMOTIONAL WARMTH"),
        ("qa-checker", "S04 placeholder-left-in (error)\n'……' looks like filler left from the template. Replace it "
         "with the name, date or detail it stands for.", "……"),
    ]
    assert _formatted_characters(result.output) == _formatted_characters(draft)
    assert read_document(result.output).text == read_document(draft).text
    comments = list(Document(str(result.output)).comments)
    assert {(c.author, c.initials) for c in comments} == {("qa-checker", "QA")}


def test_runs_are_cut_where_the_flagged_words_start_and_end(tmp_path):
    draft = to_docx(_without_goodbye(apply_edits(GOOD_SPEC, SPLIT_RUNS)), tmp_path / "draft.docx", header_table=False)
    output = annotate_file(draft, today=TODAY).output
    paragraphs = {p.text: p for p in Document(str(output)).paragraphs}
    date = paragraphs["Date of Contact: 31/02/2025"]
    assert [(r.text, r.bold) for r in date.runs] == [
        ("Date of Contact: ", None), ("31/", None), ("02", True), ("/2025", None), ("", None),
    ]
    plan = next(p for text, p in paragraphs.items() if text.startswith("I will tell the social worker"))
    assert [(r.text, r.italic) for r in plan.runs][:5] == [
        ("I will tell the ", None), ("social worker, ", True), ("…", True), ("…", None), ("", None),
    ]
    assert plan.runs[5].text.startswith(", about the comment")


SENTENCES = (
    "# INTRODUCTIONS\n"
    "Mum {b}arrived at 15:50{/b} and {i}waited. She said{/i} {blue}“Hello”{/blue} to Amelia. "
    "[ins]Jayden hid behind [/ins]{b}[ins]the carer. He[/ins]{/b}[del]Jayden cried.[/del] smiled."
)


def test_sentence_findings_spanning_bold_italic_blue_and_tracked_runs(tmp_path):
    """Findings on whole sentences (as the phrasing rules give) anchor on exactly those sentences."""
    draft = to_docx(SENTENCES, tmp_path / "draft.docx")
    template = load_template()
    sentences = ["Mum arrived at 15:50 and waited.", "She said “Hello” to Amelia.", "Jayden hid behind the carer.", "He smiled."]

    def check(document):
        text = document.text
        findings = [
            Finding(rule="X01", name="sentence", severity=Severity.WARNING, section="introductions",
                    message=f"Sentence {n}.", suggestion=f"Rewrite sentence {n}.",
                    text=s, start=text.index(s), end=text.index(s) + len(s))
            for n, s in enumerate(sentences, 1)
        ]
        return Report(path=document.path, passed=True, findings=findings), split(document, template)

    report, data, notes = annotate_docx(draft, check)
    output = tmp_path / "copy.docx"
    output.write_bytes(data)
    assert notes == 4
    assert anchored_comments(output) == [
        ("qa-checker", f"X01 sentence (warning)\nSentence {n}.\nWhat to do: Rewrite sentence {n}.", s)
        for n, s in enumerate(sentences, 1)
    ]
    assert _formatted_characters(output) == _formatted_characters(draft)
    # The comment marks stay outside the tracked insertion, so rejecting it keeps them.
    body = Document(str(output)).element.body
    for reference in body.iter(qn("w:commentReference")):
        assert all(a.tag != qn("w:ins") for a in reference.iterancestors())


def test_comments_already_in_the_draft_are_kept(tmp_path):
    draft = to_docx(apply_edits(GOOD_SPEC, [["Time: 16:00 to 17:30", "Time: 17:00 to 16:00"]]), tmp_path / "d.docx")
    document = Document(str(draft))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Sarah arrived at 15:50"))
    document.add_comment(paragraph.runs, text="Lovely detail here.", author="Team Leader", initials="TL")
    document.save(draft)
    output = annotate_file(draft, today=TODAY).output
    assert anchored_comments(output) == [
        ("qa-checker", "H03 invalid-time (error)\nThe session time is not right: the session ends (16:00) "
         "before or when it starts (17:00). Give the start and end, e.g. 'Time: 16:00 to 17:30'.", "17:00 to 16:00"),
        ("Team Leader", "Lovely detail here.", paragraph.text),
    ]


def test_header_field_missing_anchors_on_the_first_line_of_the_header(tmp_path):
    spec = apply_edits(GOOD_SPEC, [["Report by: Jo Patel, Family Time Supervisor\n", ""]])
    draft = to_docx("Supervised Family Time Recording\n" + spec, tmp_path / "d.docx", header_table=False)
    output = annotate_file(draft, today=TODAY).output
    ((author, text, anchored),) = anchored_comments(output)
    assert text.startswith("H01 missing-header-field (error)\n")
    assert anchored == "Supervised Family Time Recording"


def test_second_run_refuses_to_overwrite_without_force(tmp_path):
    draft = build(GOOD_SPEC, "docx", tmp_path, "draft")
    first = annotate_file(draft, today=TODAY).output
    made = first.read_bytes()
    with pytest.raises(AnnotateError) as refused:
        annotate_file(draft, today=TODAY)
    assert str(refused.value) == f"{first} already exists; add --force to replace it, or choose another name with -o"
    assert first.read_bytes() == made
    first.write_bytes(b"not a copy")
    assert annotate_file(draft, force=True, today=TODAY).output == first
    assert first.read_bytes() != b"not a copy" and anchored_comments(first) == []


def test_never_writes_to_the_draft_even_with_force(tmp_path):
    draft = build(GOOD_SPEC, "docx", tmp_path, "draft")
    before = _sha(draft)
    with pytest.raises(AnnotateError, match="this is the draft itself"):
        annotate_file(draft, draft, force=True)
    with pytest.raises(AnnotateError, match="give a name ending in .docx"):
        annotate_file(draft, tmp_path / "copy.md")
    with pytest.raises(AnnotateError, match="give a name ending in .md"):
        annotate_file(build(GOOD_SPEC, "text", tmp_path, "notes"), tmp_path / "copy.docx")
    (tmp_path / "notes.txt").unlink()
    with pytest.raises(AnnotateError, match="does not exist"):
        annotate_file(draft, tmp_path / "no-such-folder" / "copy.docx")
    assert _sha(draft) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx"]


def test_unreadable_drafts_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        annotate_file(tmp_path / "missing.docx")
    with pytest.raises(InputError, match="this is a folder"):
        annotate_file(tmp_path)
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    with pytest.raises(InputError, match="old-style Word 97-2003"):
        annotate_file(tmp_path / "old.doc")
    (tmp_path / "cut.docx").write_bytes(b"PK\x03\x04 cut short")
    with pytest.raises(InputError, match="damaged or incomplete"):
        annotate_file(tmp_path / "cut.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cut.docx", "old.doc"]


def test_default_output_names():
    from pathlib import Path

    assert default_output(Path("week 12/DRAFT.docx")) == Path("week 12/DRAFT.checked.docx")
    assert default_output(Path("notes.txt")) == Path("notes.checked.md")
    assert default_output(Path("notes.md")) == Path("notes.checked.md")


def _as_markdown(spec: str) -> str:
    """The base recording as a supervisor's Markdown file: bold header labels, ## headings."""
    lines = []
    for line in spec.strip("\n").splitlines():
        if line.startswith("# "):
            line = "#" + line
        elif ": " in line and not line.startswith("**") and not lines_have_heading(lines):
            label, value = line.split(": ", 1)
            line = f"**{label}:** {value}"
        lines.append(line)
    return "\n\n".join(lines) + "\n"


def lines_have_heading(lines: list[str]) -> bool:
    return any(line.startswith("## ") for line in lines)


def test_markdown_copy_of_a_markdown_draft(tmp_path):
    raw = _as_markdown(apply_edits(GOOD_SPEC, [
        ["Date of Contact: 12/03/2025", "Date of Contact: 31/02/2025"],
        ["I will tell the social worker, Priya Khan, about", "I will tell the **social worker, ……**, about"],
    ]))
    draft = tmp_path / "draft.md"
    draft.write_text(raw, encoding="utf-8")
    result = annotate_file(draft, today=TODAY)
    assert result.output == tmp_path / "draft.checked.md" and result.notes == 2
    expected = apply_edits(raw, [
        ["**Date of Contact:** 31/02/2025", "**Date of Contact:** 31/02/2025[^1]"],
        ["**social worker, ……**", "**social worker, ……[^2]**"],
    ])
    assert result.output.read_text(encoding="utf-8") == expected + (
        "\n---\n\n"
        "Checked by qa-checker: 2 things to fix before submitting (2 errors). Each note below is marked [^n] in the text.\n"
        "\n[^1]: **H02 invalid-date** (error), at “31/02/2025”  \n"
        "    The Date of Contact is not right: '31/02/2025' is not a real date. Check the date in your diary and correct it.\n"
        "\n[^2]: **S04 placeholder-left-in** (error), at “……”  \n"
        "    '……' looks like filler left from the template. Replace it with the name, date or detail it stands for.\n"
    )
    assert draft.read_text(encoding="utf-8") == raw


def test_markdown_copy_of_a_text_draft_keeps_its_lines(tmp_path):
    spec = apply_edits(GOOD_SPEC, [["Time: 16:00 to 17:30", "Time: 17:00\tto 16:00"]])
    spec = spec.split("# REFLECTION/ANALYSIS")[0]
    draft = build(spec, "text", tmp_path, "draft")
    raw = draft.read_text(encoding="utf-8")
    result = annotate_file(draft, today=TODAY)
    text = result.output.read_text(encoding="utf-8")
    body, notes = text.split("\n---\n\n")
    lines = body.rstrip("\n").split("\n")
    assert [line.rstrip(" ").replace("[^1]", "").replace("[^2]", "") for line in lines] == raw.rstrip("\n").split("\n")
    assert lines[0] == "Child's Name: Amelia Smith (7) and Jayden Smith (4)[^1]  "
    assert lines[3] == "Time: 17:00\tto 16:00[^2]  "
    assert all(line.endswith("  ") for line in lines if line.strip())
    assert notes.splitlines()[2:] == [
        "[^1]: **S01 missing-section** (error), at “Child's Name: Amelia Smith (7) and Jayden Smith (4)”  ",
        "    The 'Reflection/Analysis' section is missing. Add a heading 'Reflection/Analysis' and under it give "
        "your professional analysis of what the session meant for each child, framed as your opinion.",
        "",
        "[^2]: **H03 invalid-time** (error), at “17:00 to 16:00”  ",
        "    The session time is not right: the session ends (16:00) before or when it starts (17:00). "
        "Give the start and end, e.g. 'Time: 16:00 to 17:30'.",
    ]


def test_markdown_copy_of_a_recording_with_nothing_to_fix(tmp_path):
    draft = build(GOOD_SPEC, "text", tmp_path, "draft")
    result = annotate_file(draft, today=TODAY)
    assert result.notes == 0
    assert result.output.read_text(encoding="utf-8").endswith("\n---\n\nChecked by qa-checker: nothing to fix.\n")


def test_alignment_maps_every_character_back_to_the_file():
    from qa_checker.annotate.markdown import align
    from qa_checker.readers.text import parse_text

    raw = "# INTRO\n\n| **Date** | 31/02/2025 |\n|---|---|\n- Mum said **no**.\n\tTabbed [bookmark: _GoBack]line\n"
    for markdown in (True, False):
        document = parse_text(raw, "r", markdown=markdown)
        positions = align(document.text, raw)
        for index, char in enumerate(document.text):
            if char != "\n":
                assert raw[positions[index]] == char or (char == " " and raw[positions[index]] == "\t")
    document = parse_text(raw, "r", markdown=True)
    positions = align(document.text, raw)
    start = document.text.index("no.")
    assert raw[positions[start]:positions[start + 3]] == "no**."


def test_a_folder_check_skips_the_annotated_copies(tmp_path):
    from qa_checker.readers import discover

    draft = build(GOOD_SPEC, "docx", tmp_path, "draft")
    text = build(GOOD_SPEC, "text", tmp_path, "notes")
    annotate_file(draft, today=TODAY)
    annotate_file(text, today=TODAY)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.checked.docx", "draft.docx", "notes.checked.md", "notes.txt"]
    assert [p.name for p in discover([tmp_path])] == ["draft.docx", "notes.txt"]
    assert [p.name for p in discover([tmp_path / "draft.checked.docx"])] == ["draft.checked.docx"]


def test_anchors_after_a_tab_in_the_same_run_and_inside_a_hyperlink(tmp_path):
    from docx.oxml import OxmlElement

    spec = apply_edits(GOOD_SPEC, [["Date of Contact: 12/03/2025", "Date of Contact: 31/02/2025"],
                                   ["Time: 16:00 to 17:30", "Time: 17:00 to 16:00"]])
    draft = to_docx(spec, tmp_path / "draft.docx", header_table=False)
    document = Document(str(draft))
    date = next(p for p in document.paragraphs if p.text.startswith("Date of Contact"))
    time = next(p for p in document.paragraphs if p.text.startswith("Time:"))
    for paragraph in (date, time):
        for run in paragraph.runs:
            paragraph._p.remove(run._r)
    run = date.add_run("Date of Contact:")  # label, tab and value in one run
    run.add_tab()
    run.add_text("31/02/2025")
    time.add_run("Time: ")
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), "diary")
    time._p.append(link)
    link.append(time.add_run("17:00 to 16:00")._r)
    document.save(draft)
    output = annotate_file(draft, today=TODAY).output
    assert [anchored for _, _, anchored in anchored_comments(output)] == ["31/02/2025", "17:00 to 16:00"]
    assert read_document(output).text == read_document(draft).text
    body = Document(str(output)).element.body
    assert [r.getparent().getparent().tag for r in body.iter(qn("w:commentReference"))] == [qn("w:p"), qn("w:p")]
