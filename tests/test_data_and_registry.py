"""Packaged data loads and validates; the rule registry is complete and documented."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from qa_checker import check_text
from qa_checker.policy import load_policy
from qa_checker.registry import all_rules
from qa_checker.resources import DataFileError
from qa_checker.rule import DOC_PARTS
from qa_checker.template import CANONICAL_SECTIONS, load_template


def _packaged_files():
    root = resources.files("qa_checker")
    for folder in ("rules", "models"):
        node = root.joinpath(folder)
        if node.is_dir():
            yield from (p for p in Path(str(node)).rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def test_every_packaged_toml_loads():
    files = [p for p in _packaged_files() if p.suffix == ".toml"]
    assert {p.name for p in files} >= {"template.toml", "policy.toml"}
    assert [s.name for s in load_template().sections] == list(CANONICAL_SECTIONS)
    assert load_policy().lateness_allowed_minutes == 15


def test_template_error_names_file_and_key(tmp_path):
    source = resources.files("qa_checker").joinpath("rules", "template.toml").read_text(encoding="utf-8")
    bad = tmp_path / "other-trust.toml"
    bad.write_text(source.replace('title = "Goodbye"', 'title = "Goodbye"\ncolour = "blue"'), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_template(bad)
    assert str(bad) in str(info.value) and "sections.4.colour" in str(info.value)


def test_policy_error_names_file_and_key(tmp_path):
    bad = tmp_path / "policy.toml"
    bad.write_text('name = "x"\nlateness_allowed_minutes = "a quarter of an hour"\n', encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_policy(bad)
    assert str(bad) in str(info.value) and "lateness_allowed_minutes" in str(info.value)


def test_toml_syntax_error_names_file(tmp_path):
    bad = tmp_path / "t.toml"
    bad.write_text("name = \n", encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape(str(bad))):
        load_template(bad)


def test_another_trusts_template_is_data_not_code(tmp_path):
    source = resources.files("qa_checker").joinpath("rules", "template.toml").read_text(encoding="utf-8")
    other = tmp_path / "other-trust.toml"
    other.write_text(source.replace('aliases = ["goodbye", ', 'aliases = ["saying goodbye and home time", "goodbye", '), encoding="utf-8")
    text = "INTRODUCTIONS\nx\nSAYING GOODBYE AND HOME TIME\nMum hugged Leo."
    assert "goodbye" not in {s.name for s in check_text(text).sections if s.present}
    assert "goodbye" in {s.name for s in check_text(text, template=load_template(other)).sections if s.present}


def test_rule_registry():
    rules = all_rules()
    codes = [r.code for r in rules]
    assert len(codes) == len(set(codes))
    assert {"S01", "S02", "S03", "S04", "H01", "H02", "H03", "H04", "H05", "W01", "W02"} <= set(codes)
    for rule in rules:
        assert re.fullmatch(r"[A-Z]{1,2}\d{2}", rule.code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_docstring_has_every_part(rule):
    assert rule.summary and not rule.summary.endswith(":")
    for part in DOC_PARTS:
        assert rule.part(part), f"{rule.code} docstring lacks '{part}:'"


def test_readme_rule_table_is_current():
    from qa_checker.docs import with_table

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert readme == with_table(readme), "run: python -m qa_checker.docs README.md"
    for rule in all_rules():
        assert f"| {rule.code} | {rule.name} | {rule.severity.value} | {rule.summary} |" in readme


def test_readme_examples_are_current():
    from qa_checker.docs import EXAMPLE, with_examples

    root = Path(__file__).parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    commands = [m.group("command") for m in EXAMPLE.finditer(readme)]
    assert commands == [
        "qa-checker check samples/flawed-sunday-sophie-oliver-2025-05-04.docx",
        "$ qa-checker annotate samples/flawed-blue-prompts-tyler.docx",
    ]
    assert readme == with_examples(readme, root), "run: python -m qa_checker.docs README.md"


def test_a_stale_readme_example_is_rewritten(tmp_path):
    from qa_checker.docs import with_examples

    root = Path(__file__).parent.parent
    stale = ("Before.\n   <!-- example: $ qa-checker annotate samples/flawed-blue-prompts-tyler.docx -->\n   ```\n"
             "   $ qa-checker annotate samples/flawed-blue-prompts-tyler.docx\n"
             "   Wrote samples/flawed-blue-prompts-tyler.checked.docx: 10 comments.\n   ```\n"
             "   <!-- example:end -->\nAfter.\n")
    fresh = with_examples(stale, root)
    assert fresh.startswith("Before.\n   <!-- example: $ qa-checker annotate samples/flawed-blue-prompts-tyler.docx -->\n")
    assert fresh.endswith("   ```\n   <!-- example:end -->\nAfter.\n")
    wrote = fresh.splitlines()[4]
    assert wrote.startswith("   Wrote samples/flawed-blue-prompts-tyler.checked.docx: ") and "10 comments." not in wrote
    assert not (root / "samples" / "flawed-blue-prompts-tyler.checked.docx").exists()  # run in a copy


def test_every_source_the_rule_data_cites_is_in_the_repository():
    import re

    root = Path(__file__).resolve().parent.parent
    cited = set()
    for path in [*(root / "rules").rglob("*.*"), *(root / "qa_checker" / "checks").rglob("*.py"), root / "models" / "pipeline.toml"]:
        cited |= set(re.findall(r"docs/sources/[\w.-]+\.(?:md|txt)", path.read_text(encoding="utf-8")))
    assert len(cited) == 4
    assert [c for c in sorted(cited) if not (root / c).is_file()] == []
    # no citation of the team's shared folder, which is not in the repository
    stray = [p.name for p in (root / "rules").rglob("*.*") if re.search(r"(?<!docs/sources/)\b(DOMAIN|PERF)\.md|shared/seeds",
                                                                        p.read_text(encoding="utf-8"))]
    assert stray == []
