"""A scaling is given for a name that "Child's Name" does not give.

Why it matters:
    A scaling for a child the header does not name is either a child missing from the header
    (a baby sibling who came with Mum) or a slip: the wrong name, or a line pasted from another
    family's recording, which would share one child's information with another family.

Weak:
    Child's Name: Oscar, Poppy and Ruby
    ...
    Lily: 8 out of 10.

Better:
    Ruby: 8 out of 10 because she helped Mum set out the picnic.

Limitations:
    A name is known when it is a first name, full name or bracketed nickname from "Child's
    Name" (or "Present at contact"), in any case, with or without "'s". A name is never matched
    to a header child by guessing. Not raised when "Child's Name" is blank (H01 reports that),
    nor for someone "Present at contact" lists (a brother who lives with Nan, scaled on purpose).

Source:
    Northamptonshire Supervised Family Time Recording template (header "Child's Name"; SCALING
    for EACH child at contact).
"""

from qa_checker.checks.scaling.shared import example, name_of
from qa_checker.rule import Hit, Parsed, rule


@rule("SC06", "scaling-for-unknown-child", "warning")
def check(parsed: Parsed):
    result = parsed.scaling
    children = parsed.recording.children
    if not children:
        return
    named = ", ".join(c.name for c in children)
    # A slip is most likely for the child left without a scaling.
    likely = (result.missing or result.roster.children)[0]
    for found in result.unknown:
        if found.child and found.child.split()[0].lower() in result.roster.people:
            continue  # listed at contact ("Tyler Nicholson (16, Ellie-Rose's brother)"): scaled on purpose
        yield Hit(
            f"There is a scaling for {found.child}, but {found.child} is not named in Child's Name ({named}). "
            f"If {found.child} was at contact, add them to Child's Name; if you meant another child, correct "
            f"the name, for example: {example(name_of(result, likely.name), found.score, next_step=False)}",
            section="scaling", child=found.child, span=(found.start, found.end),
        )
