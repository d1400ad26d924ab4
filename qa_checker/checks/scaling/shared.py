"""What the scaling rules word the same way: how to name a subject, a score, and a good example."""

from __future__ import annotations

from qa_checker.scaling import Found, ScalingResult


def score_text(score: float) -> str:
    """7.0 -> '7', 6.5 -> '6.5'."""
    return f"{score:g}"


def name_of(result: ScalingResult, child: str | None) -> str:
    """The child's first name (their full name if two children share it)."""
    return result.roster.first_names().get(child, child) if child else "Overall"


def example(who: str, score: float = 7, *, reason: bool = True, next_step: bool = True) -> str:
    """A well-formed scaling statement for ``who`` ("Overall" or a child's name)."""
    seen = "what you saw" if who == "Overall" else f"what you saw {who} do"
    parts = [f"{who}: {score_text(score)}/10"]
    if reason:
        parts[0] += f" because <{seen}>."
    if next_step:
        parts.append("To move up the scale, <who> needs to <do what>.")
    return "'" + " ".join(parts) + "'"


def subject_label(result: ScalingResult, found: Found) -> str:
    """'The overall scaling (7)' or 'Jayden's scaling (6)'."""
    label = result.label(found)
    return f"{label[0].upper()}{label[1:]} ({score_text(found.score)})"
