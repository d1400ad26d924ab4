"""Every rule's fixtures (tests/fixtures/rules/<CODE>.toml), each case in DOCX and in text.

A case edits the good base recording (or gives its own) and lists the exact findings of its
rule: section, child, flagged text and, where it says, words the message must hold.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from conftest import GOOD_SPEC, TODAY, apply_edits, build

from qa_checker import check_file

FIXTURES = Path(__file__).parent / "fixtures" / "rules"


def _cases():
    for path in sorted(FIXTURES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data["case"]:
            for fmt in case.get("formats", ["text", "docx"]):
                yield pytest.param(data["rule"], case, fmt, id=f"{data['rule']}-{case['id']}-{fmt}")


@pytest.mark.parametrize(("rule", "case", "fmt"), list(_cases()))
def test_rule_fixture(rule, case, fmt, tmp_path):
    spec = case.get("spec") or apply_edits(GOOD_SPEC, case.get("edits", []))
    path = build(spec, fmt, tmp_path)
    report = check_file(path, today=TODAY)
    assert report.error is None
    found = sorted(
        ((f.section, f.child, f.text) for f in report.findings if f.rule == rule),
        key=repr,
    )
    expected = sorted(
        ((e.get("section"), e.get("child"), e.get("text")) for e in case["expect"]),
        key=repr,
    )
    assert found == expected
    messages = [f.message for f in report.findings if f.rule == rule]
    for expectation in case["expect"]:
        if "message" in expectation:
            assert any(expectation["message"] in m for m in messages), messages


def test_fixture_files_cover_every_rule():
    from qa_checker.registry import all_rules

    covered = {p.stem for p in FIXTURES.glob("*.toml")}
    for rule in all_rules():
        assert rule.code in covered, f"{rule.code} has no fixture file"
        cases = tomllib.loads((FIXTURES / f"{rule.code}.toml").read_text(encoding="utf-8"))["case"]
        assert any(c["expect"] for c in cases), f"{rule.code} has no failing case"
        assert any(not c["expect"] for c in cases), f"{rule.code} has no passing case"


@pytest.mark.parametrize("fmt", ["text", "docx"])
def test_good_base_recording_has_no_findings(fmt, tmp_path):
    report = check_file(build(GOOD_SPEC, fmt, tmp_path), today=TODAY)
    assert report.findings == []
    assert report.passed
    assert report.children == ["Amelia Smith", "Jayden Smith"]
