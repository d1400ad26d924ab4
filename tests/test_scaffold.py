"""The add-a-rule path: the scaffold writes a rule module, its data and its fixture, and the
result is a rule the registry and the NLP layer take as it is."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

from qa_checker.nlp.lexicon import Entry, LexiconSpec
from qa_checker.registry import lexicon_spec
from qa_checker.resources import read_jsonl
from qa_checker.rule import Rule
from qa_checker.scaffold import main, scaffold

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def tree(tmp_path):
    for family in ("phrasing", "structure"):
        (tmp_path / "qa_checker" / "checks" / family).mkdir(parents=True)
    shutil.copy(ROOT / "qa_checker/checks/structure/S01_missing_section.py", tmp_path / "qa_checker/checks/structure")
    (tmp_path / "rules" / "phrasing").mkdir(parents=True)
    (tmp_path / "tests" / "fixtures" / "rules").mkdir(parents=True)
    return tmp_path


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


def test_a_phrasing_rule_is_three_files_the_registry_and_the_nlp_layer_take(tree):
    written = scaffold("P77", "unattributed-claim", "phrasing", "warning", "A claim nobody is named as the source of.",
                       root=tree, example="Apparently Dad has moved house.")
    assert sorted(p.relative_to(tree).as_posix() for p in written) == [
        "qa_checker/checks/phrasing/P77_unattributed_claim.py", "rules/phrasing/P77.jsonl", "tests/fixtures/rules/P77.toml"]
    rule = _load(written[0], "scaffolded_p77").check
    assert isinstance(rule, Rule) and (rule.code, rule.name, rule.severity.value) == ("P77", "unattributed-claim", "warning")
    assert rule.summary == "A claim nobody is named as the source of."
    assert [part for part in ("Why it matters", "Weak", "Better", "Limitations", "Source") if not rule.part(part)] == []
    spec = LexiconSpec((*lexicon_spec().rules, rule.words))
    entries = read_jsonl(written[1], Entry, None, spec)  # its label and kind are declared by the rule itself
    assert [(e.label, e.kind) for e in entries] == [("P77", "unattributed_claim")]
    fixture = tomllib.loads(written[2].read_text(encoding="utf-8"))
    assert fixture["rule"] == "P77" and [bool(c["expect"]) for c in fixture["case"]] == [True, False]


def test_a_rule_of_another_family_has_no_data_file(tree):
    written = scaffold("S09", "signature-missing", "structure", "info", "No signature.", root=tree)
    assert [p.suffix for p in written] == [".py", ".toml"]
    assert _load(written[0], "scaffolded_s09").check.words is None


@pytest.mark.parametrize("args, error", [
    (["p7", "x", "--family", "phrasing"], "not a rule code"),
    (["P78", "Bad_Name", "--family", "phrasing"], "kebab-case"),
    (["P78", "x-y", "--family", "nowhere"], "no family 'nowhere'"),
    (["S01", "x-y", "--family", "structure"], "S01 is taken"),
])
def test_bad_arguments_are_one_line_and_exit_2(args, error, capsys):
    assert main(args) == 2
    assert error in capsys.readouterr().err


def test_nothing_is_overwritten(tree):
    scaffold("P77", "unattributed-claim", "phrasing", "warning", "x", root=tree)
    (tree / "qa_checker/checks/phrasing/P77_unattributed_claim.py").unlink()
    with pytest.raises(ValueError, match="rules/phrasing/P77.jsonl exists already"):
        scaffold("P77", "unattributed-claim", "phrasing", "warning", "x", root=tree)
