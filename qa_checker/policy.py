"""The Family Time Agreement's rules (``rules/policy.toml``), one file per trust."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from qa_checker import speedups
from qa_checker.resources import load_validated

Weekday = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ClosureDay(_Strict):
    date: dt.date
    reason: str


class Plausibility(_Strict):
    earliest_year: int = 2015


class Policy(_Strict):
    name: str
    source: str = ""
    lateness_allowed_minutes: int = 15
    no_session_weekdays: tuple[Weekday, ...] = ("Sunday",)
    bank_holidays: Literal["GB-ENG", "GB-WLS", "GB-SCT", "GB-NIR", "none"] = "GB-ENG"
    closure_days: tuple[ClosureDay, ...] = ()
    plausibility: Plausibility = Plausibility()

    def no_session_reason(self, day: dt.date) -> str | None:
        """Why no session should take place on ``day``, or None when it is a session day."""
        weekday = WEEKDAYS[day.weekday()]
        if weekday in self.no_session_weekdays:
            return f"a {weekday}"
        for closure in self.closure_days:
            if closure.date == day:
                return f"a closure day ({closure.reason})"
        holiday = _bank_holiday(self.bank_holidays, day)
        if holiday:
            return f"a bank holiday ({holiday})"
        return None


def _bank_holiday(region: str, day: dt.date) -> str | None:
    if region == "none":
        return None
    return _calendar(region.split("-", 1)[1], day.year).get(day)


@functools.lru_cache(maxsize=64)
def _calendar(subdivision: str, year: int):
    """One year of bank holidays (built once: a folder's recordings share a few years)."""
    return _united_kingdom()(subdiv=subdivision, years=year)


def _united_kingdom():
    """The holidays package's UnitedKingdom calendar: its one module when the process enabled
    the speed-ups (see :func:`qa_checker.speedups.united_kingdom_holidays`), else its registry."""
    return _calendars(speedups.enabled())


@functools.cache
def _calendars(fast: bool):
    if fast:
        return speedups.united_kingdom_holidays()
    import holidays  # imported late: only date checks need it

    return lambda **options: holidays.country_holidays("GB", **options)


def load_policy(path: Path | None = None) -> Policy:
    """Load and validate a policy TOML (the packaged Northamptonshire one by default)."""
    return _load(str(path) if path else None)


@functools.cache
def _load(path: str | None) -> Policy:
    return load_validated(path, ("rules", "policy.toml"), Policy)
