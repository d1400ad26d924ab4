"""The layers, pinned: a module imports only from its own layer or those below it, so a finding's
walk from ``check_file`` passes each layer once, with no call back up.

    base < readers < splitter < nlp < rules < engine < api < presentation < commands

typer is imported by the command layer only, rich by the presentation and command layers; the
rules never reach into the NLP layer's machinery (the pipeline, the parse rounds) or the
registry and engine: they declare what they read (``Rule.reads``) and the engine plans it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "qa_checker"

LAYERS = {
    "base": ["about", "datetimes", "document", "locate", "parallel", "policy", "report", "resources", "speedups", "terminal",
             "template", "wording"],
    "readers": ["readers"],
    "splitter": ["splitter", "excerpt"],
    "nlp": ["nlp"],
    "rules": ["rule", "checks", "scaling"],
    "engine": ["engine", "registry"],
    "api": ["api", "settings", "config", "selection", "suppress", "baseline", "files"],
    "presentation": ["reporters", "review", "annotate", "docs", "serve"],
    "commands": ["commands", "cli", "__main__", "__init__", "scaffold"],
}
ORDER = list(LAYERS)
# What a rule module may not import: the NLP layer's machinery (the pipeline, the parse rounds;
# its types are fine), the registry, the engine.
RULES_MAY_NOT = ("qa_checker.registry", "qa_checker.engine")
MACHINERY = {
    "qa_checker.nlp.analysis": {"analyse", "analyse_many", "fulfil", "_matchers", "judge_keys"},
    "qa_checker.nlp.pipeline": {"load_pipeline", "text_parsers", "_load", "pipeline_config"},
    "qa_checker.nlp.judge": {"load_judge", "load_judge_pipeline", "score", "score_keys", "key_words"},
}
THIRD_PARTY = {"typer": {"commands"}, "rich": {"presentation", "commands"}}


def _layer(module: str) -> str:
    top = module.split(".")[1] if module.count(".") else "__init__"
    for name, members in LAYERS.items():
        if top in members:
            return name
    raise AssertionError(f"{module} is in no layer: add it to tests/test_layers.py")


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 2 else parts)
        yield name, ast.parse(path.read_text(encoding="utf-8"))


def _imports(tree: ast.AST):
    """(module imported, names taken from it) for every import, also inside functions."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "qa_checker":
                for alias in node.names:
                    if alias.name != "__version__":
                        yield f"qa_checker.{alias.name}", set()
            else:
                yield node.module, {a.name for a in node.names}
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, set()


MODULES = dict(_modules())


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_nothing_from_a_layer_above_it(module):
    own = ORDER.index(_layer(module))
    upward = []
    for imported, names in _imports(MODULES[module]):
        if imported.startswith("qa_checker.") and ORDER.index(_layer(imported)) > own:
            upward.append(f"{imported} ({_layer(imported)})")
        for package, allowed in THIRD_PARTY.items():
            if imported.split(".")[0] == package and _layer(module) not in allowed:
                upward.append(f"{package} (only in {', '.join(sorted(allowed))})")
        if _layer(module) == "rules" and module != "qa_checker.rule":
            machinery = MACHINERY.get(imported, set())
            if imported.startswith(RULES_MAY_NOT) or names & machinery or machinery and not names:
                upward.append(f"{imported} {sorted(names & machinery) or ''} (the engine plans the parse)")
    assert upward == [], f"{module} ({_layer(module)}) imports {upward}"


def test_every_module_has_a_layer():
    assert {_layer(m) for m in MODULES} == set(ORDER)


def test_the_test_catches_a_call_back_up():
    tree = ast.parse("from qa_checker.api import check_file\nfrom qa_checker.nlp.analysis import fulfil\n")
    imported = dict(_imports(tree))
    assert ORDER.index(_layer("qa_checker.api")) > ORDER.index(_layer("qa_checker.checks.phrasing.shared"))
    assert imported["qa_checker.nlp.analysis"] & MACHINERY["qa_checker.nlp.analysis"] == {"fulfil"}
