"""When a parent arrived, read from the Introductions: clock times and "N minutes late" (A01)."""

from __future__ import annotations

import datetime as dt
import re

from qa_checker.checks.agreement.data import load_wording, parent_names
from qa_checker.checks.common import is_placeholder
from qa_checker.datetimes import parse_clock, parse_time_range
from qa_checker.nlp.clues import subject

_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?", re.IGNORECASE)
_LATE = re.compile(r"\b(\d{1,3}|[a-z]+(?:[ -][a-z]+)?)\s+min(?:ute)?s?\s+late\b", re.IGNORECASE)
_NUMBERS = {"five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25, "twenty five": 25, "thirty": 30,
            "thirty-five": 35, "forty": 40, "forty-five": 45, "forty five": 45, "fifty": 50, "sixty": 60}


def session_start(recording) -> dt.time | None:
    """The session's start from the header's Time (none for the template's '00.00 to 00.00')."""
    field = recording.header.get("time")
    if field is None or not field.value or is_placeholder(field.value, recording.template):
        return None
    return parse_time_range(field.value).start


def parents(recording) -> set[str]:
    """'mum', 'dad'... and the names the header gives a parent ("Sarah Smith (mother)")."""
    return set(load_wording().people.parents) | parent_names(recording.present)


def minutes_late(sentence, start: dt.time, parents: set[str]) -> int | None:
    """How late a parent in this sentence arrived, in minutes, or None."""
    clauses = [t for t in sentence.doc if _by_parent(t, parents)]
    for token in clauses:
        if token.lemma_.lower() in ("arrive", "turn", "get", "come", "walk"):
            clock = _CLOCK.search(sentence.text[token.idx:])
            arrived = parse_clock(clock.group(0)) if clock else None
            if arrived is not None:
                return difference(start, arrived)
    late = _LATE.search(sentence.text) if clauses else None
    if late is None:
        return None
    amount = late.group(1).lower()
    return int(amount) if amount.isdigit() else _NUMBERS.get(amount)


def _by_parent(token, parents: set[str]) -> bool:
    who = subject(token)
    return who is not None and bool(({who.lower_} | {c.lower_ for c in who.conjuncts}) & parents)


def too_late(text: str, start: dt.time, allowed: int) -> bool:
    """Before any parse: a clock time later than the allowance, or 'N minutes late'."""
    times = (parse_clock(m.group(0)) for m in _CLOCK.finditer(text))
    return bool(_LATE.search(text)) or any(t is not None and difference(start, t) > allowed for t in times)


def difference(start: dt.time, arrived: dt.time) -> int:
    minutes = (arrived.hour * 60 + arrived.minute) - (start.hour * 60 + start.minute)
    return minutes + 720 if minutes < -360 else minutes  # "4.25" for a 16:00 session
