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


def only_child_step(result: ScalingResult, found: Found) -> Found | None:
    """The only child's scaling whose next step an overall scaling without one may lean on: the
    overall (below 10) says nothing of what would move it up, one child was at contact, and that
    child's scaling says what would move theirs up (dev w27-02: "Overall: 9. Noah's needs were met
    throughout ..." over "Noah: 9. ... if Jade keeps it put away ..., I would score 10"). None
    otherwise."""
    if found.child is not None or found.has_next_step or found.score >= 10:
        return None
    at_contact = [c.name for c in result.roster.children if c.at_contact]
    children = [f for f in result.found if f.child is not None]
    if len(at_contact) != 1 or len(children) != 1 or children[0].child != at_contact[0]:
        return None
    return children[0] if children[0].has_next_step else None
