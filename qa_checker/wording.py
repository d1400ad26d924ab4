"""Counting words shared by the terminal report and the annotated copies ("3 things to fix...")."""

from __future__ import annotations


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 error``, ``2 errors``; ``words`` for an irregular plural."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def things_to_fix(errors: int, warnings: int) -> str:
    """``3 things to fix before submitting (2 errors, 1 warning)``, or ``nothing to fix``."""
    total = errors + warnings
    if not total:
        return "nothing to fix"
    parts = [plural(n, word) for n, word in ((errors, "error"), (warnings, "warning")) if n]
    return f"{plural(total, 'thing')} to fix before submitting ({', '.join(parts)})"
