"""The scaling grammar's regular expressions, compiled once per cue file.

Children's names differ from one recording to the next, so they are not in these patterns:
each known name in the text is first masked with a run of ``KNOWN`` (same length, so offsets
hold) and the patterns match that run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KNOWN = "\ue000"  # a private-use character: never in a recording
_KNOWN_RUN = f"{KNOWN}+"
_UNKNOWN = r"(?-i:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)*)?)"
_BULLET = r"(?:\d{1,2}[.)]|[-•*·–])"
_AFTER_SUBJECT = (
    r"(?:\s*\((?P<desc>[^)]*)\))?(?:['’]s)?(?:\s+(?:{nouns}))?(?:\s+(?:for|of)\s+(?:the\s+|this\s+)?contact)?"
    r"\s*(?:[:–—=-]\s*)?"
)


def alternation(phrases) -> str:
    """One regex alternative per phrase, longest first, any apostrophe, any spacing."""
    return "|".join(re.escape(p).replace("'", "['’]").replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@dataclass(frozen=True)
class Patterns:
    subject: str                 # the subject alternatives (known, overall, group, unknown), uncompiled
    lead: re.Pattern[str]        # a whole lead: "Scaling for Leo –", "Ivy was a"
    context: re.Pattern[str]     # a line that only names a subject: "Overall", "Nathan:"
    label: re.Pattern[str]       # "Score:"
    same: re.Pattern[str]        # "Jay: the same (as Amelia)"
    anywhere: re.Pattern[str]    # a known name, the overall or a group anywhere
    after: re.Pattern[str]       # "6/10 for Jayden", "7/10 overall"
    verb: re.Pattern[str]        # "scale", "give", "rate"
    follow: re.Pattern[str]      # what may follow a bare score


def compile_patterns(cues) -> Patterns:
    subjects = cues.subjects
    overall, groups = alternation(subjects.overall), alternation(subjects.groups)
    subject = (rf"(?:(?P<known>{_KNOWN_RUN})|(?P<overall>{overall})|(?P<group>{groups})|(?P<unknown>{_UNKNOWN}))")
    prefix = rf"(?:(?:{_BULLET}|{alternation(subjects.prefixes)})\s*[:–—-]?\s*)*"
    after = _AFTER_SUBJECT.format(nouns=alternation(subjects.nouns))
    flags = re.IGNORECASE
    named = rf"(?:(?P<known>{_KNOWN_RUN})|(?P<overall>{overall})|(?P<group>{groups}))(?:['’]s)?(?![\w'’-])"
    return Patterns(
        subject=subject,
        lead=re.compile(rf"^{prefix}{subject}{after}(?:\s*\b(?P<verb>is|was|would\s+be|will\s+be|at|as|of|gets?|got))?"
                        rf"(?P<article>\s+an?)?\s*$", flags),
        context=re.compile(rf"^{prefix}{subject}{after}$", flags),
        label=re.compile(rf"^{prefix}(?:{alternation(subjects.nouns)})\s*[:–—=-]?\s*$", flags),
        same=re.compile(
            rf"^{prefix}{subject}{after}(?:(?:is|was|gets?|also)\s+)*(?:{alternation(subjects.same)})(?![\w-])"
            rf"(?:\s+(?:as|again)(?:\s+(?:(?P<ref>{_KNOWN_RUN}|{overall})|above|before))?(?![\w-]))?", flags),
        anywhere=re.compile(rf"(?<![\w'’-]){named}", flags),
        after=re.compile(rf"\s*(?:(?P<prep>for|to)\s+)?{named}", flags),
        verb=re.compile(rf"(?<![\w-])(?:{alternation(cues.scores.verbs)})(?![\w-])", flags),
        follow=re.compile(rf"\s*(?:$|[.,;:!?)–—\-]|(?:{alternation(cues.scores.follow)})(?![\w-]))", flags),
    )


def name_pattern(aliases: tuple[str, ...], capitalised: frozenset[str] = frozenset()) -> re.Pattern[str] | None:
    """Every alias of the recording's children, in any case, with or without "'s" after it; a
    name that is also an everyday word ("Will", "May") only with its capital."""
    if not aliases:
        return None
    any_case = [a for a in aliases if a not in capitalised]
    with_capital = [a[:1].upper() + a[1:] for a in aliases if a in capitalised]
    with_capital += [a.upper() for a in aliases if a in capitalised]
    parts = ([alternation(any_case)] if any_case else []) + ([f"(?-i:{alternation(with_capital)})"] if with_capital else [])
    return re.compile(rf"(?<![\w'’-])(?:{'|'.join(parts)})(?=(?:['’]s)?(?![\w'’-]))", re.IGNORECASE)
