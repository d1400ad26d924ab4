"""How every machine-readable format describes a rule: taken from the rule registry and docstrings."""

from __future__ import annotations

from dataclasses import dataclass

from qa_checker.report import Severity
from qa_checker.rule import Rule


@dataclass(frozen=True)
class RuleInfo:
    id: str
    name: str
    short: str  # the docstring's first line
    full: str  # "Why it matters", as one paragraph
    severity: Severity  # the default; a team's config may change it per finding
    help: str  # why it matters, then the weak and better examples (plain text)
    help_markdown: str


def _paragraph(text: str) -> str:
    return " ".join(text.split())


def describe(rule: Rule) -> RuleInfo:
    why = _paragraph(rule.part("Why it matters")) or rule.summary
    weak, better = rule.part("Weak"), rule.part("Better")
    help_text = why + "".join(f"\n\n{label}:\n{text}" for label, text in (("Weak", weak), ("Better", better)) if text)
    markdown = why + "".join(
        f"\n\n**{label}:**\n\n" + "\n".join(f"> {line}" if line else ">" for line in text.splitlines())
        for label, text in (("Weak", weak), ("Better", better)) if text
    )
    return RuleInfo(rule.code, rule.name, rule.summary, why, rule.severity, help_text, markdown)


def catalogue() -> tuple[RuleInfo, ...]:
    """Every registered rule, sorted by id."""
    from qa_checker.registry import all_rules

    return tuple(describe(r) for r in all_rules())


def title(rule_id: str, name: str) -> str:
    """The one-line label every format uses for a finding's rule: 'W02 missing-worried-about'."""
    return f"{rule_id} {name}"
