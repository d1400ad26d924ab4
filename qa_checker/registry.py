"""The rules: found by discovery (one module each under ``qa_checker/checks``), by code.

Adding a module under ``checks/`` is all it takes; nothing here lists the rules, their word-list
labels or kinds. Settings carry rule codes, and each process (a worker too) resolves them here.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Iterable

from qa_checker import checks
from qa_checker.nlp.lexicon import LexiconSpec
from qa_checker.rule import Rule


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by code; two rules with one code are refused."""
    found: dict[str, Rule] = {}
    for info in pkgutil.walk_packages(checks.__path__, checks.__name__ + "."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, Rule):
                if value.code in found and found[value.code] is not value:
                    raise RuntimeError(f"two rules share the code {value.code}: {found[value.code].name} and {value.name}")
                found[value.code] = value
    return tuple(sorted(found.values(), key=lambda r: r.code))


def codes() -> tuple[str, ...]:
    return tuple(r.code for r in all_rules())


def rule_by_code(code: str) -> Rule | None:
    return next((r for r in all_rules() if r.code.lower() == code.lower()), None)


def resolve(selected: Iterable[str] | None) -> tuple[Rule, ...]:
    """The rules named by ``selected`` codes (None: every rule), in code order."""
    if selected is None:
        return all_rules()
    wanted = set(selected)
    unknown = wanted - set(codes())
    if unknown:
        raise LookupError(f"no rule {', '.join(sorted(unknown))} in this version of qa-checker")
    return tuple(r for r in all_rules() if r.code in wanted)


@functools.cache
def lexicon_spec() -> LexiconSpec:
    """What each rule's word lists may hold, as the rules declare it (for the NLP pass)."""
    return LexiconSpec(tuple(r.words for r in all_rules() if r.words is not None))


def team_word_rules() -> tuple[Rule, ...]:
    """The rules a team may add words to (``extra-words``)."""
    return tuple(r for r in all_rules() if r.words is not None and r.words.team_kind is not None)
