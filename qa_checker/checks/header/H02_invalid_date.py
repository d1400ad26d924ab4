"""The Date of Contact is not a real date, names the wrong weekday, or is in the future.

Why it matters:
    The date ties the recording to the session. An impossible date (31/02/2025), a weekday
    that does not match, or a date still to come makes the record unreliable and can put it
    against the wrong session in the child's file.

Weak:
    Date of Contact: 31/02/2025
    Date of Contact: Thursday 12th March 2025   (12 March 2025 was a Wednesday)

Better:
    Date of Contact: Wednesday 12th March 2025

Limitations:
    Dates are read day first (UK): 03/04/2025 is 3 April. Numeric, written-month and ISO
    forms are understood; a date before the policy's earliest plausible year is reported.

Source:
    Northamptonshire Supervised Family Time Recording template ("Date of Contact: 00.00.2020").
"""

from qa_checker.checks.common import is_placeholder
from qa_checker.datetimes import parse_date
from qa_checker.rule import Hit, Parsed, rule


@rule("H02", "invalid-date", "error")
def check(parsed: Parsed):
    recording = parsed.recording
    field = recording.header.get("date")
    if field is None or not field.value.strip() or is_placeholder(field.value, recording.template):
        return
    reading = parse_date(field.value)
    if reading.problem or reading.date is None:
        message = f"The Date of Contact is not right: {reading.problem or 'it cannot be read'}. Check the date in your diary and correct it."
    elif reading.date > parsed.today:
        message = (f"The Date of Contact ({reading.date:%d/%m/%Y}) is in the future. "
                   f"Write the date the session took place (dates are read day first: DD/MM/YYYY).")
    elif reading.date.year < parsed.policy.plausibility.earliest_year:
        message = (f"The Date of Contact ({reading.date:%d/%m/%Y}) is before "
                   f"{parsed.policy.plausibility.earliest_year}, which looks like a typing slip. Check the year.")
    else:
        return
    yield Hit(message, section="header", span=field.value_span)
