"""Review: which recordings a date window selects, and how each is dated."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from review_cases import run, set_mtime, week_folder

from qa_checker.review.selection import DateSource, DateWindow, date_of, window_from_options

D = dt.date


def test_week_runs_monday_to_sunday():
    assert DateWindow.week_of(D(2025, 3, 12)) == DateWindow(start=D(2025, 3, 10), end=D(2025, 3, 16))
    assert DateWindow.week_of(D(2025, 3, 16)) == DateWindow(start=D(2025, 3, 10), end=D(2025, 3, 16))
    assert DateWindow.week_of(D(2025, 3, 10)) == DateWindow(start=D(2025, 3, 10), end=D(2025, 3, 16))


def test_window_holds_its_ends_and_open_sides():
    week = DateWindow(start=D(2025, 3, 10), end=D(2025, 3, 16))
    assert [d in week for d in (D(2025, 3, 9), D(2025, 3, 10), D(2025, 3, 16), D(2025, 3, 17), None)] == [
        False, True, True, False, False]
    assert D(1999, 1, 1) in DateWindow() and None in DateWindow()
    assert D(2025, 3, 9) not in DateWindow(start=D(2025, 3, 10)) and D(2030, 1, 1) in DateWindow(start=D(2025, 3, 10))
    assert D(2025, 3, 17) not in DateWindow(end=D(2025, 3, 16)) and None not in DateWindow(end=D(2025, 3, 16))


@pytest.mark.parametrize("args, expected", [
    ((None, None, "2025-03-12"), DateWindow(start=D(2025, 3, 10), end=D(2025, 3, 16))),
    ((None, None, "12/03/2025"), DateWindow(start=D(2025, 3, 10), end=D(2025, 3, 16))),
    (("1 March 2025", "31/03/25", None), DateWindow(start=D(2025, 3, 1), end=D(2025, 3, 31))),
    (("2025-03-01", None, None), DateWindow(start=D(2025, 3, 1))),
    ((None, None, None), DateWindow()),
])
def test_window_from_options(args, expected):
    assert window_from_options(*args) == expected


@pytest.mark.parametrize("args, message", [
    (("2025-03-01", None, "2025-03-12"), "use either --week or --from/--to, not both"),
    (("2025-03-20", "2025-03-10", None), "--from (20 Mar 2025) is after --to (10 Mar 2025)"),
    (("next week", None, None), "'next week' is not a date qa-checker can read (write it as 12/03/2025 or 12 March 2025)"),
    ((None, None, "31/02/2025"), "'31/02/2025' is not a real date"),
])
def test_window_option_errors(args, message):
    with pytest.raises(ValueError) as error:
        window_from_options(*args)
    assert str(error.value) == message


def test_date_of_contact_first_then_file_date(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("x", encoding="utf-8")
    set_mtime(path, D(2025, 3, 14))
    assert date_of(D(2025, 3, 12), path) == (D(2025, 3, 12), DateSource.CONTACT)
    assert date_of(None, path) == (D(2025, 3, 14), DateSource.MODIFIED)
    assert date_of(None, tmp_path / "gone.txt") == (None, DateSource.MODIFIED)


def _rows(stdout: str) -> list[str]:
    """The file names in the recordings table, in order."""
    lines = stdout.split("Recordings, worst first\n", 1)[1].split("\n\n", 1)[0].splitlines()[2:]
    return [line.split()[0] for line in lines if line[:1].strip()]


def test_review_of_a_week_selects_by_date_of_contact_or_file_date(tmp_path):
    folder = week_folder(tmp_path)
    result = run("review", folder, "--week", "2025-03-12")
    assert result.returncode == 2, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("Review of 4 recordings dated 10 Mar 2025 to 16 Mar 2025: 1 passed, 2 need changes, "
                        "1 could not be read.")
    assert lines[1] == ("2 recordings had no readable Date of Contact: the file's modification date was used "
                        "(marked *).")
    assert _rows(result.stdout) == ["broken.docx", "sam-13.docx", "undated.txt", "amelia-12.txt"]
    assert re.search(r"^broken\.docx +11 Mar 2025\* ", result.stdout, re.MULTILINE)
    assert re.search(r"^undated\.txt +Amelia.* +14 Mar 2025\* +Jo Patel +1 +0 +H01 missing-header-field +needs changes$",
                     result.stdout, re.MULTILINE)
    assert re.search(r"^sam-13\.docx +Amelia.* +13 Mar 2025 +Sam Lee +2 +0 +H03 invalid-time +needs changes$",
                     result.stdout, re.MULTILINE)
    assert "later-19" not in result.stdout and "broken-old" not in result.stdout


def test_review_from_to_and_whole_folder(tmp_path):
    folder = week_folder(tmp_path)
    one_day = run("review", folder, "--from", "13/03/2025", "--to", "2025-03-13")
    assert one_day.returncode == 1
    assert _rows(one_day.stdout) == ["sam-13.docx"]
    everything = run("review", folder)
    assert everything.stdout.splitlines()[0].startswith("Review of 6 recordings of any date: 2 passed, 2 need changes, "
                                                        "2 could not be read.")
    assert _rows(everything.stdout) == ["broken-old.docx", "broken.docx", "sam-13.docx", "undated.txt",
                                        "amelia-12.txt", "later-19.txt"]


def test_review_usage_errors(tmp_path):
    folder = week_folder(tmp_path)
    both = run("review", folder, "--week", "2025-03-12", "--from", "2025-03-10")
    assert (both.returncode, both.stderr) == (2, "qa-checker review: use either --week or --from/--to, not both\n")
    missing = run("review", tmp_path / "nowhere")
    assert missing.returncode == 2
    assert missing.stderr == f"qa-checker review: {tmp_path / 'nowhere'}: no such file or folder\n"
    onto_input = run("review", folder, "--csv", folder / "amelia-12.txt")
    assert onto_input.returncode == 2
    assert "is one of the recordings being reviewed; choose another output file" in onto_input.stderr
    assert (folder / "amelia-12.txt").read_text(encoding="utf-8").startswith("Child's Name: Amelia Smith")
