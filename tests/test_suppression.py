"""Accepting findings on purpose without editing the record: Word comments and baselines."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_runner import run_cli
from conftest import GOOD_SCALING_SUMMARY, GOOD_SPEC, TODAY, apply_edits, build
from docx import Document

from qa_checker import check_file
from qa_checker.baseline import Baseline, Entry
from qa_checker.document import Comment
from qa_checker.readers import read_document
from qa_checker.report import Finding, Severity
from qa_checker.suppress import parse_directive

PROMPT = "Did the parent set appropriate boundaries in their conversation?"
WORRY = "At 16:50 Sarah began to talk about her solicitor. I reminded her of the agreement and she changed the subject."
# S03 (warning) on the prompt; W02 (error) on BASIC NEEDS' empty "What are you worried about?".
FLAWED = apply_edits(GOOD_SPEC, [["# BASIC NEEDS\n", f"# BASIC NEEDS\n{PROMPT}\n"], [WORRY, "N/A"]])


def run(*args, cwd=None):
    return run_cli(*args, cwd=cwd)


def _comment(path: Path, starts_with: str, text: str, author: str = "Team Leader", nth: int = 0) -> None:
    """Anchor a Word comment on the ``nth`` paragraph that starts with ``starts_with``."""
    document = Document(path)
    paragraph = [p for p in document.paragraphs if p.text.startswith(starts_with)][nth]
    document.add_comment(paragraph.runs, text=text, author=author, initials="TL")
    document.save(path)


# --- Word comments ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "codes"), [
    ("qa-checker: ignore P03", ("P03",)),
    ("qa-checker: ignore P03 S03 - Mum's own words", ("P03", "S03")),
    ("QA-Checker: Ignore p03, SC: agreed with the team leader", ("P03", "SC")),
    ("qa-checker: ignore S03 sc", ("S03",)),  # a lower-case word without digits is the reason
    ("  qa-checker:ignore W02\nThe worry is in the next section.", ("W02",)),
    ("qa-checker: ignore because it is quoted", ()),
    ("Please look again. qa-checker: ignore S03", None),
    ("qa-checker: ignored S03", None),
])
def test_directive_parsing(text, codes):
    assert parse_directive(text) == codes


def test_docx_reader_keeps_comment_ranges_without_changing_the_text(tmp_path):
    path = build(FLAWED, "docx", tmp_path, "draft")
    plain = read_document(path)
    document = Document(path)
    prompt = next(p for p in document.paragraphs if p.text == PROMPT)
    heading = next(p for p in document.paragraphs if p.text == "EMOTIONAL WARMTH")
    after = next(p for p in document.paragraphs if p.text.startswith("Sarah read a dinosaur book"))
    document.add_comment(prompt.runs, text="qa-checker: ignore S03", author="Team Leader")
    document.add_comment([heading.runs[0], after.runs[0]], text="Across two paragraphs", author="")
    document.save(path)
    read = read_document(path)
    assert read.text == plain.text and read.blocks == plain.blocks
    start = read.text.index(PROMPT)
    warmth = read.text.index("EMOTIONAL WARMTH")
    book = read.text.index("Sarah read a dinosaur book")
    end_of_book = read.text.index("\n", book)
    assert read.comments == (
        Comment(start, start + len(PROMPT), "qa-checker: ignore S03", "Team Leader"),
        Comment(warmth, end_of_book, "Across two paragraphs", ""),
    )


def test_word_comment_suppresses_the_findings_it_is_anchored_on(tmp_path):
    path = build(FLAWED, "docx", tmp_path, "draft")
    assert [f.rule for f in check_file(path, today=TODAY).findings] == ["S03", "W02"]
    _comment(path, PROMPT, "qa-checker: ignore S03 – the team leader asked for this question to stay")
    report = check_file(path, today=TODAY)
    assert [f.rule for f in report.findings] == ["W02"]
    assert [(s.finding.rule, s.by, s.reason) for s in report.suppressed] == [
        ("S03", "comment",
         "Word comment by Team Leader: \"qa-checker: ignore S03 – the team leader asked for this question to stay\""),
    ]
    result = run("check", str(path), "--show-suppressed")
    assert result.returncode == 1
    assert result.stdout.endswith(
        "1 recording checked: 1 thing to fix before submitting (1 error).\n"
        "Suppressed (1 finding accepted on purpose, not counted above):\n"
        f"  {path}\n"
        "    warning  S03 prompt-left-in (Basic Needs)\n"
        "      Word comment by Team Leader: \"qa-checker: ignore S03 – the team leader asked for this question to stay\"\n"
    )
    quiet = run("check", str(path)).stdout
    assert quiet.endswith("1 finding was accepted on purpose (by a Word comment or the baseline) and not shown; "
                          "--show-suppressed lists it\n")
    assert "prompt-left-in" not in quiet


def test_accepting_the_error_changes_the_exit_code(tmp_path):
    path = build(FLAWED, "docx", tmp_path, "draft")
    _comment(path, "What are you worried about?", "qa-checker: ignore W", nth=1)  # BASIC NEEDS' label; a prefix
    report = check_file(path, today=TODAY)
    assert [f.rule for f in report.findings] == ["S03"]
    assert report.passed
    assert run("check", str(path)).returncode == 0


@pytest.mark.parametrize("text", [
    "qa-checker: ignore P03",  # another rule
    "qa-checker: ignore SC",  # a family that is not S
    "Agreed: qa-checker: ignore S03",  # not at the start
    "qa-checker: ignore",  # no rule named
])
def test_comments_that_do_not_apply(tmp_path, text):
    path = build(FLAWED, "docx", tmp_path, "draft")
    _comment(path, PROMPT, text)
    assert [f.rule for f in check_file(path, today=TODAY).findings] == ["S03", "W02"]


def test_comment_elsewhere_does_not_suppress(tmp_path):
    path = build(FLAWED, "docx", tmp_path, "draft")
    _comment(path, "Sarah read a dinosaur book", "qa-checker: ignore S03")
    assert [f.rule for f in check_file(path, today=TODAY).findings] == ["S03", "W02"]


def test_text_recordings_have_no_comment_suppression(tmp_path):
    spec = apply_edits(FLAWED, [[f"{PROMPT}\n", f"{PROMPT} qa-checker: ignore S03\n"]])
    report = check_file(build(spec, "text", tmp_path, "draft"), today=TODAY)
    assert [f.rule for f in report.findings] == ["S03", "W02"] and report.suppressed == []


# --- baselines ----------------------------------------------------------------------------------

def _entries(path: Path) -> list[tuple[str, str, int]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == ["version", "findings"] and data["version"] == 1
    for entry in data["findings"]:
        assert re.fullmatch(r"[0-9a-f]{20}", entry["fingerprint"])
    return [(e["file"], e["rule"], e["count"]) for e in data["findings"]]


def test_baseline_reports_only_new_findings(tmp_path):
    team = tmp_path / "team"
    (team / "week12").mkdir(parents=True)
    draft = build(FLAWED, "text", team / "week12", "draft")
    baseline = team / "qa-baseline.json"
    written = run("check", "week12", "--write-baseline", "qa-baseline.json", cwd=team)
    assert (written.returncode, written.stdout) == (0, "Wrote qa-baseline.json: 2 accepted findings (1 recording checked now)\n")
    assert _entries(baseline) == [("week12/draft.txt", "S03", 1), ("week12/draft.txt", "W02", 1)]
    assert "Sarah" not in baseline.read_text(encoding="utf-8") and PROMPT not in baseline.read_text(encoding="utf-8")

    # from another folder, with another spelling of the path: the same entries match
    again = run("check", "team/week12/draft.txt", "--baseline", str(baseline), "--show-suppressed", cwd=tmp_path)
    assert again.returncode == 0
    assert again.stdout == (
        "team/week12/draft.txt\n  nothing to fix: ready to submit\n\n"
        f"{GOOD_SCALING_SUMMARY}\n"
        "1 recording checked: nothing to fix.\n"
        "Suppressed (2 findings accepted on purpose, not counted above):\n"
        "  team/week12/draft.txt\n"
        "    warning  S03 prompt-left-in (line 13, Basic Needs)\n"
        f"      in the baseline {baseline}\n"
        "    error    W02 missing-worried-about (line 16, Basic Needs)\n"
        f"      in the baseline {baseline}\n"
    )

    # edits elsewhere, even a new sentence beside the flagged one, keep the baseline valid
    edited = apply_edits(FLAWED, [
        ["They put the toys in the box together.", "They put the toys away together."],
        [f"{PROMPT}\n", f"{PROMPT} Sarah asked about the contact plan.\n"],
    ])
    build(edited, "text", team / "week12", "draft")
    result = run("check", str(draft), "--baseline", str(baseline), "--show-suppressed")
    assert result.returncode == 0 and "2 findings accepted on purpose" in result.stdout


def test_rewriting_the_flagged_sentence_brings_the_finding_back(tmp_path):
    spec = apply_edits(GOOD_SPEC, [["Time: 16:00 to 17:30", "Time: 17:00 to 16:00"]])
    draft = build(spec, "text", tmp_path, "draft")
    assert run("check", str(draft), "--write-baseline", "b.json", cwd=tmp_path).returncode == 0
    assert run("check", str(draft), "--baseline", "b.json", cwd=tmp_path).returncode == 0
    build(apply_edits(spec, [["17:00 to 16:00", "17:15 to 16:00"]]), "text", tmp_path, "draft")
    result = run("check", str(draft), "--baseline", "b.json", "-f", "json", cwd=tmp_path)
    assert result.returncode == 1
    assert [f["text"] for f in json.loads(result.stdout)["reports"][0]["findings"]] == ["17:15 to 16:00"]


def test_rewriting_the_baseline_keeps_other_files_and_notes(tmp_path):
    a = build(FLAWED, "text", tmp_path, "a")
    b = build(FLAWED, "text", tmp_path, "b")
    gone = build(FLAWED, "text", tmp_path, "gone")
    baseline = tmp_path / "baseline.json"
    assert run("check", str(a), str(b), str(gone), "--write-baseline", str(baseline)).returncode == 0
    data = json.loads(baseline.read_text(encoding="utf-8"))
    for entry in data["findings"]:
        if entry["file"] == "b.txt" and entry["rule"] == "S03":
            entry["note"] = "agreed with the IRO on 3 March"
    baseline.write_text(json.dumps(data), encoding="utf-8")
    gone.unlink()
    build(GOOD_SPEC, "text", tmp_path, "a")  # a is fixed
    assert run("check", str(a), str(b), "--write-baseline", str(baseline)).stdout == (
        f"Wrote {baseline}: 2 accepted findings (2 recordings checked now)\n")
    text = baseline.read_text(encoding="utf-8")
    assert _entries(baseline) == [("b.txt", "S03", 1), ("b.txt", "W02", 1)]
    assert text.splitlines()[3].endswith('"note": "agreed with the IRO on 3 March"},')
    shown = run("check", str(b), "--baseline", str(baseline), "--show-suppressed").stdout
    assert f"      in the baseline {baseline} (agreed with the IRO on 3 March)\n" in shown


def test_baseline_counts_repeats():
    finding = Finding(rule="P03", name="vague-phrasing", severity=Severity.WARNING, section="goodbye",
                      message="m", start=1, end=5, fingerprint="f" * 20)
    baseline = Baseline(Path("/team/baseline.json"), [Entry(file="a.txt", rule="P03", fingerprint="f" * 20, count=2)])
    kept, suppressed = baseline.split("/team/a.txt", [finding, finding, finding])
    assert (len(kept), len(suppressed)) == (1, 2)
    assert baseline.split("/team/other/a.txt", [finding])[0] == [finding]


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such baseline file; write one with --write-baseline"),
    ("{", "cannot read the baseline"),
    ('{"version": 2, "findings": []}', "not a qa-checker baseline (version: Input should be 1)"),
])
def test_bad_baselines_exit_2(tmp_path, content, message):
    draft = build(FLAWED, "text", tmp_path, "draft")
    baseline = tmp_path / "baseline.json"
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    result = run("check", str(draft), "--baseline", str(baseline))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"{baseline}: {message}")


def test_baseline_options_are_exclusive(tmp_path):
    draft = build(FLAWED, "text", tmp_path, "draft")
    result = run("check", str(draft), "--baseline", "b.json", "--write-baseline", "b.json", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "qa-checker: use --baseline or --write-baseline, not both\n")


def test_a_baselined_missing_scaling_is_not_ready_to_submit(tmp_path):
    jayden = "Jayden: 8/10 because he played with Mum for the whole session. To move up, the goodbye needs to be shorter.\n"
    draft = build(apply_edits(GOOD_SPEC, [[jayden, ""]]), "text", tmp_path, "draft")
    assert run("check", str(draft), "--write-baseline", "b.json", cwd=tmp_path).returncode == 0
    result = run("check", str(draft), "--baseline", "b.json", cwd=tmp_path)
    assert result.returncode == 0
    assert "ready to submit" not in result.stdout
    assert result.stdout.splitlines()[:2] == [
        str(draft),
        "  nothing new to fix, but a scaling is missing (below): add it before submitting",
    ]
    assert "    Jayden   missing  -       -" in result.stdout.splitlines()
