"""The command line: JSON contract, text report, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import GOOD_SCALING_SUMMARY, GOOD_SPEC, SAMPLES, apply_edits, build

CLI = [sys.executable, "-m", "qa_checker"]


def run(*args, env=None):
    return subprocess.run(CLI + list(args), capture_output=True, text=True, timeout=120, env=env)


def test_json_contract_on_samples():
    result = run("check", str(SAMPLES), "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert list(data) == ["version", "reports", "summary"]
    assert data["version"] == 1
    assert list(data["summary"]) == ["files", "passed", "failed", "errors", "warnings"]
    assert data["summary"]["files"] == 10
    for report in data["reports"]:
        assert list(report) == ["path", "passed", "error", "children", "sections", "findings"]
        assert [s["name"] for s in report["sections"]] == [
            "header", "introductions", "basic_needs", "emotional_warmth", "goodbye",
            "what_needs_to_happen", "scaling", "reflection",
        ]
        for finding in report["findings"]:
            assert list(finding) == ["rule", "name", "severity", "section", "child", "message", "text", "start", "end"]
            assert finding["severity"] in {"error", "warning", "info"}
        assert report["passed"] == (not any(f["severity"] == "error" for f in report["findings"]))
    summary = data["summary"]
    assert summary["passed"] + summary["failed"] == summary["files"]
    assert summary["errors"] == sum(f["severity"] == "error" for r in data["reports"] for f in r["findings"])


def test_offsets_point_into_the_extracted_text(tmp_path):
    from qa_checker.readers import read_document

    spec = apply_edits(GOOD_SPEC, [["Date of Contact: 12/03/2025", "Date of Contact: 31/02/2025"]])
    for fmt in ("text", "docx"):
        path = build(spec, fmt, tmp_path, f"r-{fmt}")
        data = json.loads(run("check", str(path), "--format", "json").stdout)
        (finding,) = data["reports"][0]["findings"]
        text = read_document(path).text
        assert text[finding["start"]:finding["end"]] == finding["text"] == "31/02/2025"


def test_exit_codes(tmp_path):
    good = build(GOOD_SPEC, "text", tmp_path, "good")
    warning_only = build(apply_edits(GOOD_SPEC, [["12/03/2025", "09/03/2025"]]), "text", tmp_path, "sunday")
    failing = build(apply_edits(GOOD_SPEC, [["Time: 16:00 to 17:30", "Time: 17:00 to 16:00"]]), "text", tmp_path, "bad")
    assert run("check", str(good)).returncode == 0
    assert run("check", str(warning_only)).returncode == 0
    assert run("check", str(good), str(failing)).returncode == 1
    assert run("check", str(good), str(tmp_path / "missing.txt")).returncode == 2
    assert run("check").returncode == 2
    assert run("check", str(good), "--format", "xml").returncode == 2
    assert run("frobnicate").returncode == 2


def test_text_report_groups_by_section_and_ends_with_summary(tmp_path):
    failing = build(apply_edits(GOOD_SPEC, [["Time: 16:00 to 17:30", "Time: 17:00 to 16:00"]]), "text", tmp_path, "bad")
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80"}
    out = run("check", str(failing), env=env).stdout
    assert out == (
        f"{failing}\n"
        "  1 thing to fix before submitting (1 error)\n"
        "\n"
        f"{GOOD_SCALING_SUMMARY}"
        "\n"
        "  Header\n"
        "    error    H03 invalid-time\n"
        "      “Time: [17:00 to 16:00]”\n"
        "      The session time is not right: the session ends (16:00) before or when it\n"
        "      starts (17:00). Give the start and end, e.g. 'Time: 16:00 to 17:30'.\n"
        "\n"
        "1 recording checked: 1 thing to fix before submitting (1 error).\n"
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("qa-checker ")
