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

import datetime as dt
import re

from qa_checker.checks.agreement.data import load_wording, parent_names
from qa_checker.checks.common import is_placeholder
from qa_checker.datetimes import parse_clock, parse_time_range
from qa_checker.nlp.analysis import parse
from qa_checker.nlp.clues import subject
from qa_checker.nlp.cues import cue_list
from qa_checker.rule import Hit, Parsed, rule

_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?", re.IGNORECASE)
_LATE = re.compile(r"\b(\d{1,3}|[a-z]+(?:[ -][a-z]+)?)\s+min(?:ute)?s?\s+late\b", re.IGNORECASE)
_NUMBERS = {"five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25, "twenty five": 25, "thirty": 30,
            "thirty-five": 35, "forty": 40, "forty-five": 45, "forty five": 45, "fifty": 50, "sixty": 60}


def _start(parsed: Parsed) -> dt.time | None:
    """The session's start from the header's Time (none for the template's '00.00 to 00.00')."""
    recording = parsed.recording
    field = recording.header.get("time")
    if field is None or not field.value or is_placeholder(field.value, recording.template):
        return None
    return parse_time_range(field.value).start


def _parents(parsed: Parsed) -> set[str]:
    """'mum', 'dad'... and the names the header gives a parent ("Sarah Smith (mother)")."""
    return set(load_wording().people.parents) | parent_names(parsed.recording.present)


def _minutes_late(sentence, start: dt.time, parents: set[str]) -> int | None:
    """How late a parent in this sentence arrived, in minutes, or None."""
    clauses = [t for t in sentence.doc if _by_parent(t, parents)]
    for token in clauses:
        if token.lemma_.lower() in ("arrive", "turn", "get", "come", "walk"):
            clock = _CLOCK.search(sentence.text[token.idx:])
            arrived = parse_clock(clock.group(0)) if clock else None
            if arrived is not None:
                return _difference(start, arrived)
    late = _LATE.search(sentence.text) if clauses else None
    if late is None:
        return None
    amount = late.group(1).lower()
    return int(amount) if amount.isdigit() else _NUMBERS.get(amount)


def _by_parent(token, parents: set[str]) -> bool:
    who = subject(token)
    return who is not None and bool(({who.lower_} | {c.lower_ for c in who.conjuncts}) & parents)


def _too_late(text: str, start: dt.time, allowed: int) -> bool:
    """Before any parse: a clock time later than the allowance, or 'N minutes late'."""
    times = (parse_clock(m.group(0)) for m in _CLOCK.finditer(text))
    return bool(_LATE.search(text)) or any(t is not None and _difference(start, t) > allowed for t in times)


def _difference(start: dt.time, arrived: dt.time) -> int:
    minutes = (arrived.hour * 60 + arrived.minute) - (start.hour * 60 + start.minute)
    return minutes + 720 if minutes < -360 else minutes  # "4.25" for a 16:00 session


@rule("A01", "late-arrival-session-continued", "warning")
def check(parsed: Parsed):
    start = _start(parsed)
    if start is None:
        return
    wording = load_wording().lateness
    sentences = parsed.language.sentences
    allowed = parsed.policy.lateness_allowed_minutes
    candidates = [s for s in sentences if s.section == "introductions" and _too_late(s.text, start, allowed)
                  and cue_list(wording.arrival).any(s)]
    parse(candidates)
    parents = _parents(parsed)
    late = next(((s, m) for s in candidates if (m := _minutes_late(s, start, parents)) is not None and m > allowed), None)
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
