"""CI formats (SARIF, JUnit, GitHub) carry no name and none of a recording's words unless asked."""

from __future__ import annotations

import json
import re

import pytest
from cli_runner import run_cli
from conftest import SAMPLES

from qa_checker.report import RunResult
from qa_checker.reporters import OutputFormat, render

# Every child and adult named in the samples (headers and bodies).
NAMES = """Noah Bailey Ryan Claire Henshaw Owen Marsh Tyler Brennan Stacey Joanne Reilly Ruby Walsh Kerry
Jordan Price Sophie Oliver Dunn Michelle Gary Femi Adeyemi Leo Mia Foster Craig Dean Whitlock Amelia Jayden Carter
Leanne Sian Okafor Gareth Pryce Harper Lang Gemma Priya Shah Tom Ellery Kai Whitfield Shannon Denise Harlow Marcus
Bell Freya Archie Isla Parker Danielle Carol Jennings Agnieszka Nowak Kirsty Lowe Ella Hughes Chantelle Hannah
Kowalczyk Rachel Doyle Nadia Farouk""".split()
CI = [OutputFormat.SARIF, OutputFormat.JUNIT, OutputFormat.GITHUB]


@pytest.fixture(scope="module")
def samples_result() -> RunResult:
    from qa_checker.api import check_paths

    return RunResult.of(check_paths([SAMPLES]))


def _without_paths_and_rule_docs(text: str, result: RunResult, fmt: OutputFormat) -> str:
    """The output less what is the product's own (the rules' documentation, with its examples)
    and the files' paths, which CI needs to place a finding and which the repository shows anyway."""
    if fmt is OutputFormat.SARIF:
        log = json.loads(text)
        del log["runs"][0]["tool"]
        text = json.dumps(log, ensure_ascii=False)
    for report in result.reports:
        for path in (report.path, json.dumps(report.path)[1:-1], SAMPLES.as_uri() + "/" + report.path.rsplit("/", 1)[1]):
            text = text.replace(path, "<path>")
    return text


def names_in(text: str) -> list[str]:
    return sorted({n for n in NAMES if re.search(rf"\b{n}\b", text)})


@pytest.mark.parametrize("fmt", CI, ids=lambda f: f.value)
def test_ci_outputs_of_the_samples_hold_no_name(samples_result, fmt):
    assert names_in(json.dumps(samples_result.model_dump(), ensure_ascii=False))  # the names are in the reports...
    text = _without_paths_and_rule_docs(render(samples_result, fmt), samples_result, fmt)
    assert names_in(text) == []  # ...and not in the CI output


@pytest.mark.parametrize("fmt", CI, ids=lambda f: f.value)
def test_ci_outputs_hold_no_flagged_words(samples_result, fmt):
    from qa_checker.reporters.rulemeta import catalogue

    text = render(samples_result, fmt)
    product = " ".join(f"{r.short} {r.help}" for r in catalogue())  # the template's own filler and labels
    flagged = {f.text for r in samples_result.reports for f in r.findings
               if f.text and len(f.text) > 8 and f.text not in product}
    assert len(flagged) > 20
    assert sorted(t for t in flagged if t in text) == []


def test_github_says_rule_place_section_and_child_initials(samples_result):
    lines = render(samples_result, OutputFormat.GITHUB).splitlines()
    sc02 = [line.replace(str(SAMPLES), "samples") for line in lines if "SC02" in line]
    summary = "A child at contact has no 0-10 scaling of their own."
    assert sc02 == [
        f"::error file=samples/flawed-sunday-sophie-oliver-2025-05-04.docx,title=SC02 missing-child-scaling::{summary} "
        "(Scaling, O. D.)",
        "::error file=samples/flawed-text-export-leo-mia.txt,line=67,endLine=67,col=1,endColumn=7,"
        f"title=SC02 missing-child-scaling::{summary} (Scaling, L. F.)",
        "::error file=samples/flawed-text-export-leo-mia.txt,line=67,endLine=67,col=1,endColumn=7,"
        f"title=SC02 missing-child-scaling::{summary} (Scaling, M. F.)",
        f"::error file=samples/three-children-2026-09-17.docx,title=SC02 missing-child-scaling::{summary} "
        "(Scaling, I. P.)",
    ]


def test_show_text_puts_the_messages_back(tmp_path):
    sample = str(SAMPLES / "flawed-sunday-sophie-oliver-2025-05-04.docx")
    private = run_cli("check", sample, "-f", "github", "--show-text")
    assert private.returncode == 1
    assert "There is no scaling for Oliver." in private.stdout
    assert "There is no scaling for Oliver." not in run_cli("check", sample, "-f", "github").stdout
    sarif = json.loads(run_cli("check", sample, "-f", "sarif", "--show-text").stdout)
    sc02 = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "SC02")
    assert sc02["properties"]["child"] == "Oliver Dunn"


def test_json_children_are_redacted_only_when_asked():
    sample = str(SAMPLES / "flawed-sunday-sophie-oliver-2025-05-04.docx")
    full = json.loads(run_cli("check", sample, "-f", "json").stdout)["reports"][0]
    assert full["children"] == ["Sophie Dunn", "Oliver Dunn"]
    ran = run_cli("check", sample, "-f", "json", "--redact")
    redacted = json.loads(ran.stdout)["reports"][0]
    assert redacted["children"] == ["S. D.", "O. D."]
    assert redacted["path"] == str(SAMPLES / "flawed-sunday-S.-O.-2025-05-04.docx")
    assert [f["rule"] for f in redacted["findings"]] == [f["rule"] for f in full["findings"]]
    assert names_in(ran.stdout) == []
