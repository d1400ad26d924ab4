"""Review: the summary's tables (model and terminal text) from reports built by hand."""

from __future__ import annotations

import datetime as dt

from review_cases import finding, report, scaling

from qa_checker.review.model import Item
from qa_checker.review.selection import DateSource, DateWindow
from qa_checker.review.summary import (
    PreviousReview,
    RuleRow,
    ScalingPoint,
    SupervisorRow,
    Verdict,
    build_summary,
    supervisor_name,
)
from qa_checker.review.text import render_review

D = dt.date
WEEK = DateWindow(start=D(2025, 3, 10), end=D(2025, 3, 16))


def item(rep, date=D(2025, 3, 12), source=DateSource.CONTACT) -> Item:
    return Item(report=rep, date=date, date_source=source)


def week_items() -> list[Item]:
    return [
        item(report("a.docx", findings=[finding("W02"), finding("W02"), finding("S03", "warning")],
                    scalings=[scaling(None, 6), scaling("Amelia", 5, step=False)]), D(2025, 3, 11)),
        item(report("b.docx", children=["Leo Foster"], supervisor="Sam Lee (FTS)",
                    findings=[finding("S03", "warning")], scalings=[scaling("Leo", 8)]), D(2025, 3, 12)),
        item(report("c.txt", findings=[finding("H03"), finding("S03", "warning"), finding("S03", "warning")],
                    supervisor="jo patel - Family Time Supervisor", scalings=[scaling(None, 7)]), D(2025, 3, 13)),
        item(report("d.docx", error="this is not a Word .docx file"), D(2025, 3, 14), DateSource.MODIFIED),
        item(report("e.md", supervisor=None, children=["Amelia Smith", "Leo Foster"],
                    scalings=[scaling("Amelia Smith", 7), scaling("Leo", None, reason=False)]), D(2025, 3, 10)),
    ]


def test_children_label_shares_a_surname():
    from qa_checker.review.text import children_label

    assert children_label(["Leo Foster", "Mia Foster"]) == "Leo, Mia Foster"
    assert children_label(["Leo Foster", "Mia Dunn"]) == "Leo Foster, Mia Dunn"
    assert children_label(["Leo", "Mia"]) == "Leo, Mia"
    assert children_label(["Mary Jane Foster"]) == "Mary Jane Foster"


def test_no_scalings_table_before_any_scaling():
    plain = [item(report("a.docx")), item(report("b.docx", children=["Leo Foster"]))]
    text = render_review(build_summary(plain, WEEK))
    assert text.endswith("\nScalings by child: no recording here gives a 0-10 scaling yet.\n")


def test_supervisor_names_drop_roles():
    assert [supervisor_name(v) for v in ("Jo Patel, Family Time Supervisor", "Jo Patel (FTS)", "Jo  Patel - FTS",
                                         "Jo Patel / Sam Lee", "……", "", None)] == [
        "Jo Patel", "Jo Patel", "Jo Patel", "Jo Patel", None, None, None]


def test_recordings_worst_first_with_top_issue():
    summary = build_summary(week_items(), WEEK, today=D(2025, 3, 17))
    rows = [(r.path, r.verdict, r.errors, r.warnings, r.top_issue, r.supervisor, r.date, r.date_source)
            for r in summary.recordings]
    assert rows == [
        ("d.docx", Verdict.UNREADABLE, 0, 0, None, None, D(2025, 3, 14), DateSource.MODIFIED),
        ("a.docx", Verdict.CHANGES, 2, 1, "W02 rule-w02 ×2", "Jo Patel", D(2025, 3, 11), DateSource.CONTACT),
        ("c.txt", Verdict.CHANGES, 1, 2, "H03 rule-h03", "jo patel", D(2025, 3, 13), DateSource.CONTACT),
        ("b.docx", Verdict.PASSED, 0, 1, "S03 rule-s03", "Sam Lee", D(2025, 3, 12), DateSource.CONTACT),
        ("e.md", Verdict.PASSED, 0, 0, None, None, D(2025, 3, 10), DateSource.CONTACT),
    ]
    assert summary.recordings[0].error == "d.docx: this is not a Word .docx file"


def test_most_frequent_rules_and_change_since_last_review():
    last = [item(report("old.docx", findings=[finding("W02"), finding("S04")]))]
    previous = PreviousReview(created=dt.datetime(2025, 3, 10, 9), description="dated 3 Mar 2025 to 9 Mar 2025",
                              items=last)
    summary = build_summary(week_items(), WEEK, previous=previous)
    assert summary.rules == [
        RuleRow(code="S03", name="rule-s03", severity="warning", findings=4, recordings=3, previous=0),
        RuleRow(code="W02", name="rule-w02", severity="error", findings=2, recordings=1, previous=1),
        RuleRow(code="H03", name="rule-h03", severity="error", findings=1, recordings=1, previous=0),
        RuleRow(code="S04", name="rule-s04", severity="error", findings=0, recordings=0, previous=1),
    ]
    assert build_summary(week_items(), WEEK).rules[0].previous is None


def test_supervisors_with_pass_rate_and_change():
    last = [item(report("old1.docx", supervisor="Jo Patel")),
            item(report("old2.docx", supervisor="JO PATEL", findings=[finding("W02")])),
            item(report("old3.docx", supervisor="Sam Lee", findings=[finding("W02")]))]
    previous = PreviousReview(created=dt.datetime(2025, 3, 10, 9), description="x", items=last)
    summary = build_summary(week_items(), WEEK, previous=previous)
    assert summary.supervisors == [
        SupervisorRow(name="jo patel", recordings=2, passed=0, top_rule="W02 rule-w02 ×2", previous_rate=0.5),
        SupervisorRow(name="(not given)", recordings=1, passed=1, top_rule=None, previous_rate=None),
        SupervisorRow(name="Sam Lee", recordings=1, passed=1, top_rule="S03 rule-s03", previous_rate=0.0),
    ]


def test_children_scalings_in_date_order_with_earlier_reviews():
    earlier = [item(report("/history/week9.docx", scalings=[scaling("Amelia", 4)]), D(2025, 3, 4)),
               item(report("/history/other.docx", children=["Noah Bailey"], scalings=[scaling("Noah", 9)]),
                    D(2025, 3, 5))]
    summary = build_summary(week_items(), WEEK, earlier=earlier)
    assert [(c.name, c.points) for c in summary.children] == [
        ("Amelia Smith", [
            ScalingPoint(date=D(2025, 3, 4), path="/history/week9.docx", score=4, overall=None, has_reason=True,
                         has_next_step=True, earlier=True),
            ScalingPoint(date=D(2025, 3, 10), path="e.md", score=7, overall=None, has_reason=True, has_next_step=True),
            ScalingPoint(date=D(2025, 3, 11), path="a.docx", score=5, overall=6, has_reason=True, has_next_step=False),
            ScalingPoint(date=D(2025, 3, 13), path="c.txt", score=None, overall=7),
        ]),
        ("Leo Foster", [
            ScalingPoint(date=D(2025, 3, 10), path="e.md", score=None, overall=None, has_reason=False,
                         has_next_step=True),
            ScalingPoint(date=D(2025, 3, 12), path="b.docx", score=8, overall=None, has_reason=True,
                         has_next_step=True),
        ]),
    ]


EXPECTED_TEXT = """\
Review of 5 recordings dated 10 Mar 2025 to 16 Mar 2025: 2 passed, 2 need changes, 1 could not be read.
1 recording had no readable Date of Contact: the file's modification date was used (marked *).
Changes are since the review of 10 Mar 2025 (recordings dated 3 Mar 2025 to 9 Mar 2025).

Recordings, worst first
File    Children                  Date          Supervisor  Errors  Warnings  Top issue            Verdict
────────────────────────────────────────────────────────────────────────────────────────────────────────────────
d.docx                            14 Mar 2025*                                cannot read (below)  unreadable
a.docx  Amelia Smith              11 Mar 2025   Jo Patel         2         1  W02 rule-w02 ×2      needs changes
c.txt   Amelia Smith              13 Mar 2025   jo patel         1         2  H03 rule-h03         needs changes
b.docx  Leo Foster                12 Mar 2025   Sam Lee          0         1  S03 rule-s03         passed
e.md    Amelia Smith, Leo Foster  10 Mar 2025                    0         0                       passed

Could not be read (ask for a readable copy):
  d.docx: this is not a Word .docx file

Most frequent rules
Rule  Name      Severity  Findings  Recordings  Last review  Change
───────────────────────────────────────────────────────────────────
S03   rule-s03  warning          4           3            0      +4
W02   rule-w02  error            2           1            2       0
H03   rule-h03  error            1           1            0      +1

Supervisors
Supervisor   Recordings  Passed  Pass rate  Last review  Change  Most frequent rule
───────────────────────────────────────────────────────────────────────────────────
jo patel              2       0         0%           0%   0 pts  W02 rule-w02 ×2
(not given)           1       1       100%
Sam Lee               1       1       100%                       S03 rule-s03

Scalings by child, in date order
Child         Date         Child's scaling  Overall  Reason  Next step  File
──────────────────────────────────────────────────────────────────────────────
Amelia Smith  10 Mar 2025  7/10             none     yes     yes        e.md
              11 Mar 2025  5/10             6/10     yes     no         a.docx
              13 Mar 2025  none             7/10                        c.txt
Leo Foster    10 Mar 2025  none             none                        e.md
              12 Mar 2025  8/10             none     yes     yes        b.docx
"""


def test_terminal_text_is_exact():
    last = [item(report("old.docx", findings=[finding("W02"), finding("W02")]))]
    previous = PreviousReview(created=dt.datetime(2025, 3, 10, 9), description="dated 3 Mar 2025 to 9 Mar 2025",
                              items=last)
    text = render_review(build_summary(week_items(), WEEK, previous=previous), width=120)
    assert text == EXPECTED_TEXT
    assert "\x1b[" not in text
    coloured = render_review(build_summary(week_items(), WEEK), color=True)
    assert "\x1b[1;31mneeds changes" in coloured


LONG_PATH = "team-north/march-2025/week-11/contact-recording-amelia-and-jayden-smith.docx"


def _crowded_items() -> list[Item]:
    return week_items() + [item(report(
        LONG_PATH, children=["Amelia Smith", "Jayden Smith", "Leo Foster"],
        supervisor="Samantha Worthington-Lee (Family Time Supervisor)",
        findings=[finding("W02")], scalings=[scaling("Amelia Smith", 5)]), D(2025, 3, 12))]


def test_tables_fit_80_and_100_columns_without_breaking_a_word():
    import re

    summary = build_summary(_crowded_items(), WEEK, today=D(2025, 3, 17))
    words = {"Children", "Supervisor", "Worthington-Lee", "Warnings", "rule-w02", "changes", "(below)",
             "Samantha", "Smith,", "Most", "frequent", "scaling"}
    for width in (80, 100):
        text = render_review(summary, width=width)
        lines = text.splitlines()
        assert max(len(line) for line in lines) <= width
        shown = set(re.findall(r"\S+", text))
        assert words <= shown, words - shown  # each word whole on one line
        assert not any(piece in shown for piece in ("Childre", "Supervi", "rule-w", "team-north/m"))
        assert "…/contact-recording-amel….docx" in shown  # a long path keeps its file name's ends
        assert LONG_PATH not in text


def test_a_wide_terminal_keeps_one_column_each_and_whole_paths():
    text = render_review(build_summary(_crowded_items(), WEEK, today=D(2025, 3, 17)), width=200)
    header = next(line for line in text.splitlines() if line.startswith("File"))
    assert header.split() == ["File", "Children", "Date", "Supervisor", "Errors", "Warnings", "Top", "issue",
                              "Verdict"]
    assert LONG_PATH in text
