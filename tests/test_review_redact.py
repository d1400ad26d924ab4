"""Review: --redact leaves no name in any output (terminal, both CSV files, HTML)."""

from __future__ import annotations

import datetime as dt
import re

from conftest import build
from review_cases import finding, recording, report, run, scaling, week_folder

from qa_checker.review.csv_out import findings_csv, summary_csv
from qa_checker.review.html import render_html
from qa_checker.review.model import Item
from qa_checker.review.redact import Redactor, body_names, keep_words, name_words, redact_summary
from qa_checker.review.selection import DateSource, DateWindow
from qa_checker.review.summary import build_summary
from qa_checker.review.text import render_review


def test_redactor_replaces_each_name_word_by_its_initial():
    redact = Redactor(["Amelia", "Smith", "O'Brien", "Jo"])
    assert redact("Amelia Smith told Jo about AMELIA's day; amelia-smith-12.docx; Joanne; O'Brien.") == (
        "A. S. told J. about A.'s day; A.-S.-12.docx; Joanne; O.")
    assert redact("good-amelia.docx") == "good-A.docx"
    assert Redactor([])("Amelia") == "Amelia"


def test_name_words_leave_relationships_and_roles():
    keep = keep_words()
    words = name_words(["Mary-Jane O'Brien", "Mum", "Nan Pat", "Jo Patel, Family Time Supervisor", "Foster carer",
                        "A"], keep)
    assert words == {"Mary-Jane", "Mary", "Jane", "O'Brien", "Brien", "Pat", "Jo", "Patel", "Foster"}


def names_in(text: str, words: set[str]) -> list[str]:
    return sorted({w for w in words if re.search(rf"(?<![^\W\d_]){re.escape(w)}(?![^\W\d_])", text, re.IGNORECASE)})


NAMES = {"Amelia", "Jayden", "Smith", "Sarah", "Jo", "Patel", "Sam", "Lee", "Brian", "Cox", "Priya", "Khan"}


def test_redacted_review_has_no_name_in_any_output(tmp_path):
    folder = week_folder(tmp_path)
    # A person in the header with no relationship: H05 quotes the whole line, names and all.
    build(recording("14/03/2025", supervisor="Priya Khan",
                    edits=[["Sarah Smith (mother), Amelia, Jayden", "Sarah Smith (mother), Amelia, Jayden, Brian Cox"]]),
          "docx", folder, "amelia-jayden-smith-14")
    outputs = {name: tmp_path / name for name in ("findings.csv", "summary.csv", "review.html")}
    args = ["review", folder, "--week", "2025-03-12", "--csv", outputs["findings.csv"],
            "--csv-summary", outputs["summary.csv"], "--html", outputs["review.html"]]
    plain = run(*args)
    texts = {"stdout": plain.stdout, **{n: p.read_text(encoding="utf-8-sig") for n, p in outputs.items()}}
    assert names_in("\n".join(texts.values()), NAMES) == sorted(NAMES)
    assert "Brian Cox" in texts["findings.csv"]  # the names are there without --redact...

    redacted = run(*args, "--redact")
    assert redacted.returncode == 2
    texts = {"stdout": redacted.stdout, "stderr": redacted.stderr,
             **{n: p.read_text(encoding="utf-8-sig") for n, p in outputs.items()}}
    for name, text in texts.items():
        assert names_in(text, NAMES) == [], name  # ...and nowhere with it
    assert "Names are shown as initials." in texts["stdout"]
    assert "A.-J.-S.-14.docx" in texts["stdout"] and "A.-J.-S.-14.docx" in texts["review.html"]
    assert "S. S. (mother), A., J., B. C." in texts["findings.csv"]
    assert "A. S.; J. S." in texts["summary.csv"]


def test_names_found_only_by_the_entity_recogniser_are_redacted():
    said = "At 16:20 Priya Khan told me that Mum would call Leo on Friday."
    body = f"Child's Name: Leo Foster\nThe session went well.\n{said}\n"
    names = body_names(body, known={"Leo Foster", "Jo Patel"})
    assert names == {"Priya", "Khan"}
    rep = report("leo-week.docx", children=["Leo Foster"], supervisor="Jo Patel",
                 findings=[finding("P01", "warning", text=said)], scalings=[scaling("Leo", 6)])
    summary = build_summary([Item(report=rep, date=dt.date(2025, 3, 12), date_source=DateSource.CONTACT)],
                            DateWindow())
    redacted = redact_summary(summary, names={"Leo Foster", "Jo Patel", *names})
    outputs = [render_review(redacted), findings_csv(redacted), summary_csv(redacted), render_html(redacted)]
    for text in outputs:
        assert names_in(text, {"Priya", "Khan", "Leo", "Foster", "Jo", "Patel"}) == []
    assert redacted.recordings[0].findings[0].text == "At 16:20 P. K. told me that Mum would call L. on Friday."
    assert redacted.recordings[0].path == "L.-week.docx"
    assert redacted.children[0].name == "L. F."
    assert redacted.recordings[0].findings[0].message == "Say what you saw."


def test_names_next_to_relationship_words_and_nicknames_are_found():
    text = ("Mum's partner Dean arrived late. Uncle Kyle waited outside. The social worker, Priya Khan, rang. "
            "Jayden (Jay) ran in. Jordan \"Jojo\" Price sat down. She is known as Bex at school.")
    assert body_names(text, known={"Jayden", "Jordan Price"}) >= {"Dean", "Kyle", "Priya Khan", "Jay", "Jojo", "Bex"}


def test_twins_and_relationships_are_not_names():
    assert name_words(["Amelia and Jayden Smith twins", "Amelia Smith (twins)", "Mum's partner"]) == {
        "Amelia", "Jayden", "Smith"}
    assert Redactor.of(["Amelia Smith"])("Amelia's twins and amelia's mum") == "A.'s twins and A.'s mum"


def test_the_products_labels_are_never_redacted():
    sc = finding("SC03", "error", section="scaling", text="Scaling: 12/10", message="Sam's score (12) is out of range.")
    rep = report("sam-sc.docx", children=["Sam Cole"], supervisor="Sam Cole", findings=[sc])
    summary = build_summary([Item(report=rep, date=dt.date(2025, 3, 12), date_source=DateSource.CONTACT)],
                            DateWindow())
    redacted = redact_summary(summary, names={"Sam Cole", "Scaling Rule"})  # even a name that is a label's word
    row = redacted.recordings[0]
    assert (row.findings[0].rule, row.findings[0].name, row.findings[0].section) == ("SC03", "rule-sc03", "scaling")
    assert row.top_issue == "SC03 rule-sc03"
    assert redacted.rules[0].code == "SC03" and redacted.rules[0].name == "rule-sc03"
    assert row.findings[0].message == "S.'s score (12) is out of range."
