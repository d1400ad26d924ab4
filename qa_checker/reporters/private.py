"""What the CI formats (SARIF, JUnit, GitHub) may say of a finding.

CI logs and code-scanning pages are read by many more people than a recording's author, so by
default they carry no name and none of the recording's words: the rule (its one-line summary
stands for the message), the place (line, section) and the child as initials. ``show_text``
(``--show-text``, for a private CI) gives the full message, suggestion and names instead.
"""

from __future__ import annotations

import functools
import re

from qa_checker.report import Finding

_WORD = re.compile(r"[^\W\d_]+")


def initials(name: str) -> str:
    """"Oliver Dunn" -> "O. D."; "Mary-Jane" -> "M."."""
    return " ".join(word[0].upper() + "." for word in re.split(r"\s+", name.strip()) if _WORD.match(word))


def message(finding: Finding, show_text: bool) -> str:
    """The finding's own message when ``show_text``; otherwise its rule's one-line summary."""
    return finding.message if show_text else _summaries().get(finding.rule, finding.name)


@functools.cache
def _summaries() -> dict[str, str]:
    from qa_checker.reporters.rulemeta import catalogue

    return {rule.id: rule.short for rule in catalogue()}


def child(finding: Finding, show_text: bool) -> str | None:
    if finding.child is None:
        return None
    return finding.child if show_text else initials(finding.child)
