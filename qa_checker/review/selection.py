"""Which recordings a review covers: a window of dates, and each recording's date.

A recording is dated by its Date of Contact; when the header gives none that can be read (or the
file cannot be read at all) the file's modification date stands in, and the summary says so.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from qa_checker.datetimes import parse_date


class DateSource(str, Enum):
    CONTACT = "contact"
    MODIFIED = "modified"


class DateWindow(BaseModel):
    """Dates from ``start`` to ``end``, both included; None means open on that side."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: dt.date | None = None
    end: dt.date | None = None

    def __contains__(self, day: dt.date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    @classmethod
    def week_of(cls, day: dt.date) -> DateWindow:
        """Monday to Sunday of the week holding ``day``."""
        monday = day - dt.timedelta(days=day.weekday())
        return cls(start=monday, end=monday + dt.timedelta(days=6))

    def describe(self) -> str:
        if self.start and self.end:
            return f"dated {show_date(self.start)} to {show_date(self.end)}"
        if self.start:
            return f"dated from {show_date(self.start)}"
        if self.end:
            return f"dated up to {show_date(self.end)}"
        return "of any date"


def read_option_date(text: str) -> dt.date:
    """A date given on the command line: 2025-03-12, 12/03/2025, 12 March 2025 (day first)."""
    reading = parse_date(text)
    if reading.date is None:
        raise ValueError(reading.problem or f"'{text}' is not a date qa-checker can read")
    return reading.date


def window_from_options(start: str | None, end: str | None, week: str | None) -> DateWindow:
    """The window the options ask for; ValueError with a message a user can act on."""
    if week and (start or end):
        raise ValueError("use either --week or --from/--to, not both")
    if week:
        return DateWindow.week_of(read_option_date(week))
    window = DateWindow(start=read_option_date(start) if start else None, end=read_option_date(end) if end else None)
    if window.start and window.end and window.start > window.end:
        raise ValueError(f"--from ({show_date(window.start)}) is after --to ({show_date(window.end)})")
    return window


def modified_date(path: str | Path) -> dt.date | None:
    """The file's modification date (local time), or None when it cannot be read."""
    try:
        return dt.datetime.fromtimestamp(Path(path).stat().st_mtime).date()
    except OSError:
        return None


def date_of(contact: dt.date | None, path: str | Path) -> tuple[dt.date | None, DateSource]:
    """The Date of Contact when there is one, else the file's modification date."""
    if contact is not None:
        return contact, DateSource.CONTACT
    return modified_date(path), DateSource.MODIFIED


def show_date(day: dt.date | None) -> str:
    """A date for people: 12 Mar 2025."""
    return f"{day.day} {day:%b %Y}" if day else "no date"
