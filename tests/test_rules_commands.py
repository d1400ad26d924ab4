"""``qa-checker rules`` and ``qa-checker explain``: everything comes from the rule registry."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from qa_checker.registry import all_rules
from qa_checker.report import Severity
from qa_checker.reporters.rules import format_explanation, format_rules
from qa_checker.rule import DOC_PARTS, Rule

DOC = '''Something a supervisor wrote is guessed, not seen.

Why it matters:
    A reader cannot tell what happened from a guess. The Independent Reviewing Officer needs
    what the supervisor saw and heard.

    A second paragraph of reasons, long enough to be wrapped twice at this narrow width.

Weak:
    Mum seemed happy.

Better:
    Mum smiled and said, "I've missed you."
        (an indented note the author laid out)

Limitations:
    Guesses inside direct speech are not flagged.

Source:
    Iriss, "Writing analysis in social care".
'''


def _rule(code="X01", name="speculative-phrasing", severity="warning", summary=None) -> Rule:
    return Rule(code, name, Severity(severity), summary or DOC.splitlines()[0], lambda parsed: [], DOC)


def run(*args):
    env = {**os.environ, "COLUMNS": "80"}
    return subprocess.run([sys.executable, "-m", "qa_checker", *args], capture_output=True, text=True, timeout=120, env=env)


def test_explanation_lays_out_each_part_of_the_docstring():
    assert format_explanation(_rule(), width=60) == (
        "X01 speculative-phrasing (warning)\n"
        "Something a supervisor wrote is guessed, not seen.\n"
        "\n"
        "Why it matters\n"
        "  A reader cannot tell what happened from a guess. The\n"
        "  Independent Reviewing Officer needs what the supervisor\n"
        "  saw and heard.\n"
        "\n"
        "  A second paragraph of reasons, long enough to be wrapped\n"
        "  twice at this narrow width.\n"
        "\n"
        "Weak\n"
        "  Mum seemed happy.\n"
        "\n"
        "Better\n"
        "  Mum smiled and said, \"I've missed you.\"\n"
        "      (an indented note the author laid out)\n"
        "\n"
        "Limitations\n"
        "  Guesses inside direct speech are not flagged.\n"
        "\n"
        "Source\n"
        "  Iriss, \"Writing analysis in social care\".\n"
    )


def test_rules_table_and_its_narrow_form():
    rules = [_rule(), _rule("H01", "missing-header-field", "error", "A header field is missing or blank.")]
    assert format_rules(rules, width=80) == (
        "id   name                  severity  what it finds\n"
        "X01  speculative-phrasing  warning   Something a supervisor wrote is guessed,\n"
        "                                     not seen.\n"
        "H01  missing-header-field  error     A header field is missing or blank.\n"
        "\n"
        "2 rules. 'qa-checker explain ID' shows why a rule matters, with a weak and a\n"
        "better example.\n"
    )
    assert format_rules(rules, width=50).splitlines()[:4] == [
        "id, severity, name: what it finds",
        "X01  warning   speculative-phrasing",
        "     Something a supervisor wrote is guessed, not",
        "     seen.",
    ]


def test_rules_command_lists_every_registered_rule():
    result = run("rules")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    for rule in all_rules():
        row = next(line for line in lines if line.startswith(rule.code + " "))
        assert row.split()[:3] == [rule.code, rule.name, rule.severity.value]
    assert lines[-2].startswith(f"{len(all_rules())} rules.")
    assert all(len(line) <= 80 for line in lines)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_explain_shows_every_part_of_each_rule(rule):
    from typer.testing import CliRunner

    from qa_checker.cli import app

    result = CliRunner().invoke(app, ["explain", rule.code.lower()], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert result.stdout == format_explanation(rule, width=80)
    headings = [line for line in result.stdout.splitlines() if line in DOC_PARTS]
    assert headings == list(DOC_PARTS)


def test_explain_by_name_and_unknown_ids():
    assert run("explain", "missing-section").stdout.startswith("S01 missing-section (error)\n")
    unknown = run("explain", "S1")
    assert (unknown.returncode, unknown.stdout) == (2, "")
    assert unknown.stderr == "There is no rule 'S1'. Did you mean S01 or SC01? Run 'qa-checker rules' to see every rule.\n"
    nothing_like = run("explain", "zzz")
    assert nothing_like.stderr == "There is no rule 'zzz'. Run 'qa-checker rules' to see every rule.\n"
