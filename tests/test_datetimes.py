"""Dates and times as writers give them (UK day first)."""

from __future__ import annotations

import datetime as dt

import pytest

from qa_checker.datetimes import parse_clock, parse_date, parse_time_range


@pytest.mark.parametrize(("text", "expected"), [
    ("12.03.2025", dt.date(2025, 3, 12)),
    ("12/03/25", dt.date(2025, 3, 12)),
    ("12-3-2025", dt.date(2025, 3, 12)),
    ("12 March 2025", dt.date(2025, 3, 12)),
    ("12 Mar 2025", dt.date(2025, 3, 12)),
    ("Wednesday 12th March 2025", dt.date(2025, 3, 12)),
    ("Wed 12th of March, 2025", dt.date(2025, 3, 12)),
    ("March 12th, 2025", dt.date(2025, 3, 12)),
    ("2025-03-12", dt.date(2025, 3, 12)),
    ("03/04/2025", dt.date(2025, 4, 3)),
])
def test_dates(text, expected):
    reading = parse_date(text)
    assert (reading.date, reading.problem) == (expected, None)


@pytest.mark.parametrize(("text", "problem"), [
    ("31/02/2025", "'31/02/2025' is not a real date"),
    ("13/13/2025", "'13/13/2025' has no month 13 (dates are read day first: DD/MM/YYYY)"),
    ("Thursday 12th March 2025", "'Thursday 12th March 2025' says Thursday, but 12 March 2025 was a Wednesday"),
    ("last week", "'last week' is not a date qa-checker can read (write it as 12/03/2025 or 12 March 2025)"),
])
def test_bad_dates(text, problem):
    assert parse_date(text).problem == problem


@pytest.mark.parametrize(("text", "start", "end"), [
    ("16:00 to 17:30", "16:00", "17:30"),
    ("16.00-17.30", "16:00", "17:30"),
    ("16:00 – 17:30 hrs", "16:00", "17:30"),
    ("4pm - 5.30pm", "16:00", "17:30"),
    ("2 - 3.30pm", "14:00", "15:30"),
    ("11 - 1pm", "11:00", "13:00"),
    ("10:00am until 11:30am", "10:00", "11:30"),
    ("1600-1730", "16:00", "17:30"),
    ("12pm to 1pm", "12:00", "13:00"),
    # a whole range, then a note after a dash or colon (wave 4, w17-04)
    ("13.00 to 15.00 - Ilkeston Family Centre, big room with the kitchen", "13:00", "15:00"),
    ("from 10.00 to 11.30: soft play, then lunch", "10:00", "11:30"),
    ("17.30 to 18.12 (booked until 18.15). Virtual session on Microsoft Teams.", "17:30", "18:12"),
    ("11.00 to 12.40 (booked 11.00 to 13.00) - West Park, Long Eaton", "11:00", "12:40"),
    # or a note in words (wave 5, w22-05; not am or pm, nor "in the afternoon")
    ("10.00 to 12.00 planned. Ended early at 11.02. Alexandra Park, Oldham (play area and café)", "10:00", "12:00"),
    ("10:00 to 11:30 approx", "10:00", "11:30"),
    ("1 to 3 pm", "13:00", "15:00"),
    # an end past noon written in 12-hour form (wave 6, dev w26-03: an H03 error before)
    ("11.00 to 1.00", "11:00", "13:00"),
    ("12.30 to 2", "12:30", "14:00"),
    ("2pm to 3.30", "14:00", "15:30"),  # dev w27-03
    # a bare start hour from 1 to 6 is the afternoon's: family time is not held in the small hours
    # (train w13-02, dev w29-04: A01 reported a parent late for "the 04:00 start")
    ("4 - 5.30", "16:00", "17:30"),
    ("3.30 to 5", "15:30", "17:00"),
    ("6 to 7.30 (video call)", "18:00", "19:30"),
    ("04:00 to 05:30", "04:00", "05:30"),  # a leading zero: a 24-hour clock, as written
    ("4am to 5.30am", "04:00", "05:30"),
    ("7 to 8.30", "07:00", "08:30"),
])
def test_time_ranges(text, start, end):
    reading = parse_time_range(text)
    assert reading.problem is None
    assert (f"{reading.start:%H:%M}", f"{reading.end:%H:%M}") == (start, end)


@pytest.mark.parametrize(("text", "problem"), [
    ("15:00 to 14:00", "the session ends (14:00) before or when it starts (15:00)"),
    ("16:00", "'16:00' does not give a start and an end time (write it as 16:00 to 17:30)"),
    ("25:00 - 26:00", "'25:00 - 26:00' holds a time that does not exist"),
    ("after school", "'after school' does not give a start and an end time (write it as 16:00 to 17:30)"),
    ("16:00 - Mum late", "'16:00 - Mum late' is not a time range qa-checker can read (write it as 16:00 to 17:30)"),
    ("15:00 to 14:00 - family centre", "the session ends (14:00) before or when it starts (15:00)"),
    ("15:00 to 14:00 planned", "the session ends (14:00) before or when it starts (15:00)"),
    ("10.00 to 9.00", "the session ends (09:00) before or when it starts (10:00)"),
    ("2 to 4 in the afternoon", "'2 to 4 in the afternoon' is not a time range qa-checker can read (write it as 16:00 to 17:30)"),
    ("3 to 11", "the session ends (11:00) before or when it starts (15:00)"),
])
def test_bad_time_ranges(text, problem):
    assert parse_time_range(text).problem == problem


@pytest.mark.parametrize(("text", "expected"), [
    ("16:25", dt.time(16, 25)), ("4.25pm", dt.time(16, 25)), ("1.55 pm", dt.time(13, 55)),
    ("1600", dt.time(16, 0)), ("2pm", dt.time(14, 0)), ("4.25", dt.time(4, 25)), ("25:10", None), ("soon", None),
])
def test_one_clock_time(text, expected):
    assert parse_clock(text) == expected


def test_bank_holidays_are_the_holidays_packages_own():
    """policy._united_kingdom imports only the UK module of holidays; same days as its registry."""
    import subprocess
    import sys

    script = (
        "import holidays, sys\n"
        "from qa_checker import policy, speedups\n"
        "speedups.enable()\n"
        "ours = {(s, y): sorted(policy._calendar(s, y).items()) for s in ('ENG', 'WLS', 'SCT', 'NIR') for y in (2015, 2025, 2026)}\n"
        "print('holidays.countries' in sys.modules)\n"
        "theirs = {(s, y): sorted(holidays.country_holidays('GB', subdiv=s, years=y).items()) for s, y in ours}\n"
        "print(ours == theirs, len(ours[('ENG', 2025)]))\n"
        "import holidays.countries\n"
        "print(callable(holidays.countries.France), callable(holidays.France))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    assert run.stdout.split() == ["False", "True", "8", "True", "True"]
