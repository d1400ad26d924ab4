"""``review --redact`` over a corpus with names in every placement: none in any output.

Placements: the header (children with a nickname, people present, supervisor, report writer and
the people the report was sent to), the body (a name only the entity recogniser knows, a name
next to a relationship word), quoted speech, possessives, lower case, and file names (of a
readable recording and of files that cannot be read).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

import pytest
from cli_runner import run_cli
from conftest import GOOD_SPEC, apply_edits, build
from review_cases import set_mtime

CORPUS_EDITS = [
    ["Child's Name: Amelia Smith (7) and Jayden Smith (4)", "Child's Name: Amelia Smith (7) and Jayden Smith (Jay) (4)"],
    ["Present at contact: Sarah Smith (mother), Amelia, Jayden",
     "Present at contact: Sarah Smith (mother), Amelia, Jayden, Dean Walker (Mum's partner, agreed by the social worker)"],
    ["Date of Contact: 12/03/2025", "Date of Contact: 14/03/2025"],
    ["Report by: Jo Patel, Family Time Supervisor",
     "Report by: Jo Patel, Family Time Supervisor. Emailed to the social worker, Priya Khan, on 14/03/2025."],
    ["I have no worries about the arrival because Sarah was ready before the children came and greeted each of them "
     "by name.",
     "Mum's partner Dean seemed nervous when he arrived, and Dean's phone rang twice. Nan's friend Marcia seemed "
     "pleased to see the children. At 16:20 the receptionist, Sandra Okoye, said the room was needed soon, which "
     "seemed to unsettle Sarah."],
    ["Jayden: 8/10 because he played with Mum for the whole session. To move up, the goodbye needs to be shorter.\n",
     ""],
    ["Amelia asked twice when she could go home with Mum and Sarah did not answer her.",
     "Sarah kicked off when Amelia said, \"Uncle Kyle is taking us swimming on Saturday.\" I think sandra was right "
     "to ask Marcia's daughter to wait outside. Jay seemed tired."],
]
NAMES = {"Amelia", "Jayden", "Jay", "Smith", "Sarah", "Dean", "Walker", "Jo", "Patel", "Priya", "Khan", "Marcia",
         "Sandra", "Okoye", "Kyle", "Marsha"}


def names_in(text: str) -> list[str]:
    return sorted(n for n in NAMES if re.search(rf"(?<![^\W\d_]){n}(?![^\W\d_])", text, re.IGNORECASE))


def history_text(path) -> str:
    with sqlite3.connect(path) as db:
        return "\n".join(db.iterdump())


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "week"
    folder.mkdir()
    build(apply_edits(GOOD_SPEC, CORPUS_EDITS), "docx", folder, "amelia-jay-dean-smith-14")
    for name in ("kyle-scan.docx", "marsha-copy.docx"):  # unreadable: one name known from a recording, one not
        (folder / name).write_bytes(b"this is not a zip file")
        set_mtime(folder / name, dt.date(2025, 3, 13))
    return folder


def _review(folder, out, *extra):
    args = ["review", str(folder), "--week", "2025-03-12", "--workers", "1", "--csv", str(out / "findings.csv"),
            "--csv-summary", str(out / "summary.csv"), "--html", str(out / "review.html"),
            "--history", str(out / "history.sqlite"), *extra]
    ran = run_cli(*args)
    texts = {"stdout": ran.stdout, "stderr": ran.stderr, "history": history_text(out / "history.sqlite"),
             **{n: (out / n).read_text(encoding="utf-8-sig") for n in ("findings.csv", "summary.csv", "review.html")}}
    return ran, texts


def test_every_name_is_in_the_outputs_without_redact(corpus, tmp_path):
    (out := tmp_path / "plain").mkdir()
    ran, texts = _review(corpus, out)
    assert ran.returncode == 2  # two files cannot be read
    assert names_in("\n".join(texts.values())) == sorted(NAMES)


def test_redacted_review_leaks_no_name_in_any_output(corpus, tmp_path):
    (out := tmp_path / "redacted").mkdir()
    for _ in range(2):  # the second review reuses the history's results
        ran, texts = _review(corpus, out, "--redact")
        assert ran.returncode == 2
        for name, text in texts.items():
            assert names_in(text) == [], name
    assert "Names are shown as initials." in texts["stdout"]
    assert "A.-J.-D.-S.-14.docx" in texts["stdout"]
    assert "K.-scan.docx" in texts["stdout"] and "M.-copy.docx" in texts["stdout"]
    # The product's own words stay (rule codes and names), and so do relationships.
    assert "SC02 missing-child-scaling" in texts["stdout"] and "P01   speculative-phrasing" in texts["stdout"]
    assert ",SC02,missing-child-scaling,error,Scaling,J. S.,\"There is no scaling for J. Each child" in texts["findings.csv"]
    for kept in ("Mum's partner D. seemed nervous", "Nan's friend M. seemed", "I think S. was right", "J. seemed tired"):
        assert kept in texts["findings.csv"], kept
