"""Review: the CSV files (one row per finding, one row per recording)."""

from __future__ import annotations

import csv
import datetime as dt

from review_cases import finding, report, run, scaling, week_folder

from qa_checker.review.csv_out import FINDING_COLUMNS, SUMMARY_COLUMNS, findings_csv, summary_csv
from qa_checker.review.model import Item
from qa_checker.review.selection import DateSource, DateWindow
from qa_checker.review.summary import build_summary

UNREADABLE = ("cannot read: this is not a Word .docx file (it may be damaged or another kind of file); "
              "open it in Word and save it as .docx")


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark, for Excel
    return list(csv.reader(raw.decode("utf-8-sig").splitlines()))


# The good base recording's scalings (tests/fixtures/good_recording.txt), overall then per child.
SCALED = ["7/10", "Amelia Smith: 6/10; Jayden Smith: 8/10"]


def test_csv_files_of_a_week(tmp_path):
    folder = week_folder(tmp_path)
    findings, summary = tmp_path / "findings.csv", tmp_path / "summary.csv"
    result = run("review", folder, "--week", "2025-03-12", "--csv", findings, "--csv-summary", summary)
    assert result.returncode == 2
    rows = read_csv(findings)
    assert rows[0] == FINDING_COLUMNS == [
        "file", "date", "date_source", "supervisor", "children", "verdict", "rule", "name", "severity", "section",
        "child", "message", "flagged_text", "suggestion"]
    kids = "Amelia Smith; Jayden Smith"
    assert [r[:11] + [r[12]] for r in rows[1:]] == [
        ["broken.docx", "2025-03-11", "modified", "", "", "unreadable", "", "", "", "", "", ""],
        ["sam-13.docx", "2025-03-13", "contact", "Sam Lee", kids, "needs changes", "H03", "invalid-time", "error",
         "Header", "", "17:00 to 16:00"],
        ["sam-13.docx", "2025-03-13", "contact", "Sam Lee", kids, "needs changes", "W02", "missing-worried-about",
         "error", "Goodbye", "", "What are you worried about?"],
        ["undated.txt", "2025-03-14", "modified", "Jo Patel", kids, "needs changes", "H01", "missing-header-field",
         "error", "Header", "", "Date of Contact"],
    ]
    assert rows[1][11] == UNREADABLE
    assert rows[2][11] == ("The session time is not right: the session ends (16:00) before or when it starts "
                           "(17:00). Give the start and end, e.g. 'Time: 16:00 to 17:30'.")
    assert read_csv(summary) == [
        SUMMARY_COLUMNS,
        ["broken.docx", "", "2025-03-11", "modified", "", "", "", UNREADABLE, "unreadable", "", ""],
        ["sam-13.docx", kids, "2025-03-13", "contact", "Sam Lee", "2", "0", "H03 invalid-time", "needs changes", *SCALED],
        ["undated.txt", kids, "2025-03-14", "modified", "Jo Patel", "1", "0", "H01 missing-header-field",
         "needs changes", *SCALED],
        ["amelia-12.txt", kids, "2025-03-12", "contact", "Jo Patel", "0", "0", "", "passed", *SCALED],
    ]


def test_csv_scalings_and_cells_excel_would_run():
    rep = report("x.docx", children=["Amelia Smith", "Leo Foster"],
                 findings=[finding("P01", "warning", text="=HYPERLINK(\"http://x\")"),
                           finding("P02", "warning", text="-Mum said no", message="+1 more")],
                 scalings=[scaling(None, 6.5), scaling("Amelia", 5), scaling("Leo Foster", 8)])
    summary = build_summary([Item(report=rep, date=dt.date(2025, 3, 12), date_source=DateSource.CONTACT)],
                            DateWindow())
    finding_rows = list(csv.reader(findings_csv(summary).splitlines()))
    assert [(r[6], r[11], r[12]) for r in finding_rows[1:]] == [
        ("P01", "Say what you saw.", "'=HYPERLINK(\"http://x\")"),
        ("P02", "'+1 more", "'-Mum said no"),
    ]
    summary_rows = list(csv.reader(summary_csv(summary).splitlines()))
    assert summary_rows[1][9:] == ["6.5/10", "Amelia Smith: 5/10; Leo Foster: 8/10"]


def test_review_says_where_it_wrote_its_files(tmp_path):
    folder = week_folder(tmp_path)
    findings, summary, page = tmp_path / "findings.csv", tmp_path / "summary.csv", tmp_path / "review.html"
    result = run("review", folder, "--week", "2025-03-12", "--csv", findings, "--csv-summary", summary,
                 "--html", page)
    assert result.returncode == 2
    assert result.stdout.splitlines()[-3:] == [
        f"Wrote {findings} (one row per finding).",
        f"Wrote {summary} (one row per recording).",
        f"Wrote {page} (the review as one page).",
    ]
    plain = run("review", folder, "--week", "2025-03-12")
    assert "Wrote" not in plain.stdout
