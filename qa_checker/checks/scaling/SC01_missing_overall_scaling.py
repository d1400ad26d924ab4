"""The SCALING section gives no overall 0-10 scaling of the contact.

Why it matters:
    The template asks for one overall scaling of the contact before the children's: it is how
    the child's review sees at a glance how family time is going over months, and the team
    leader sends back a recording without it.

Weak:
    Amelia: 8/10 because she read with Mum.
    Jayden: 6/10 because he waited at the window.

Better:
    Overall: 7/10 because Mum arrived on time and met both children's needs.
    To move up the scale, Mum needs to tell the children when the session ends.

Limitations:
    Read in the SCALING section (and in REFLECTION/ANALYSIS when the scaling section says
    "see below"). The overall is the score given to "overall", "this contact" or "the session",
    or a score with no child named. A missing or empty section is reported once, by S01 or S02.

Source:
    Northamptonshire Supervised Family Time Recording template (SCALING: "Give one scaling as an
    'overall' for the contact"); Signs of Safety scaling questions.
"""

from qa_checker.checks.scaling.shared import example
from qa_checker.rule import Hit, Parsed, rule


@rule("SC01", "missing-overall-scaling", "error")
def check(parsed: Parsed):
    result = parsed.scaling
    if result.judged and result.overall is None:
        yield Hit(
            "There is no overall scaling of the contact. Give the whole session one score from 0 to 10, "
            f"with the reason and what would move it up the scale, for example: {example('Overall')}",
            section="scaling", span=result.heading,
        )
