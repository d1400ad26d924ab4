"""Review: the SQLite history (reuse of unchanged files, changes since the last review, migrations)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from conftest import build
from review_cases import NO_WORRY, finding, recording, report, run, scaling, week_folder

from qa_checker import check_file
from qa_checker.review.history import MIGRATIONS, History, checker_fingerprint, migrate, plain
from qa_checker.review.model import Item
from qa_checker.review.pipeline import content_hash, run_review
from qa_checker.review.selection import DateSource, DateWindow

WEEK = DateWindow.week_of(dt.date(2025, 3, 12))


def by_path(result):
    return {i.report.path: plain(i.report) for i in result.items}


def test_unchanged_files_are_reused_changed_ones_checked_again(tmp_path):
    folder = week_folder(tmp_path)
    db = tmp_path / "history.sqlite"
    first = run_review([folder], WEEK, workers=1, history_path=db)
    assert (first.checked, first.reused) == (4, 0)  # files outside the week are read, not checked
    second = run_review([folder], WEEK, workers=1, history_path=db)
    assert (second.checked, second.reused) == (0, 4)
    assert by_path(second) == by_path(first)
    assert all(row.reused for row in second.summary.recordings)
    build(recording(edits=[NO_WORRY]), "text", folder, "amelia-12")
    third = run_review([folder], WEEK, workers=1, history_path=db)
    assert (third.checked, third.reused) == (1, 3)  # only the edited file
    assert [r.top_issue for r in third.summary.recordings if r.path == "amelia-12.txt"] == ["W02 missing-worried-about"]
    again = run_review([folder], WEEK, workers=1, history_path=db, recheck=True)
    assert (again.checked, again.reused) == (4, 0)


def test_stored_result_is_the_whole_report(tmp_path):
    folder = week_folder(tmp_path)
    db = tmp_path / "history.sqlite"
    run_review([folder], WEEK, workers=1, history_path=db)
    fresh = check_file(folder / "sam-13.docx")
    with History(db) as history:
        stored = history.stored(content_hash(str(folder / "sam-13.docx")), checker_fingerprint())
    assert plain(stored) == plain(fresh)
    assert stored.info.supervised_by == "Sam Lee, Family Time Supervisor"
    assert [f.rule for f in stored.findings] == ["H03", "W02"]


def test_history_rows_for_queries(tmp_path):
    folder = week_folder(tmp_path)
    db = tmp_path / "history.sqlite"
    run_review([folder], WEEK, workers=1, history_path=db)
    con = sqlite3.connect(db)
    rows = con.execute("SELECT path, date_of_contact, supervisor, passed, error IS NOT NULL FROM results "
                       "ORDER BY path").fetchall()
    assert [(r[0].rsplit("/", 1)[1],) + r[1:] for r in rows] == [
        ("amelia-12.txt", "2025-03-12", "Jo Patel, Family Time Supervisor", 1, 0),
        ("broken.docx", None, None, 0, 1),
        ("sam-13.docx", "2025-03-13", "Sam Lee, Family Time Supervisor", 0, 0),
        ("undated.txt", None, "Jo Patel, Family Time Supervisor", 0, 0),
    ]
    assert con.execute("SELECT f.rule, f.severity, f.section FROM findings f JOIN results r ON r.id = f.result_id "
                       "WHERE r.path LIKE '%sam-13.docx' ORDER BY f.rule").fetchall() == [
        ("H03", "error", "header"), ("W02", "error", "goodbye")]
    assert con.execute("SELECT COUNT(*) FROM result_children").fetchone() == (6,)
    assert con.execute("SELECT description, date_from, date_to FROM reviews").fetchall() == [
        ("dated 10 Mar 2025 to 16 Mar 2025", "2025-03-10", "2025-03-16")]
    assert con.execute("SELECT COUNT(*), SUM(date_source = 'modified') FROM review_results").fetchone() == (4, 2)


def test_next_review_shows_changes_since_the_last(tmp_path):
    folder = week_folder(tmp_path)
    db = tmp_path / "history.sqlite"
    run_review([folder], WEEK, workers=1, history_path=db)
    build(recording("13/03/2025", supervisor="Sam Lee"), "docx", folder, "sam-13")  # fixed
    second = run_review([folder], WEEK, workers=1, history_path=db)
    summary = second.summary
    assert summary.previous_description == "dated 10 Mar 2025 to 16 Mar 2025"
    assert [(r.code, r.findings, r.previous) for r in summary.rules] == [
        ("H01", 1, 1), ("H03", 0, 1), ("W02", 0, 1)]
    assert [(s.name, s.recordings, s.passed, s.previous_rate) for s in summary.supervisors] == [
        ("Jo Patel", 2, 1, 0.5), ("Sam Lee", 1, 1, 0.0)]
    out = run("review", folder, "--week", "2025-03-12", "--history", db).stdout
    assert "Changes are since the review of " in out
    assert "4 results taken from the history (the file is unchanged since it was checked); --recheck checks them again." in out


def test_scalings_across_weeks_come_from_earlier_reviews(tmp_path):
    db = tmp_path / "history.sqlite"
    weeks = [(dt.date(2025, 3, 5), 4), (dt.date(2025, 3, 12), 6)]
    with History(db) as history:
        for day, score in weeks:
            rep = report(f"/drive/week-{day.day}.docx", scalings=[scaling("Amelia", score)], date=day)
            history.record([Item(report=rep, date=day, date_source=DateSource.CONTACT, content_hash=str(day))],
                           {}, "checker", DateWindow.week_of(day))
        history.record([Item(report=report("/drive/other.docx", children=["Noah Bailey"]), date=day,
                             date_source=DateSource.CONTACT, content_hash="x")], {}, "checker", DateWindow())
        earlier = history.earlier_items(["AMELIA SMITH"], exclude=["/drive/week-12.docx"])
    assert [(i.report.path, i.date, i.reused, [s.score for s in i.report.scalings]) for i in earlier] == [
        ("/drive/week-5.docx", dt.date(2025, 3, 5), True, [4])]


def test_migrating_a_version_1_history(tmp_path):
    folder = week_folder(tmp_path)
    db = tmp_path / "v1.sqlite"
    con = sqlite3.connect(db, isolation_level=None)
    assert migrate(con, MIGRATIONS[:1]) == 1
    target = folder / "amelia-12.txt"
    stored = check_file(target)
    con.execute("INSERT INTO results (path, content_hash, checker, checked_at, date_of_contact, supervisor, passed, "
                "error, report) VALUES (?, ?, ?, '2025-03-14T10:00:00', '2025-03-12', 'Jo Patel', 1, NULL, ?)",
                (str(target), content_hash(str(target)), checker_fingerprint(), json.dumps(plain(stored))))
    con.close()

    result = run_review([folder], WEEK, workers=1, history_path=db)
    assert (result.checked, result.reused) == (3, 1)
    assert result.summary.previous_created is None  # a version 1 history had no reviews
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone() == (len(MIGRATIONS),) == (2,)
    assert con.execute("SELECT COUNT(*) FROM reviews").fetchone() == (1,)
    assert con.execute("SELECT COUNT(*) FROM results").fetchone() == (4,)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"results", "result_children", "findings", "scalings", "reviews", "review_results"}


def test_unusable_history_files(tmp_path):
    folder = week_folder(tmp_path)
    newer = tmp_path / "newer.sqlite"
    con = sqlite3.connect(newer)
    con.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    con.close()
    result = run("review", folder, "--history", newer)
    assert (result.returncode, result.stderr) == (2, f"qa-checker review: {newer}: it was written by a newer "
                                                     f"qa-checker (schema version 3); update qa-checker to use it\n")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all, just some bytes" * 40)
    result = run("review", folder, "--history", junk)
    assert result.returncode == 2
    assert result.stderr.startswith(f"qa-checker review: {junk}: this is not a qa-checker history file (")
    assert junk.read_bytes() == b"not a database at all, just some bytes" * 40
    nowhere = tmp_path / "no-such-folder" / "h.sqlite"
    result = run("review", folder, "--history", nowhere)
    assert (result.returncode, result.stderr) == (
        2, f"qa-checker review: {nowhere}: the folder {nowhere.parent} does not exist\n")


def test_finding_rows_match_reports(tmp_path):
    db = tmp_path / "h.sqlite"
    rep = report("/d/a.docx", findings=[finding("W02"), finding("S03", "warning", section="goodbye")],
                 scalings=[scaling(None, 7), scaling("Amelia", 6, step=False)])
    with History(db) as history:
        history.record([Item(report=rep, date=None, date_source=DateSource.MODIFIED, content_hash="h")], {},
                       "c", DateWindow())
    con = sqlite3.connect(db)
    assert con.execute("SELECT rule, severity, section FROM findings").fetchall() == [
        ("W02", "error", "basic_needs"), ("S03", "warning", "goodbye")]
    assert con.execute("SELECT child, score, has_reason, has_next_step FROM scalings").fetchall() == [
        (None, 7.0, 1, 1), ("Amelia", 6.0, 1, 0)]


def test_team_settings_apply_and_a_changed_settings_file_means_checking_again(tmp_path):
    folder = week_folder(tmp_path)
    db = tmp_path / "history.sqlite"
    (folder / "qa-checker.toml").write_text('ignore = ["H03"]\n', encoding="utf-8")
    first = run_review([folder], WEEK, workers=1, history_path=db)
    assert [r.top_issue for r in first.summary.recordings if r.path == "sam-13.docx"] == ["W02 missing-worried-about"]
    assert "H03" not in {r.code for r in first.summary.rules}
    again = run_review([folder], WEEK, workers=1, history_path=db)
    assert (again.checked, again.reused) == (0, 4)
    (folder / "qa-checker.toml").write_text('ignore = ["H03", "W02"]\n', encoding="utf-8")
    changed = run_review([folder], WEEK, workers=1, history_path=db)
    assert (changed.checked, changed.reused) == (4, 0)
    assert [(r.path, r.verdict.value) for r in changed.summary.recordings if r.path == "sam-13.docx"] == [
        ("sam-13.docx", "passed")]
    isolated = run_review([folder], WEEK, workers=1, isolated=True)
    assert [r.top_issue for r in isolated.summary.recordings if r.path == "sam-13.docx"] == ["H03 invalid-time"]


def test_a_bad_settings_file_stops_the_review(tmp_path):
    folder = week_folder(tmp_path)
    (folder / "qa-checker.toml").write_text('ignore = ["H03"\n', encoding="utf-8")
    result = run("review", folder)
    assert result.returncode == 2
    assert result.stderr.startswith(f"qa-checker review: {folder / 'qa-checker.toml'}")


def test_change_is_since_the_same_period_or_the_week_before(tmp_path):
    db = tmp_path / "history.sqlite"

    def review(history, window, *rules):
        rep = report("/drive/a.docx", findings=[finding(rule) for rule in rules])
        history.record([Item(report=rep, date=window.start, date_source=DateSource.CONTACT)], {}, "checker", window)

    week = {day: DateWindow.week_of(dt.date(2025, 3, day)) for day in (3, 10, 17, 24, 31)}
    with History(db) as history:
        review(history, week[3], "H01")
        review(history, week[10], "H02")
        review(history, week[10], "H03")  # the same week again, later: the one to compare with
        review(history, week[17], "W02")
        review(history, DateWindow(), "S03")  # a review of every date ran last
        compared = {day: history.previous_review(week[day]) for day in week}
        everything = history.previous_review(DateWindow())
    rules = {day: previous and [f.rule for i in previous.items for f in i.report.findings]
             for day, previous in compared.items()}
    assert rules == {3: ["H01"], 10: ["H03"], 17: ["W02"], 24: ["W02"], 31: None}
    assert compared[24].description == "dated 17 Mar 2025 to 23 Mar 2025"
    assert [f.rule for i in everything.items for f in i.report.findings] == ["S03"]
