"""Which files are checked: no recordings found, exclude / extend-exclude, "not a recording"."""

from __future__ import annotations

from cli_runner import run_cli
from conftest import GOOD_SPEC, build

NOT_A_RECORDING = ("not a recording (no template heading and no header field); add it to extend-exclude in "
                   "qa-checker.toml if it belongs in this folder")
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
    (tmp_path / "scan.xlsx").write_bytes(b"PK")
    ran = run_cli("check", str(tmp_path), "--format", "json")
    assert (ran.returncode, ran.stdout) == (2, "")
    assert ran.stderr == "qa-checker: " + NONE_FOUND.format(where=tmp_path) + "\n"


def test_an_old_word_file_in_a_folder_is_named_not_passed_over(tmp_path):
    """A week's folder with a recording saved as Word 97-2003 (.doc): the team leader is told which
    file and what to do, and the rest of the folder is still checked."""
    build(GOOD_SPEC, "text", tmp_path, "good")
    (tmp_path / "week-10.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    ran = run_cli("check", ".", cwd=tmp_path)
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    lines = [" ".join(line.split()) for line in ran.stdout.splitlines()]
    assert "week-10.doc" in lines
    assert ("cannot check: this is an old-style Word 97-2003 document (.doc); open it in Word and save it as .docx"
            in " ".join(lines))
    assert lines[-2:] == ["2 recordings checked: 1 passed, 1 could not be read.", "Nothing to fix."]


def test_review_on_an_empty_folder_says_so_and_exits_2(tmp_path):
    ran = run_cli("review", str(tmp_path), "--week", "2025-03-12")
    assert (ran.returncode, ran.stdout) == (2, "")
    assert ran.stderr == "qa-checker review: " + NONE_FOUND.format(where=tmp_path) + "\n"


def test_a_folder_with_recordings_beside_an_empty_one_is_checked(tmp_path):
    (tmp_path / "empty").mkdir()
    good = build(GOOD_SPEC, "text", tmp_path, "good")
    ran = run_cli("check", str(good), str(tmp_path / "empty"))
    assert ran.returncode == 0, ran.stderr


def _folder(tmp_path):
    build(GOOD_SPEC, "text", tmp_path, "good")
    (tmp_path / "README.md").write_text("# Our recordings\n\nPut the week's recordings here.\n", encoding="utf-8")
    (tmp_path / "CHANGELOG.txt").write_text("2025-03-01 added week 9\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    build(GOOD_SPEC, "text", tmp_path / "drafts", "draft")
    return tmp_path


def _checked(ran) -> list[str]:
    import json

    return [r["path"] for r in json.loads(ran.stdout)["reports"]]


def test_readme_changelog_and_licence_are_not_taken_for_recordings(tmp_path):
    folder = _folder(tmp_path)
    ran = run_cli("check", ".", "-f", "json", cwd=folder)
    assert (ran.returncode, _checked(ran)) == (0, ["drafts/draft.txt", "good.txt"])


def test_extend_exclude_adds_to_the_defaults_and_exclude_replaces_them(tmp_path):
    folder = _folder(tmp_path)
    (folder / "qa-checker.toml").write_text('extend-exclude = ["drafts/"]\n', encoding="utf-8")
    assert _checked(run_cli("check", ".", "-f", "json", cwd=folder)) == ["good.txt"]
    (folder / "qa-checker.toml").write_text('exclude = ["drafts/*", "CHANGELOG*"]\n', encoding="utf-8")
    import json

    ran = run_cli("check", ".", "-f", "json", cwd=folder)
    assert ran.returncode == 2  # README.md is no longer excluded, and it is not a recording
    assert [(r["path"], r["error"], r["findings"]) for r in json.loads(ran.stdout)["reports"]] == [
        ("good.txt", None, []), ("README.md", f"README.md: {NOT_A_RECORDING}", [])]


def test_a_file_named_is_checked_even_when_excluded_unless_force_exclude(tmp_path):
    folder = _folder(tmp_path)
    (folder / "qa-checker.toml").write_text('extend-exclude = ["good.txt"]\n', encoding="utf-8")
    assert _checked(run_cli("check", "good.txt", "-f", "json", cwd=folder)) == ["good.txt"]
    ran = run_cli("check", "good.txt", "README.md", "--force-exclude", "-f", "json", cwd=folder)
    assert ran.returncode == 2 and ran.stdout == ""
    assert ran.stderr.startswith("qa-checker: no recordings found in good.txt, README.md")


def test_a_text_file_that_is_not_a_recording_is_one_line_not_findings(tmp_path):
    (tmp_path / "notes.txt").write_text("Shopping list\n\nmilk, bread\n", encoding="utf-8")
    ran = run_cli("check", "notes.txt", cwd=tmp_path)
    assert ran.returncode == 2
    assert " ".join(ran.stdout.split()) == (f"notes.txt cannot check: {NOT_A_RECORDING} "
                                            "1 recording could not be read.")


def test_review_leaves_out_excluded_files_and_says_what_is_not_a_recording(tmp_path):
    folder = _folder(tmp_path)
    (folder / "notes.txt").write_text("Shopping list\n\nmilk, bread\n", encoding="utf-8")
    ran = run_cli("review", str(folder), "--workers", "1")
    assert ran.returncode == 2
    assert ran.stdout.splitlines()[0] == ("Review of 3 recordings of any date: 2 passed, 0 need changes, "
                                          "1 could not be read.")
    assert "README" not in ran.stdout and "CHANGELOG" not in ran.stdout
    assert "notes.txt: not a recording" in ran.stdout


def test_the_precommit_hook_leaves_exclusion_to_the_tool():
    from conftest import HERE

    hook = (HERE.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: qa-checker check --force-exclude\n" in hook
    assert "\n  exclude:" not in hook
