"""Which rules run, and at what severity: ``select`` / ``extend-select`` / ``ignore`` by id or prefix.

A selector is a rule id (``P03``) or a prefix of one: a family's letters (``P``, ``SC``) optionally
followed by leading digits (``P0``). A family prefix names the whole family and nothing else, so
``S`` means S01-S04 and not the scaling rules SC01-SC07.

Settings come in layers (a config file, then the command line), applied in order as ruff does:
a layer with ``select`` starts again from its own selection; otherwise it changes only the rules
its selectors name. Within a layer the most specific selector wins (``ignore = ["P"]`` with
``extend-select = ["P03"]`` keeps P03), and on a tie ``ignore`` wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from qa_checker.report import Severity
from qa_checker.rule import Rule

_SELECTOR = re.compile(r"([A-Z]+)(\d*)")


def _parts(code: str) -> tuple[str, str]:
    match = _SELECTOR.fullmatch(code)
    return (match.group(1), match.group(2)) if match else (code, "")


def matches(code: str, selector: str) -> bool:
    """True when rule ``code`` is named by ``selector`` (an id or a prefix)."""
    letters, digits = _parts(code)
    want_letters, want_digits = _parts(selector)
    return letters == want_letters and digits.startswith(want_digits)


def families(rules: Iterable[Rule]) -> str:
    """The rule families, e.g. "H, S, SC, W", for messages."""
    return ", ".join(sorted({_parts(r.code)[0] for r in rules}))


def check_selector(text: str, rules: Sequence[Rule]) -> str:
    """Normalise a selector (upper case, no spaces) and check that it names at least one rule."""
    selector = text.strip().upper()
    if not _SELECTOR.fullmatch(selector):
        raise ValueError(f"{text!r} is not a rule id or prefix (e.g. 'P03', 'P' or 'SC')")
    if not any(matches(r.code, selector) for r in rules):
        raise ValueError(f"{text!r} names no rule; the rule families are {families(rules)}")
    return selector


@dataclass(frozen=True)
class Layer:
    """One source of settings (a config file or the command line), already validated."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)


def _verdict(code: str, layer: Layer) -> bool | None:
    """On, off, or None when the layer names the rule nowhere."""
    candidates = [(len(s), 0) for s in (*(layer.select or ()), *layer.extend_select) if matches(code, s)]
    candidates += [(len(s), 1) for s in layer.ignore if matches(code, s)]
    if not candidates:
        return None
    return max(candidates)[1] == 0


def select_rules(layers: Sequence[Layer], rules: Sequence[Rule]) -> tuple[Rule, ...]:
    """The rules that run after every layer is applied (all of them when no layer says otherwise)."""
    enabled = {r.code for r in rules}
    for layer in layers:
        after = set()
        for rule in rules:
            verdict = _verdict(rule.code, layer)
            if verdict is None:
                verdict = rule.code in enabled and layer.select is None
            if verdict:
                after.add(rule.code)
        enabled = after
    return tuple(r for r in rules if r.code in enabled)


def severities(layers: Sequence[Layer], rules: Sequence[Rule]) -> dict[str, Severity]:
    """Severity overrides by rule code; a later layer wins, and within a layer the most specific key."""
    result: dict[str, Severity] = {}
    for layer in layers:
        for rule in rules:
            keys = [k for k in layer.severity if matches(rule.code, k)]
            if keys:
                result[rule.code] = layer.severity[max(keys, key=len)]
    return result
