"""Finds the rules (one module each under ``qa_checker/checks``) and runs them."""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Iterable, Mapping

from qa_checker import checks
from qa_checker.excerpt import excerpt
from qa_checker.report import Finding, Severity
from qa_checker.rule import Parsed, Rule


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by code. Adding a module under ``checks/`` is all it takes."""
    found: dict[str, Rule] = {}
    for info in pkgutil.walk_packages(checks.__path__, checks.__name__ + "."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, Rule):
                if value.code in found and found[value.code] is not value:
                    raise RuntimeError(f"two rules share the code {value.code}")
                found[value.code] = value
    return tuple(sorted(found.values(), key=lambda r: r.code))


def rule_by_code(code: str) -> Rule | None:
    return next((r for r in all_rules() if r.code.lower() == code.lower()), None)


def to_parse(parsed: Parsed, rules: Iterable[Rule] | None = None) -> list:
    """The sentences ``rules`` (all by default) will judge on their parse, before they run."""
    return [s for rule in (rules if rules is not None else all_rules()) if rule.parses for s in rule.parses(parsed)]


def run(
    parsed: Parsed, rules: Iterable[Rule] | None = None, severities: Mapping[str, Severity] | None = None,
) -> list[Finding]:
    """Run ``rules`` (all by default) and return their findings, sorted and without repeats.

    ``severities`` overrides a rule's default severity by code (the team's configuration).
    """
    recording = parsed.recording
    order = {s.name: i for i, s in enumerate(recording.template.sections)}
    severities = severities or {}
    findings: set[Finding] = set()
    for rule in rules if rules is not None else all_rules():
        severity = severities.get(rule.code, rule.severity)
        for hit in rule.check(parsed):
            start, end = hit.span if hit.span else (None, None)
            findings.add(Finding(
                rule=rule.code, name=rule.name, severity=severity,
                section=hit.section, child=hit.child, message=hit.message,
                text=recording.text[start:end] if hit.span else None, start=start, end=end,
                suggestion=hit.suggestion, excerpt=excerpt(recording.document, start, end),
                highlight=hit.highlight,
            ))
    # Template order, then offset, then rule; the rest only breaks ties, so that the order never
    # depends on set iteration (string hashes differ between processes).
    return sorted(findings, key=lambda f: (
        order.get(f.section or "", len(order)), -1 if f.start is None else f.start, f.rule, f.child or "",
        -1 if f.end is None else f.end, f.message, f.text or "",
    ))
