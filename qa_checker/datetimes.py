"""Reading dates and times as writers give them (UK day-first)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1)
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [("mon", "monday"), ("tue", "tues", "tuesday"), ("wed", "wednesday"), ("thu", "thur", "thurs", "thursday"),
         ("fri", "friday"), ("sat", "saturday"), ("sun", "sunday")])
    for name in names
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_NUMERIC = re.compile(r"\b(\d{1,2})\s*[./\-]\s*(\d{1,2})\s*[./\-]\s*(\d{4}|\d{2})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_NAMES})\.?,?\s+(\d{{4}}|\d{{2}})\b", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b\.?", re.IGNORECASE)


@dataclass(frozen=True)
class DateReading:
    """A date as written: the date when it is real, or what is wrong with it."""

    date: dt.date | None
    problem: str | None = None


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def _make(year: int, month: int, day: int, written: str) -> DateReading:
    try:
        return DateReading(dt.date(year, month, day))
    except ValueError:
        return DateReading(None, f"'{written}' is not a real date")


def parse_date(text: str) -> DateReading:
    """Read "12.03.2025", "12/03/25", "12 March 2025", "Wednesday 12th March 2025", "2025-03-12"."""
    value = text.strip()
    reading = None
    for pattern, order in ((_ISO, "ymd"), (_NUMERIC, "dmy"), (_DAY_MONTH, "dMy"), (_MONTH_DAY, "Mdy")):
        match = pattern.search(value)
        if not match:
            continue
        parts = dict(zip(order, match.groups()))
        month = MONTHS[parts["M"].lower().rstrip(".")] if "M" in parts else int(parts["m"])
        if not 1 <= month <= 12:
            return DateReading(None, f"'{match.group(0)}' has no month {month} (dates are read day first: DD/MM/YYYY)")
        reading = _make(_year(parts["y"]), month, int(parts["d"]), match.group(0))
        break
    if reading is None:
        return DateReading(None, f"'{value}' is not a date qa-checker can read (write it as 12/03/2025 or 12 March 2025)")
    weekday = _WEEKDAY.search(value)
    if reading.date and weekday:
        said = WEEKDAYS[weekday.group(1).lower()]
        if said != reading.date.weekday():
            actual = WEEKDAY_NAMES[reading.date.weekday()]
            return DateReading(None, f"'{value}' says {WEEKDAY_NAMES[said]}, but {reading.date:%d %B %Y} was a {actual}")
    return reading


@dataclass(frozen=True)
class TimeReading:
    start: dt.time | None
    end: dt.time | None
    problem: str | None = None


_CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?:\s*[:.]\s*(?P<m>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?(?![\d])"
    r"|(?P<hhmm>\b\d{4}\b)(?:\s*(?:hrs|hours|h)\b)?",
    re.IGNORECASE,
)
_RANGE = re.compile(r"\s*(?:-|–|—|to|until|till|til)\s*", re.IGNORECASE)
# A note written with the times: "09:30 to 11:00 (Mum arrived 09:40)", "14:00 to 14:20; ended early".
_TIME_NOTE = re.compile(r"\([^)]*\)?|\s*[;,].*$")
# The first time range of a field that goes on with a note after a dash, colon or full stop, or a
# word in lower case: "13.00 to 15.00 - Ilkeston Family Centre, big room" and "10.00 to 12.00
# planned. Ended early at 11.02." read 13.00 to 15.00 and 10.00 to 12.00.
_AT = r"\d{1,2}(?:\s*[:.]\s*\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?|\d{4}"
_LEADING_RANGE = re.compile(
    rf"^\s*(?:from\s+)?((?:{_AT})\s*(?:-|–|—|to|until|till|til)\s*(?:{_AT}))\s*(?:hrs|hours)?"
    rf"(?:\s*[-–—:.]\s+\S|\s+(?![ap]\.?m\b|in\s+the\b)(?-i:[a-z]))",
    re.IGNORECASE)


# A start hour written bare, from 1 to 6 ("4", "3.30"; not "04:00" or "4am").
_SMALL_HOUR = re.compile(r"[1-6](?:\s*[:.]\s*\d{2})?")


def _clock(text: str):
    match = _CLOCK.fullmatch(text.strip().lower().replace("noon", "12pm").replace("midday", "12pm"))
    if not match:
        return None
    if match.group("hhmm"):
        hour, minute, suffix = int(match.group("hhmm")[:2]), int(match.group("hhmm")[2:]), None
    else:
        hour, minute = int(match.group("h")), int(match.group("m") or 0)
        suffix = (match.group("ampm") or "").replace(".", "") or None
    return hour, minute, suffix


def _to_time(hour: int, minute: int, suffix: str | None) -> dt.time | None:
    if suffix:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return dt.time(hour, minute)


def parse_clock(text: str) -> dt.time | None:
    """Read one clock time as written in a sentence: "16:25", "4.25pm", "1.55 pm", "1600"."""
    reading = _clock(text)
    return _to_time(*reading) if reading else None


def parse_time_range(text: str) -> TimeReading:
    """Read "16:00 to 17:30", "4pm - 5.30pm", "2 - 3.30pm", "4 - 5.30" (16:00 to 17:30), "1600-1730";
    a note in brackets or after a semicolon or comma ("14:00 to 14:20 (ended early: child unwell)"), or after a dash, colon
    or full stop that follows a whole range ("13.00 to 15.00 - Ilkeston Family Centre"), is not read."""
    value = re.sub(r"\s+", " ", _TIME_NOTE.sub(" ", text.strip()).strip().rstrip("."))
    value = re.sub(r"\b(?:hrs|hours)\b", "", value, flags=re.IGNORECASE).strip()
    parts = [p for p in _RANGE.split(value, maxsplit=1) if p.strip()]
    first, second = (_clock(parts[0]), _clock(parts[1])) if len(parts) == 2 else (None, None)
    if (first is None or second is None) and (leading := _LEADING_RANGE.match(value)):
        return parse_time_range(leading.group(1))
    if len(parts) != 2:
        return TimeReading(None, None, f"'{text.strip()}' does not give a start and an end time (write it as 16:00 to 17:30)")
    if first is None or second is None:
        return TimeReading(None, None, f"'{text.strip()}' is not a time range qa-checker can read (write it as 16:00 to 17:30)")
    end = _to_time(*second)
    h, m, suffix = first
    if suffix is None and second[2] is not None and 1 <= h <= 12:
        # "2 - 3.30pm": the start shares the end's half of the day when that keeps it earlier.
        start = _to_time(h, m, second[2])
        if start is not None and end is not None and start >= end:
            start = _to_time(h, m, "am" if second[2] == "pm" else "pm")
    elif suffix is None and _SMALL_HOUR.fullmatch(parts[0].strip()):
        # "4 - 5.30", "3.30 to 5" (train w13-02, dev w29-04): family time is not held in the
        # small hours, so a bare start hour from 1 to 6 is the afternoon's ("04:00", with its
        # leading zero, is a 24-hour clock and stays as written); the end follows below
        start = _to_time(h + 12, m, None)
    else:
        start = _to_time(h, m, suffix)
    if start is None or end is None:
        return TimeReading(None, None, f"'{text.strip()}' holds a time that does not exist")
    if end <= start and second[2] is None and 1 <= second[0] < 12:
        # "11.00 to 1.00" (dev w26-03), "2pm to 3.30" (dev w27-03): the end is in the afternoon,
        # when that makes a session of up to six hours ("10.00 to 9.00" is still a mistake)
        later = dt.time(second[0] + 12, second[1])
        if (later.hour * 60 + later.minute) - (start.hour * 60 + start.minute) <= 6 * 60:
            end = later
    if end <= start:
        return TimeReading(start, end, f"the session ends ({end:%H:%M}) before or when it starts ({start:%H:%M})")
    return TimeReading(start, end)
