"""The Date of Contact falls on a day with no sessions: a Sunday, a bank holiday or a closure day.

Why it matters:
    The Family Time Agreement says there are no sessions on Sundays, bank holidays or the
    team's training days. A recording dated on one of them is usually a wrong date; if the
    session really took place, the reader needs to know why.

Weak:
    Date of Contact: Sunday 4 May 2025

Better:
    Date of Contact: Saturday 3 May 2025
    (or, if it was an agreed exception: "This session was moved to Sunday 4 May with the
    social worker's agreement because...")

Limitations:
    Bank holidays are England's (the ``holidays`` package); closure days and no-session
    weekdays come from the policy file (``rules/policy.toml``), one per trust. This is also the
    Family Time Agreement's rule on closure days (A02 in the issue that added A01 and A03): one
    rule, not two.

Source:
    Family Time Agreement for the Family Time Service (updated February 2025).
"""

from qa_checker.checks.common import is_placeholder
from qa_checker.datetimes import parse_date
from qa_checker.rule import Hit, Parsed, rule


@rule("H04", "no-session-day", "warning")
def check(parsed: Parsed):
    recording = parsed.recording
    field = recording.header.get("date")
    if field is None or is_placeholder(field.value, recording.template):
        return
    day = parse_date(field.value).date
    if day is None:
        return
    reason = parsed.policy.no_session_reason(day)
    if reason:
        yield Hit(
            f"{day:%A} {day.day} {day:%B %Y} is {reason}, when the Family Time Agreement says no sessions take place. "
            f"Check the date; if the session did happen that day, say why in the recording.",
            section="header",
            span=field.value_span,
        )
