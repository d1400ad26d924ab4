"""A parent arrived later than the Family Time Agreement allows and the session went ahead with no explanation.

Why it matters:
    The Family Time Agreement allows a set lateness (15 minutes in Northamptonshire) before a
    session is cancelled, because waiting is hard for children. When a session goes ahead
    anyway, the child's review needs to know why, and who agreed it, or it reads as the rule
    not being applied.

Weak:
    Mum arrived at 16:25. (The session started at 16:00; nothing more is said.)

Better:
    Mum arrived at 16:25, 25 minutes late; she had texted at 16:10 that her bus had broken down.
    As Nan was already with the children, I decided to let the session go ahead.
    I told the social worker, Kirsty Lowe, the same evening.

Limitations:
    Looks for a parent (Mum, Dad, a parent's name from the header) arriving at a clock time in
    Introductions ("Mum arrived at 16:25", "Dad did not arrive until 4.30pm"), or "N minutes
    late", and compares it with the start of the header's Time; the allowance is
    lateness_allowed_minutes in rules/policy.toml. A session counts as having gone ahead unless
    the recording says it was cancelled. Any sentence saying the session went ahead or continued
    together with a reason or who agreed it ("As Nan was there, I decided to let the session go
    ahead") is taken as the explanation; its quality is not judged. Closure days, Sundays and
    bank holidays (the Agreement's other rule about when sessions happen) are H04's: one rule,
    not two. Wording: rules/agreement/wording.toml.

Source:
    Family Time Agreement for the Family Time Service (updated February 2025): "A maximum of 15
    minutes will be allowed for lateness before a session is cancelled."
"""

from qa_checker.checks.agreement.arrival import minutes_late, parents, session_start, too_late
from qa_checker.checks.agreement.data import load_wording
from qa_checker.nlp.cues import cue_list
from qa_checker.rule import Hit, Parsed, rule


def _arrivals(parsed: Parsed) -> list:
    """The introductions' sentences telling of an arrival at a time past the allowed lateness."""
    start = session_start(parsed.recording)
    if start is None:
        return []
    arrival, allowed = cue_list(load_wording().lateness.arrival), parsed.policy.lateness_allowed_minutes
    return [s for s in parsed.language.sentences
            if s.section == "introductions" and too_late(s.text, start, allowed) and arrival.any(s)]


@rule("A01", "late-arrival-session-continued", "warning", reads=_arrivals)
def check(parsed: Parsed):
    start = session_start(parsed.recording)
    if start is None:
        return
    wording = load_wording().lateness
    sentences = parsed.language.sentences
    allowed = parsed.policy.lateness_allowed_minutes
    candidates = _arrivals(parsed)
    present = parents(parsed.recording)
    late = next(((s, m) for s in candidates if (m := minutes_late(s, start, present)) is not None and m > allowed), None)
    if late is None or any(cue_list(wording.cancelled).any(s) for s in sentences):
        return
    went_ahead, reasons = cue_list(wording.went_ahead), cue_list(wording.reasons)
    if any(went_ahead.any(s) and reasons.any(s) for s in sentences):
        return
    sentence, minutes = late
    yield Hit(
        f"A parent arrived {minutes} minutes after the {start:%H:%M} start, more than the {allowed} minutes the "
        f"Family Time Agreement allows before a session is cancelled, and the recording does not say why the "
        f"session went ahead.",
        section="introductions",
        span=(sentence.start, sentence.end),
        suggestion="Say why it went ahead and who agreed it, e.g. 'As Nan was already with the children and Mum "
                   "had texted at 16:10, I decided to let the session go ahead and told the social worker.'",
    )
