"""A scaling is below 0 or above 10 ("12/10", "-1").

Why it matters:
    The scale runs from 0 (the contact was very difficult for the child) to 10 (very well
    managed, no concerns). "15 out of 10" reads as enthusiasm rather than judgement, and a score
    off the scale cannot be compared with the child's other sessions.

Weak:
    Lucas: 15 out of 10!! He did not stop smiling.

Better:
    Lucas: 10/10 because he smiled and chatted with Grandad from 14:00 until
    we left, and Grandad had set up the train set before he arrived.

Limitations:
    Scores are read as written: digits, words ("twelve"), halves ("6.5", "7½"), with or without
    "/10" or "out of 10". Where a score should get to ("To reach a 9") and earlier sessions'
    scores ("up from a 6 last week") are not scalings.

Source:
    Northamptonshire Supervised Family Time Recording template (SCALING: "On a scale of 0 – 10").
"""

from qa_checker.checks.scaling.shared import example, name_of, subject_label
from qa_checker.rule import Hit, Parsed, rule


@rule("SC03", "scaling-out-of-range", "error")
def check(parsed: Parsed):
    result = parsed.scaling
    for found in result.found:
        if 0 <= found.score <= 10:
            continue
        yield Hit(
            f"{subject_label(result, found)} is outside the 0-10 scale. Give a score from 0 (very difficult "
            f"for the child) to 10 (very well managed, no concerns), for example: "
            f"{example(name_of(result, found.child), 10 if found.score > 10 else 0)}",
            section="scaling", child=found.child, span=(found.start, found.end),
        )
