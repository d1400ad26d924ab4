"""Numbers that could be a 0-10 score: digits, words, halves, with or without "/10" or "out of 10".

This is the cheap pass: it finds every candidate in a line and drops what cannot be a score
wherever it stands (times, dates, ordinals, ranges such as "0-10"). Whether a candidate is a
score depends on where it stands, which ``grammar`` decides.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_HALF = r"(?P<half>\s?½|\s+and\s+a\s+half\b)?"
_SCALE = (r"(?P<scale>\s*(?:/|\bout\s+of\b|\boutta\b)\s*(?:10|ten)\b(?!\s*/\s*\d)(?![.,:]\d)"
          r"|\s*\(\s*(?:out\s+of\s+|/\s*)(?:10|ten)\s*\))?")
_RANGE_AFTER = re.compile(r"\s*(?:-|–|—|to)\s*(?:\d|ten\b)", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"\d\s*(?:-|–|—|to)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """A candidate score. ``end`` includes "/10" or "out of 10" when written (``strong``)."""

    start: int
    end: int
    value: float
    strong: bool


@functools.cache
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(
        r"(?:(?<![\w.,:/£$€])(?P<digits>\d{1,2}(?:\.5)?)(?![^\W½]|%|[.:,]\d)"
        rf"|(?<![\w'’-])(?P<word>{alternation})(?![\w'’-]))" + _HALF + _SCALE,
        re.IGNORECASE,
    )


def find_numbers(text: str, start: int, end: int, words: dict[str, int]) -> list[Number]:
    """Every candidate score in ``text[start:end]``, in order."""
    found = []
    for match in _pattern(tuple(words)).finditer(text, start, end):
        number = _read(text, match, words, start)
        if number is not None:
            found.append(number)
    return found


def _read(text: str, match: re.Match[str], words: dict[str, int], floor: int) -> Number | None:
    digits, word = match.group("digits"), match.group("word")
    value = float(digits) if digits else float(words[word.lower()])
    if match.group("half"):
        value += 0.5
    strong = bool(match.group("scale"))
    begin = match.start()
    if not strong and text[match.end():match.end() + 3].lstrip().startswith("/"):
        return None  # a date ("12/03") or a fraction that is not out of 10
    if _RANGE_AFTER.match(text, match.end("half") if match.group("half") else match.end(1 if digits else 2)):
        return None  # "0 - 10", "6-7/10": a range, not one score
    if _RANGE_BEFORE.search(text[max(floor, begin - 6):begin]) and not _is_minus(text, begin, floor):
        return None
    if _is_minus(text, begin, floor):
        value, begin = -value, begin - 1
    elif text[max(floor, begin - 6):begin].lower().endswith("minus "):
        value, begin = -value, begin - 6
    return Number(begin, match.end(), value, strong)


def _is_minus(text: str, begin: int, floor: int) -> bool:
    """'Overall: -1' is minus one; 'Leo - 4', 'Leo -4' and '0-10' are not."""
    if begin - 1 < floor or text[begin - 1] not in "-−":
        return False
    before = text[floor:begin - 1].rstrip()
    return not before or before[-1] in ":=(,"
