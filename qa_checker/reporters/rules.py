"""What ``qa-checker rules`` and ``qa-checker explain`` print, read from the rule registry.

Everything shown comes from each rule's metadata and docstring parts, so a new rule module
appears here without any change to this file.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from qa_checker.rule import DOC_PARTS, Rule

# Parts whose docstring lines are prose to re-flow; the others are examples or references,
# kept line by line as the rule's author laid them out.
_PROSE = ("Why it matters", "Limitations")
_MIN_SUMMARY = 30
_INDENT = "  "


def format_rules(rules: Sequence[Rule], width: int = 80) -> str:
    """One entry per rule: id, name, severity and its one-line summary, wrapped to ``width``."""
    code_w = max(len(r.code) for r in rules)
    name_w = max(len(r.name) for r in rules)
    sev_w = max([len("severity")] + [len(r.severity.value) for r in rules])
    left = code_w + name_w + sev_w + 6
    lines = [f"{'id':<{code_w}}  {'name':<{name_w}}  {'severity':<{sev_w}}  what it finds".rstrip()
             if width - left >= _MIN_SUMMARY else "id, severity, name: what it finds"]
    for rule in rules:
        head = f"{rule.code:<{code_w}}  {rule.name:<{name_w}}  {rule.severity.value:<{sev_w}}  "
        if width - left >= _MIN_SUMMARY:
            wrapped = textwrap.wrap(rule.summary, width - left) or [""]
            lines.append(head + wrapped[0])
            lines.extend(" " * left + line for line in wrapped[1:])
        else:  # too narrow for a column: the summary goes under its rule
            lines.append(f"{rule.code:<{code_w}}  {rule.severity.value:<{sev_w}}  {rule.name}")
            lines.extend(textwrap.wrap(rule.summary, width, initial_indent=" " * (code_w + 2),
                                       subsequent_indent=" " * (code_w + 2)))
    lines.append("")
    lines.append(f"{len(rules)} rules. 'qa-checker explain ID' shows why a rule matters, with a weak and a better example.")
    return "\n".join(_wrap_plain(line, width) for line in lines) + "\n"


def format_explanation(rule: Rule, width: int = 80) -> str:
    """A rule's whole explanation: summary, then each documented part under its own heading."""
    out = [f"{rule.code} {rule.name} ({rule.severity.value})"]
    out.extend(textwrap.wrap(rule.summary, width))
    for heading in DOC_PARTS:
        body = rule.part(heading)
        if not body:
            continue
        out.append("")
        out.append(heading)
        out.extend(_prose(body, width) if heading in _PROSE else _kept(body, width))
    return "\n".join(out) + "\n"


def _prose(body: str, width: int) -> list[str]:
    """Re-flow each paragraph (blank-line separated) to the width, indented."""
    lines: list[str] = []
    for paragraph in body.split("\n\n"):
        if lines:
            lines.append("")
        lines.extend(textwrap.wrap(" ".join(paragraph.split()), width, initial_indent=_INDENT, subsequent_indent=_INDENT))
    return lines


def _kept(body: str, width: int) -> list[str]:
    """Keep the author's lines (and their indentation); wrap only those too long for the width."""
    lines: list[str] = []
    for line in body.splitlines():
        indent = _INDENT + " " * (len(line) - len(line.lstrip()))
        lines.extend(textwrap.wrap(line.strip(), width, initial_indent=indent, subsequent_indent=indent + "  ") or [""])
    return lines


def _wrap_plain(line: str, width: int) -> str:
    return "\n".join(textwrap.wrap(line, width)) if len(line) > width and not line.startswith(" ") else line


def closest(query: str, rules: Sequence[Rule]) -> list[str]:
    """Rule ids (or names) that look like a mistyped ``query``, best first."""
    import difflib

    choices = {r.code.lower(): r.code for r in rules} | {r.name: r.name for r in rules}
    return [choices[m] for m in difflib.get_close_matches(query.lower(), list(choices), n=3, cutoff=0.6)]
