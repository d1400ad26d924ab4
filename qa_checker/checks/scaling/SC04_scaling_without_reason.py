"""A scaling gives no reason for where it sits on the scale.

Why it matters:
    A number alone tells the child's review nothing it can act on. Signs of Safety scaling asks
    why the score is where it is: what keeps it from being lower and what keeps it from being
    higher, pointing at what was seen in the session.

Weak:
    Overall: 6/10

Better:
    Overall: 6/10 because Mum was warm with both children but spoke about
    the court hearing in front of them at 16:40.

Limitations:
    A reason is any explanation after the score and before the next one: a "because" or "as"
    clause, a "Reason:" field or table cell, following sentences ("Amelia: 8. She chatted to Mum
    throughout") or "for the same reasons". A sentence that only says what would move the score
    up is not a reason. The quality of the reason is not judged.

Source:
    Northamptonshire Supervised Family Time Recording template (SCALING: "Give your reason for
    why you scaled this where you did"); Signs of Safety scaling questions.
"""

from qa_checker.checks.scaling.shared import example, name_of, subject_label
from qa_checker.rule import Hit, Parsed, rule


@rule("SC04", "scaling-without-reason", "error")
def check(parsed: Parsed):
    result = parsed.scaling
    for found in result.found:
        if found.has_reason:
            continue
        yield Hit(
            f"{subject_label(result, found)} has no reason. Say what you saw that puts it there, for example: "
            f"{example(name_of(result, found.child), found.score, next_step=False)}",
            section="scaling", child=found.child, span=(found.start, found.end),
        )
