"""Hostile and broken Word files: each is its own one-line error naming the part that is wrong,
read within the limits whatever the zip's headers say, and never costs the other files' reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GOOD_SPEC, build
from hostile_docx import body, empty_paragraphs, replace_part, rewrite_part, understated, with_entity
from lxml import etree

from qa_checker import check_file, check_paths
from qa_checker.readers import InputError, read_document
from qa_checker.readers.errors import MAX_DOCX_XML_PART

CLI = [sys.executable, "-m", "qa_checker"]
DAMAGED = "the Word file is damaged"
AGAIN = "open it in Word and save it again"


@pytest.fixture(scope="module")
def good_docx(tmp_path_factory) -> Path:
    return build(GOOD_SPEC, "docx", tmp_path_factory.mktemp("good"), "good")


@pytest.fixture(scope="module")
def commented_docx(good_docx, tmp_path_factory) -> Path:
    import docx

    document = docx.Document(str(good_docx))
    paragraph = next(p for p in document.paragraphs if "Sarah arrived" in p.text)
    document.add_comment(paragraph.runs[0], text="Good start", author="Team leader")
    path = tmp_path_factory.mktemp("commented") / "commented.docx"
    document.save(str(path))
    return path


def _first(xml: str, old: str, new: str) -> str:
    assert old in xml
    return xml.replace(old, new, 1)


# (source fixture, part, change, the one line's words after "the Word file is damaged: ")
MALFORMED = {
    "gridspan-superscript": ("good_docx", "word/document.xml",
                             lambda x: _first(x, "<w:tcPr>", '<w:tcPr><w:gridSpan w:val="\u00b2"/>'),
                             "word/document.xml has a table cell span (w:gridSpan) of '\u00b2', which is not a whole number"),
    "gridspan-arabic-digits": ("good_docx", "word/document.xml",
                               lambda x: _first(x, "<w:tcPr>", '<w:tcPr><w:gridSpan w:val="\u0663"/>'),
                               "word/document.xml has a table cell span (w:gridSpan) of '\u0663', which is not a whole number"),
    "outline-level": ("good_docx", "word/document.xml",
                      lambda x: _first(x, "<w:pPr>", '<w:pPr><w:outlineLvl w:val="\u00b9"/>'),
                      "word/document.xml has an outline level (w:outlineLvl) of '\u00b9', which is not a whole number"),
    "outline-level-in-styles": ("good_docx", "word/styles.xml",
                                lambda x: _first(x, '<w:outlineLvl w:val="0"/>', '<w:outlineLvl w:val="\u00b9"/>'),
                                "word/styles.xml has an outline level (w:outlineLvl) of '\u00b9', which is not a whole number"),
    "comment-empty-id": ("commented_docx", "word/comments.xml",
                         lambda x: _first(x, 'w:id="0"', 'w:id=""'),
                         "word/comments.xml has a comment id (w:id) of '', which is not a whole number"),
}


def _malformed(kind: str, request, tmp_path: Path) -> tuple[Path, str]:
    source, part, change, words = MALFORMED[kind]
    path = rewrite_part(request.getfixturevalue(source), tmp_path / f"{kind}.docx", part, change)
    return path, f"{path}: {DAMAGED}: {words}; {AGAIN}"


@pytest.mark.parametrize("kind", list(MALFORMED))
def test_a_malformed_number_is_the_files_one_line_naming_the_part(kind, request, tmp_path):
    bad, expected = _malformed(kind, request, tmp_path)
    good = build(GOOD_SPEC, "text", tmp_path, "zz-good")
    with pytest.raises(InputError) as raised:
        read_document(bad)
    assert str(raised.value) == expected
    reports = check_paths([bad, good])
    assert [(r.path, r.error) for r in reports] == [(str(bad), expected), (str(good), None)]
    assert reports[1].passed
    assert check_file(bad).error == expected


def test_a_comment_range_with_an_empty_id_is_read(commented_docx, tmp_path):
    bad = rewrite_part(commented_docx, tmp_path / "range.docx", "word/document.xml",
                       lambda x: x.replace('w:id="0"', 'w:id=""'))
    assert "Sarah arrived at 15:50" in read_document(bad).text


def test_an_unexpected_reader_error_is_the_files_one_line(monkeypatch, good_docx, tmp_path):
    import qa_checker.readers.docx as reader

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(reader, "_read_styles", broken)
    good = build(GOOD_SPEC, "text", tmp_path, "zz-good")
    reports = check_paths([good_docx, good])
    assert reports[0].error == (f"{good_docx}: qa-checker could not read this file (RuntimeError: boom); "
                                "please report it to the qa-checker team")
    assert reports[1].error is None and reports[1].passed


def test_check_goes_on_past_a_malformed_file_with_and_without_workers(request, tmp_path):
    bad, expected = _malformed("gridspan-superscript", request, tmp_path)
    for n in range(7):
        build(GOOD_SPEC, "text", tmp_path, f"good-{n}")
    for jobs in ("1", "2"):
        run = subprocess.run(CLI + ["check", str(tmp_path), "--format", "json", "--jobs", jobs],
                             capture_output=True, text=True, timeout=300)
        assert run.returncode == 2, run.stderr
        assert run.stderr == ""

        reports = {r["path"]: r for r in json.loads(run.stdout)["reports"]}
        assert reports.pop(str(bad))["error"] == expected
        assert len(reports) == 7 and all(r["passed"] and r["error"] is None for r in reports.values())


def test_annotate_says_the_one_line_and_exits_2(request, tmp_path):
    bad, expected = _malformed("gridspan-superscript", request, tmp_path)
    run = subprocess.run(CLI + ["annotate", str(bad)], capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stdout, run.stderr) == (2, "", expected + "\n")
    assert not (tmp_path / "gridspan-superscript.checked.docx").exists()


def test_annotate_turns_an_unexpected_error_into_one_line(monkeypatch, good_docx, tmp_path):
    import qa_checker.annotate.word as word
    from qa_checker.annotate import AnnotateError, annotate_file

    def broken(*args, **kwargs):
        raise KeyError("w:r")

    monkeypatch.setattr(word, "cut_runs", broken)
    with pytest.raises(AnnotateError) as raised:
        annotate_file(good_docx, tmp_path / "copy.docx")
    assert str(raised.value) == (f"{good_docx}: qa-checker could not annotate this file (KeyError: 'w:r'); "
                                 "please report it to the qa-checker team")
    assert not (tmp_path / "copy.docx").exists()


def test_review_names_the_malformed_part(request, tmp_path):
    from qa_checker.review.pipeline import run_review

    bad, expected = _malformed("outline-level", request, tmp_path)
    build(GOOD_SPEC, "text", tmp_path, "zz-good")
    result = run_review([tmp_path], workers=1)
    errors = {i.report.path: i.report.error for i in result.items}
    assert errors == {"outline-level.docx": expected.replace(str(bad), "outline-level.docx"), "zz-good.txt": None}


def test_an_error_outside_any_file_exits_2_with_one_line(tmp_path):
    good = build(GOOD_SPEC, "text", tmp_path, "good")
    code = ("import sys, qa_checker.reporters as r\n"
            "def boom(*a, **k): raise RuntimeError('render failed')\n"
            "r.render = boom\n"
            "sys.argv = ['qa-checker', 'check', sys.argv[1]]\n"
            "from qa_checker.cli import main\n"
            "main()\n")
    run = subprocess.run([sys.executable, "-c", code, str(good)], capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == ("qa-checker: an unexpected error stopped the run (RuntimeError: render failed); "
                          "please report it to the qa-checker team\n")


# --- limits enforced while reading -------------------------------------------------------------


@pytest.fixture
def no_python_docx(monkeypatch):
    """Fail the test if python-docx is asked to load the package (the file must be refused first)."""
    import docx

    def refused(*args, **kwargs):
        raise AssertionError("python-docx was asked to load a file that should have been refused")

    monkeypatch.setattr(docx, "Document", refused)


def test_a_part_larger_than_its_headers_say_is_refused_before_loading(no_python_docx, good_docx, tmp_path):
    data = body("<p>" + ('<r a="' + "x" * 1000 + '"/>') * (MAX_DOCX_XML_PART // 1000 + 1000) + "</p>")
    bad = understated(good_docx, tmp_path / "bomb.docx", "word/document.xml", data, 2_000)
    assert bad.stat().st_size < 200_000
    assert read_error(bad) == (f"{bad}: word/document.xml expands to more than 30 MB, over the limit for one part "
                               "(the zip's headers say 2 KB); check that this is the right file")


def test_a_part_whose_headers_understate_it_a_little_is_damaged(no_python_docx, good_docx, tmp_path):
    bad = understated(good_docx, tmp_path / "lie.docx", "word/document.xml", body("<p/>" * 1000), 100)
    assert read_error(bad) == (f"{bad}: {DAMAGED}: word/document.xml is larger than the zip's headers say "
                               f"(100 bytes); {AGAIN}")


def test_five_million_empty_paragraphs_are_refused_while_walking(no_python_docx, good_docx, tmp_path):
    bad = replace_part(good_docx, tmp_path / "paragraphs.docx", "word/document.xml", empty_paragraphs(5_000_000))
    assert bad.stat().st_size < 100_000
    assert read_error(bad) == (f"{bad}: word/document.xml holds more than 20,000 paragraphs, far more than a "
                               "recording; check that this is the right file")


def test_too_many_elements_are_refused_while_walking(no_python_docx, good_docx, tmp_path):
    bad = replace_part(good_docx, tmp_path / "runs.docx", "word/document.xml", body("<p>" + "<r/>" * 600_000 + "</p>"))
    assert read_error(bad) == (f"{bad}: word/document.xml holds more than 500,000 XML elements, far more than a "
                               "recording; check that this is the right file")


def test_characters_are_counted_while_walking(no_python_docx, good_docx, tmp_path):
    bad = replace_part(good_docx, tmp_path / "long.docx", "word/document.xml",
                       body("<p><r><t>" + "Mum smiled. " * 90_000 + "</t></r></p>"))
    assert read_error(bad) == (f"{bad}: the recording holds more than 1,000,000 characters; "
                               "check that this is the right file")


def read_error(path: Path) -> str:
    with pytest.raises(InputError) as raised:
        read_document(path)
    return str(raised.value)


# --- entity references --------------------------------------------------------------------------


def test_an_entity_reference_is_resolved_and_the_text_after_it_kept(good_docx, tmp_path):
    draft = rewrite_part(good_docx, tmp_path / "entity.docx", "word/document.xml",
                         lambda x: with_entity(x, "who", "Sarah"))
    text = read_document(draft).text
    assert "Sarah arrived at 15:50 and waited in reception." in text
    assert check_file(draft).findings == check_file(good_docx).findings


def test_annotate_resolves_entities_so_the_copy_has_no_dtd(good_docx, tmp_path):
    import zipfile

    from qa_checker.annotate import annotate_file

    draft = rewrite_part(good_docx, tmp_path / "entity.docx", "word/document.xml",
                         lambda x: with_entity(x, "who", "Sarah"))
    copy = annotate_file(draft).output
    with zipfile.ZipFile(copy) as archive:
        xml = archive.read("word/document.xml")
    assert b"<!DOCTYPE" not in xml and b"&who;" not in xml
    # Word refuses a DTD and an undeclared entity: the copy parses with neither.
    root = etree.fromstring(xml, etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True))
    assert not list(root.iter(etree.Entity))
    assert "Sarah arrived at 15:50" in read_document(copy).text


def test_an_external_entity_is_never_read(good_docx, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("NOT-FOR-THE-REPORT", encoding="utf-8")
    draft = rewrite_part(good_docx, tmp_path / "external.docx", "word/document.xml",
                         lambda x: x.replace("?>", f'?><!DOCTYPE w:document [<!ENTITY s SYSTEM "{secret.as_uri()}">]>', 1)
                         .replace("Sarah arrived", "&s; arrived", 1))
    assert read_error(draft) == (f"{draft}: {DAMAGED}: word/document.xml refers to text outside the document "
                                 f"(the entity &s;); {AGAIN}")


def test_entities_that_expand_without_end_are_refused(good_docx, tmp_path):
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    draft = rewrite_part(good_docx, tmp_path / "laughs.docx", "word/document.xml",
                         lambda x: x.replace("?>", f'?><!DOCTYPE w:document [<!ENTITY l0 "ha">{laughs}]>', 1)
                         .replace("Sarah arrived", "&l9; arrived", 1))
    assert read_error(draft).startswith(f"{draft}: {DAMAGED}: word/document.xml is not well-formed XML "
                                        "(Maximum entity amplification factor exceeded")


def test_annotate_refuses_a_hard_link_to_the_draft(good_docx, tmp_path):
    from qa_checker.annotate import AnnotateError, annotate_file

    draft = tmp_path / "draft.docx"
    draft.write_bytes(good_docx.read_bytes())
    other = tmp_path / "other-name.docx"
    os.link(draft, other)
    before = draft.read_bytes()
    with pytest.raises(AnnotateError) as raised:
        annotate_file(draft, other, force=True)
    assert str(raised.value) == (f"{other}: this is the draft itself under another name, and qa-checker never "
                                 "writes to it; choose another name with -o")
    assert draft.read_bytes() == before


def test_check_and_review_refuse_an_output_that_is_a_hard_link_to_a_recording(tmp_path):
    from cli_runner import run_cli

    recording = build(GOOD_SPEC, "text", tmp_path, "recording")
    link = tmp_path / "report.json"
    os.link(recording, link)
    before = recording.read_bytes()
    checked = run_cli("check", str(recording), "-o", str(link))
    assert (checked.returncode, checked.stderr) == (
        2, f"qa-checker: {link} is one of the recordings being checked; choose another file\n")
    reviewed = run_cli("review", str(recording), "--html", str(link))
    assert (reviewed.returncode, reviewed.stderr) == (
        2, f"qa-checker review: {link} is one of the recordings being reviewed; choose another output file\n")
    assert recording.read_bytes() == before


def test_an_entity_between_runs_is_resolved(good_docx, tmp_path):
    # found by the fuzz test: python-docx's paragraph class has a read-only ``text``
    draft = rewrite_part(good_docx, tmp_path / "between.docx", "word/document.xml",
                         lambda x: x.replace("?>", '?><!DOCTYPE w:document [<!ENTITY e "x">]>', 1)
                         .replace("<w:p>", "<w:p>&e;", 3))
    assert "Sarah arrived at 15:50" in read_document(draft).text


@pytest.mark.parametrize("change", ["root", "content-type"])
def test_a_comments_part_that_is_something_else_is_named(change, commented_docx, tmp_path):
    # found by bench/bench_fuzz.py
    if change == "root":
        bad = rewrite_part(commented_docx, tmp_path / "root.docx", "word/comments.xml",
                           lambda x: x.replace("<w:comments ", "<w:vanish ", 1).replace("</w:comments>", "</w:vanish>"))
    else:
        bad = rewrite_part(commented_docx, tmp_path / "type.docx", "[Content_Types].xml",
                           lambda x: _first(x, "wordprocessingml.comments+xml", "wordprocessingml.unknown+xml"))
    assert read_error(bad) == (f"{bad}: {DAMAGED}: word/comments.xml does not hold comments (its content type or "
                               f"its root element is another); {AGAIN}")


def test_a_document_without_a_body_is_named(good_docx, tmp_path):
    # found by bench/bench_fuzz.py
    bad = rewrite_part(good_docx, tmp_path / "nobody.docx", "word/document.xml",
                       lambda x: x[:x.index("<w:body>")] + "</w:document>")
    assert read_error(bad) == f"{bad}: {DAMAGED}: word/document.xml has no body (w:body); {AGAIN}"


def test_review_turns_any_worker_error_into_that_files_line(tmp_path):
    from concurrent.futures import Future

    from qa_checker.review.runner import _outcome
    from qa_checker.review.selection import DateWindow

    path = str(build(GOOD_SPEC, "text", tmp_path, "recording"))
    future: Future = Future()
    future.set_exception(TypeError("cannot pickle"))
    item = _outcome(future, path, DateWindow())
    assert item.report.error == (f"{path}: qa-checker failed on this file (TypeError); "
                                 "please report it to the qa-checker team")


def test_a_document_whose_root_is_another_element_is_named(good_docx, tmp_path):
    # found by bench/bench_fuzz.py (seed 17: 3 of 5,000 cases)
    bad = rewrite_part(good_docx, tmp_path / "root.docx", "word/document.xml",
                       lambda x: x.replace("<w:document ", "<w:smartTag ", 1).replace("</w:document>", "</w:smartTag>"))
    assert read_error(bad) == (f"{bad}: {DAMAGED}: word/document.xml does not hold a Word document "
                               f"(its root element is another); {AGAIN}")
