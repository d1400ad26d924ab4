"""The session time cannot be read, has no end, or ends before it starts.

Why it matters:
    Start and end times show how long the child spent with their family, whether the
    session ran to plan, and let a reader place the times in the narrative (16:20, 16:45).

Weak:
    Time: 15:00 to 14:00
    Time: afternoon

Better:
    Time: 15:00 to 16:30

Limitations:
    Understands 16:00, 16.00, 1600, 4pm and 4.30pm, joined by "to", "-", "–" or "until";
    "2 - 3.30pm" takes the afternoon for both; "11.00 to 1.00" and "2pm to 3.30" end at 13:00
    and 15:30 (an end before the start, written in 12-hour form, is taken in the afternoon when
    that makes a session of up to six hours). Without am or pm, a start hour from 1 to 6 is the
    afternoon's ("4 - 5.30" is 16:00 to 17:30; "04:00", with its leading zero, stays). The first range is read and the rest left as a note: "14:00 to 14:20 (ended
    early)", "13.00 to 15.00 - family centre", "10.00 to 12.00 planned. Ended early at 11.02."

Source:
    Northamptonshire Supervised Family Time Recording template ("Time: 00.00 to 00.00").
"""

from qa_checker.checks.common import is_placeholder
from qa_checker.datetimes import parse_time_range
from qa_checker.rule import Hit, Parsed, rule


@rule("H03", "invalid-time", "error")
def check(parsed: Parsed):
    recording = parsed.recording
    field = recording.header.get("time")
    if field is None or not field.value.strip() or is_placeholder(field.value, recording.template):
        return
    reading = parse_time_range(field.value)
    if reading.problem:
        yield Hit(
            f"The session time is not right: {reading.problem}. Give the start and end, e.g. 'Time: 16:00 to 17:30'.",
            section="header",
            span=field.value_span,
        )
