"""Which files are checked: no recordings found, exclude / extend-exclude, "not a recording"."""

from __future__ import annotations

from cli_runner import run_cli
from conftest import GOOD_SPEC, build

NONE_FOUND = ("no recordings found in {where}: qa-checker checks .docx, .txt and .md files (folders are searched "
              "recursively; READMEs, lock files and excluded files are left out)")


def test_check_on_an_empty_folder_says_so_and_exits_2(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    ran = run_cli("check", str(empty))
    assert (ran.returncode, ran.stdout) == (2, "")
    assert ran.stderr == "qa-checker: " + NONE_FOUND.format(where=empty) + "\n"


def test_check_on_a_folder_of_other_files_says_so_and_exits_2(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "scan.doc").write_bytes(b"old")
    ran = run_cli("check", str(tmp_path), "--format", "json")
    assert (ran.returncode, ran.stdout) == (2, "")
    assert ran.stderr == "qa-checker: " + NONE_FOUND.format(where=tmp_path) + "\n"


def test_review_on_an_empty_folder_says_so_and_exits_2(tmp_path):
    ran = run_cli("review", str(tmp_path), "--week", "2025-03-12")
    assert (ran.returncode, ran.stdout) == (2, "")
    assert ran.stderr == "qa-checker review: " + NONE_FOUND.format(where=tmp_path) + "\n"


def test_a_folder_with_recordings_beside_an_empty_one_is_checked(tmp_path):
    (tmp_path / "empty").mkdir()
    good = build(GOOD_SPEC, "text", tmp_path, "good")
    ran = run_cli("check", str(good), str(tmp_path / "empty"))
    assert ran.returncode == 0, ran.stderr
