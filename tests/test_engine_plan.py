"""The engine's contract with the rules: precedence as metadata, selection honoured by every rule,
team words checked against the rules that take them, and section titles that travel on the report."""

from __future__ import annotations

import json

import pytest
from cli_runner import run_cli
from conftest import GOOD_SPEC, TODAY, apply_edits, build

from qa_checker import check_file
from qa_checker.config import ConfigError, load_config

# An unframed judgement in the reflection (a paragraph of its own: a frame reads on into the next
# sentence of its paragraph): P02 reports it; R03 yields to P02 when P02 is reported.
_JUDGED = [["In my professional opinion the session met both children's basic needs.",
            "In my professional opinion the session met both children's basic needs.\nSarah was inappropriate."]]


def _codes(result) -> list[str]:
    return sorted(f["rule"] for r in json.loads(result.stdout)["reports"] for f in r["findings"])


@pytest.fixture
def judged(tmp_path):
    return build(apply_edits(GOOD_SPEC, _JUDGED), "text", tmp_path, "judged")


def test_r03_yields_to_p02_when_p02_reports(judged):
    codes = _codes(run_cli("check", str(judged), "-f", "json", "--isolated"))
    assert "P02" in codes and "R03" not in codes


@pytest.mark.parametrize("selection", [["--select", "R03"], ["--ignore", "P02"], ["--ignore", "P"]])
def test_r03_reports_when_the_rules_it_yields_to_are_not_selected(judged, selection):
    result = run_cli("check", str(judged), "-f", "json", "--isolated", *selection)
    findings = [f for r in json.loads(result.stdout)["reports"] for f in r["findings"]]
    r03 = [f for f in findings if f["rule"] == "R03"]
    assert [f["text"] for f in r03] == ["Sarah was inappropriate."]
    assert "P02" not in {f["rule"] for f in findings}


def test_extra_words_for_a_rule_without_a_word_list_is_an_error(tmp_path):
    config = tmp_path / "qa-checker.toml"
    config.write_text('[extra-words]\nR01 = ["I believe"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(config)
    message = str(error.value)
    assert message.startswith(f"{config}:") and "extra-words: 'R01'" in message
    assert "P01" in message  # names the rules that do take extra words


def test_extra_words_still_reach_their_rule(tmp_path):
    config = tmp_path / "qa-checker.toml"
    config.write_text('[extra-words]\nP01 = ["I reckon"]\n', encoding="utf-8")
    draft = build(apply_edits(GOOD_SPEC, [["Sarah's comment about her solicitor was addressed at once.",
                                           "I reckon Sarah was tired."]]), "text", tmp_path, "draft")
    result = run_cli("check", str(draft), "-f", "json", "--config", str(config))
    assert "P01" in _codes(result)


def test_reporters_use_the_titles_of_the_template_the_recording_was_checked_with(tmp_path):
    from qa_checker.resources import packaged

    own = packaged("rules", "template.toml").read_text(encoding="utf-8").replace(
        'title = "Basic Needs"', 'title = "Care and Routine"')
    (tmp_path / "trust.toml").write_text(own, encoding="utf-8")
    draft = build(apply_edits(GOOD_SPEC, [["At 16:30 Sarah gave", "Sarah was inappropriate. At 16:30 Sarah gave"]]),
                  "text", tmp_path, "draft")
    from qa_checker.settings import Settings
    from qa_checker.template import load_template

    report = check_file(draft, today=TODAY, settings=Settings(template=load_template(tmp_path / "trust.toml")))
    assert [s.title for s in report.sections if s.name == "basic_needs"] == ["Care and Routine"]
    for fmt in ("text", "github", "junit"):
        result = run_cli("check", str(draft), "-f", fmt, "--template", str(tmp_path / "trust.toml"), "--isolated")
        assert "Care and Routine" in result.stdout, fmt
        assert "Basic Needs" not in result.stdout, fmt
