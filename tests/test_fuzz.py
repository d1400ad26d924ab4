"""Fuzzing the readers and the check: every mutated Word file and random text file is read into a
document or refused with one line naming it, and never costs a good file beside it its report.

A few hundred cases, the same on every run (derandomized); bench/bench_fuzz.py runs 5,000.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import GOOD_SPEC, build
from fuzz_cases import docx_mutations, mutate_docx, text_cases
from hypothesis import HealthCheck, given, settings

from qa_checker import check_paths
from qa_checker.readers import InputError, read_document


def fast(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def good_docx(folder) -> Path:
    import docx

    path = build(GOOD_SPEC, "docx", folder, "good")
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if "Sarah arrived" in p.text)
    document.add_comment(paragraph.runs[0], text="Good start", author="Team leader")
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def good_text(folder) -> Path:
    return build(GOOD_SPEC, "text", folder, "zz-good")


def read_or_one_line(path: Path) -> None:
    """The reader's contract: a document, or an InputError of one line starting with the path."""
    try:
        read_document(path)
    except InputError as exc:
        message = str(exc)
        assert message.startswith(f"{path}: ") and "\n" not in message and "Traceback" not in message, message


def beside_a_good_file(paths: list[Path], good: Path) -> None:
    reports = check_paths([*paths, good])
    assert [r.path for r in reports] == [*map(str, paths), str(good)]
    assert reports[-1].error is None and reports[-1].passed, reports[-1]
    for path, report in zip(paths, reports):
        error = report.error or ""
        assert not error or (error.startswith(f"{path}: ") and "\n" not in error), error
        # a mutation is the file's own fault, never a bug behind it
        assert "could not read this file" not in error and "failed on this file" not in error, error


def test_fuzzed_word_files_are_read_or_refused_in_one_line(folder, good_docx):
    @fast(100)
    @given(mutations=docx_mutations())
    def case(mutations):
        read_or_one_line(mutate_docx(good_docx, folder / "a-fuzzed.docx", mutations))

    case()


def test_fuzzed_text_files_are_read_or_refused_in_one_line(folder, good_text):
    lines = good_text.read_text(encoding="utf-8").splitlines()

    @fast(150)
    @given(data=text_cases(lines))
    def case(data):
        path = folder / "a-fuzzed.txt"
        path.write_bytes(data)
        read_or_one_line(path)

    case()


def test_fuzzed_files_never_cost_a_good_file_its_report(folder, good_docx, good_text):
    lines = good_text.read_text(encoding="utf-8").splitlines()

    @fast(8)
    @given(mutations=docx_mutations(), data=text_cases(lines))
    def case(mutations, data):
        text = folder / "a-fuzzed.md"
        text.write_bytes(data)
        beside_a_good_file([mutate_docx(good_docx, folder / "a-fuzzed.docx", mutations), text], good_text)

    case()
