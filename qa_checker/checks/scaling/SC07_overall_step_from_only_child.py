"""The overall scaling leaves what would move it up to the only child's scaling.

Why it matters:
    With one child at contact, the child's "what would move it up" often answers for the whole
    session too, and a team leader would not send the recording back for it. The review still
    reads each scaling on its own, so where the session would move up for something else (the
    parent's timekeeping, the venue, the plan) it helps to say so under the overall score.

Weak:
    Child's Name: Noah Brown (1)
    Overall: 9. Noah's needs were met throughout and I did not step in.
    Noah: 9. He was fed and comforted. If Mum keeps her phone away, I would score 10.

Better:
    Child's Name: Noah Brown (1)
    Overall: 9. Noah's needs were met throughout and I did not step in. To move up, Mum
    needs to keep her phone away, as for Noah.
    Noah: 9. He was fed and comforted. If Mum keeps her phone away, I would score 10.

Limitations:
    A note, not a fix (info): raised only where SC05 would otherwise ask for the overall's next
    step, one child was at contact (by the header) and that child's scaling is the only child
    scaling and says what would move it up. A team that wants a next step under every score can
    raise this rule to a warning in its configuration. Not the other way round: a child's scaling
    without a next step is SC05's even when the overall has one.

Source:
    Northamptonshire Supervised Family Time Recording template (SCALING: "how the contact can be
    improved to move up the scale"); independent recordings, dev w27-02 (both labellers note the
    overall's missing step and pass the recording; a team-leader session: "covered by Noah's
    score, so I would not send it back").
"""

from qa_checker.checks.scaling.shared import name_of, only_child_step, subject_label
from qa_checker.rule import Hit, Parsed, rule


@rule("SC07", "overall-step-from-only-child", "info")
def check(parsed: Parsed):
    result = parsed.scaling
    overall = result.overall
    child = only_child_step(result, overall) if overall is not None else None
    if overall is None or child is None:
        return
    name = name_of(result, child.child)
    yield Hit(
        f"{subject_label(result, overall)} does not say what would move it up; {name}'s scaling does, and "
        f"{name} was the only child at contact, so the review can read that for both. If the session "
        f"would move up for something else too, add it under the overall score.",
        section="scaling", span=(overall.start, overall.end),
    )
