"""A child at contact has no 0-10 scaling of their own.

Why it matters:
    The template asks for a scaling for EACH child at contact, because a session can go well
    for one child and badly for another. A missing child's scaling is the most common gap a
    team leader sends back: that child's experience of the session goes unrecorded.

Weak:
    Child's Name: Amelia (7) and Jayden (4)
    ...
    Overall: 7/10 because Dad planned a craft for both children.
    Amelia: 8/10 because she read with Dad.

Better:
    Overall: 7/10 because Dad planned a craft for both children.
    Amelia: 8/10 because she read with Dad.
    Jayden: 6/10 because he waited at the window for Dad for 20 minutes.
    To move up the scale, Dad needs to arrive on time.

Limitations:
    The children are those in "Child's Name" (or, when it is blank, those "Present at contact"
    lists as a child). A child is matched by first name, full name or a nickname in brackets in
    the header ("Jayden (Jay)"), in any case (a name that is also an everyday word, such as
    Will, May or Grace, only with its capital). When "Present at contact" names some of the
    children but not this one, the child was not at contact and needs no scaling. "Both
    children 7/10" scales every child.

Source:
    Northamptonshire Supervised Family Time Recording template (SCALING: "Give individual scaling
    for EACH child at contact").
"""

from qa_checker.checks.scaling.shared import example, name_of
from qa_checker.rule import Hit, Parsed, rule


@rule("SC02", "missing-child-scaling", "error")
def check(parsed: Parsed):
    result = parsed.scaling
    if not result.judged:
        return
    for child in result.missing:
        name = name_of(result, child.name)
        yield Hit(
            f"There is no scaling for {name}. Each child at contact needs their own score from 0 to 10, "
            f"with the reason and what would move it up the scale, for example: {example(name, 6)}",
            section="scaling", child=child.name, span=result.heading,
        )
