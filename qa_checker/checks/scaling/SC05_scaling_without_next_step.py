"""A scaling below 10 does not say what would move it up the scale.

Why it matters:
    The scaling question is also a plan: what would need to happen for the score to move one
    point up, and who could do it. Without it the child's review learns where things are but
    not what would help.

Weak:
    Jayden: 5/10 as he waited at the window asking when Dad was coming.

Better:
    Jayden: 5/10 as he waited at the window asking when Dad was coming.
    To move up the scale, Dad needs to text the day before to say he is coming.

Limitations:
    A next step is a phrase such as "to move up the scale", "to go up", "next time", "it would
    be higher if", "may help", a need written without its subject ("Needs to arrive on time and
    bring a snack"), a "What would help:" field or table cell, or a recommendation
    whose subject is a person ("Dad could...", "Mum needs to...", "Dad to arrive by 14:00"),
    found in the dependency parse. A scaling that points at another for its words ("Oliver: 9.
    Same as overall, keeping this going.", "Jay: 7. Same as above.") takes that one's next step
    (and reason), if it has one. A next step on a line of its own after the last score, naming no
    one child ("To move up the scale the parents should try not to disagree in front of the
    children."), is every scaling's. An overall scaling without a next step when the only child at
    contact has one is SC07's (a note, not a fix). Not raised for a 10 (or above: SC03 reports that). Whether
    the next step is specific enough is not judged ("continue to engage" counts).

Source:
    Northamptonshire Supervised Family Time Recording template (SCALING: "how the contact can be
    improved to move up the scale"); Signs of Safety scaling questions.
"""

from qa_checker.checks.scaling.shared import name_of, only_child_step, subject_label
from qa_checker.rule import Hit, Parsed, rule


@rule("SC05", "scaling-without-next-step", "warning")
def check(parsed: Parsed):
    result = parsed.scaling
    for found in result.found:
        if found.has_next_step or found.score >= 10 or only_child_step(result, found):
            continue
        who = name_of(result, found.child)
        yield Hit(
            f"{subject_label(result, found)} does not say what would move it up the scale. Add who needs to do "
            f"what, for example: '{who}: ... To move up the scale, <who> needs to <do what>.'",
            section="scaling", child=found.child, span=(found.start, found.end),
        )
