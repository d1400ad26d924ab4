"""Which candidate numbers are scores, and whose: the overall, a child, every child, or a name
the header does not give.

A score written against the scale ("6/10", "6 out of 10") is a score wherever it stands, unless
it is where a score should get to ("To reach a 9"), an earlier session's ("when I scaled contact
at 4") or denied ("Not a 10 because"). A bare number ("Amelia: 8", "Oliver - six") is a score only
where a score stands: straight after its subject ("Scaling for Leo - 4", "Ivy was a seven"),
after a verb of scaling ("I would scale Alfie at a 7"), or after a "Score:" label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qa_checker.scaling.cues import ScalingCues
from qa_checker.scaling.numbers import Number, find_numbers
from qa_checker.scaling.roster import Roster

_UNKNOWN = r"(?-i:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)*)?)"
_BULLET = r"(?:\d{1,2}[.)]|[-•*·–])"
_AFTER_SUBJECT = (
    r"(?:\s*\((?P<desc>[^)]*)\))?(?:['’]s)?(?:\s+(?:{nouns}))?(?:\s+(?:for|of)\s+(?:the\s+|this\s+)?contact)?"
    r"\s*(?:[:–—=-]\s*)?"
)
_EDGE = " \t,;:.–—-•*·"
_JOINING = re.compile(r"(?:and|but|then|so|&)\s+", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:her|him|them)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Subject:
    """Whose scaling: ``kind`` is "overall", "child" (``name`` the header's), "group" or "unknown"."""

    kind: str
    name: str | None = None


OVERALL = Subject("overall")


@dataclass(frozen=True)
class Mention:
    """One score given in the text: ``lead_start``..``end`` is the statement ("Amelia: 8/10")."""

    subject: Subject | None
    value: float | None
    lead_start: int
    start: int
    end: int
    same_as: Subject | None = None
    same: bool = False


def _alternation(phrases) -> str:
    return "|".join(re.escape(p).replace("'", "['’]").replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


class Grammar:
    """The patterns for one recording (its children's names are part of them)."""

    def __init__(self, cues: ScalingCues, roster: Roster) -> None:
        self.cues = cues
        self.roster = roster
        subjects = cues.subjects
        known = _alternation(roster.all_aliases) or r"(?!x)x"
        self._subject = (rf"(?:(?P<known>{known})|(?P<overall>{_alternation(subjects.overall)})"
                         rf"|(?P<group>{_alternation(subjects.groups)})|(?P<unknown>{_UNKNOWN}))")
        prefix = rf"(?:(?:{_BULLET}|{_alternation(subjects.prefixes)})\s*[:–—-]?\s*)*"
        after = _AFTER_SUBJECT.format(nouns=_alternation(subjects.nouns))
        flags = re.IGNORECASE
        self._lead = re.compile(rf"^{prefix}{self._subject}{after}(?:\s*\b(?P<verb>is|was|would\s+be|will\s+be|at|as|of|gets?|got))?"
                                rf"(?P<article>\s+an?)?\s*$", flags)
        self._context = re.compile(rf"^{prefix}{self._subject}{after}$", flags)
        self._label = re.compile(rf"^{prefix}(?:{_alternation(subjects.nouns)})\s*[:–—=-]?\s*$", flags)
        self._same = re.compile(
            rf"^{prefix}{self._subject}{after}(?:(?:is|was|gets?|also)\s+)*(?:{_alternation(subjects.same)})(?![\w-])"
            rf"(?:\s+(?:as|again)(?:\s+(?:(?P<ref>{known}|{_alternation(subjects.overall)})|above|before))?(?![\w-]))?", flags)
        self._anywhere = re.compile(rf"(?<![\w'’-])(?:(?P<known>{known})|(?P<overall>{_alternation(subjects.overall)})"
                                    rf"|(?P<group>{_alternation(subjects.groups)}))(?:['’]s)?(?![\w'’-])", flags)
        self._after = re.compile(rf"\s*(?:(?P<prep>for|to)\s+)?(?:(?P<known>{known})|(?P<overall>{_alternation(subjects.overall)})"
                                 rf"|(?P<group>{_alternation(subjects.groups)}))(?:['’]s)?(?![\w'’-])", flags)
        self._verb = re.compile(rf"(?<![\w-])(?:{_alternation(cues.scores.verbs)})(?![\w-])", flags)
        self._follow = re.compile(rf"\s*(?:$|[.,;:!?)–—\-]|(?:{_alternation(cues.scores.follow)})(?![\w-]))", flags)

    # -- subjects ------------------------------------------------------------------------------
    def subject_of(self, match: re.Match[str]) -> Subject | None:
        """The subject a pattern matched, or None for a capitalised word that is not a name."""
        if match.group("known"):
            child = self.roster.find(match.group("known"))
            return Subject("child", child.name) if child else None
        if match.group("overall"):
            return OVERALL
        if match.group("group"):
            return Subject("group")
        name = match.group("unknown")
        if name is None or any(w.lower() in self.cues.subjects.not_names for w in name.split()):
            return None
        return Subject("unknown", name)

    def named(self, text: str) -> Subject | None:
        """The subject a table cell or a line names on its own ("Overall", "Jay", "Rosie (sister)")."""
        match = self._context.match(text.strip(_EDGE))
        return self.subject_of(match) if match else None

    def first_named(self, text: str) -> Subject | None:
        """The first child or overall named in ``text``."""
        for match in self._anywhere.finditer(text):
            subject = self.subject_of(match)
            if subject is not None and subject.kind != "group":
                return subject
        return None

    def last_named(self, text: str) -> tuple[Subject, int] | None:
        """The last subject named anywhere in ``text`` ("Leo's contact" names Leo, not the overall)."""
        found = None
        for match in self._anywhere.finditer(text):
            subject = self.subject_of(match)
            possessed = found and subject == OVERALL and found[0].kind == "child" and re.fullmatch(
                r"['’]s\s+", text[found[2]:match.start()])
            if subject is not None and not possessed:
                found = (subject, match.start(), match.end(match.lastgroup))
        return found[:2] if found else None

    # -- mentions in a sentence -----------------------------------------------------------------
    def mentions(self, text: str, start: int, end: int) -> list[Mention]:
        """The scores given in the sentence ``text[start:end]``, in order."""
        found: list[Mention] = []
        clause = start
        numbers = find_numbers(text, start, end, self.cues.numbers.words)
        for number in numbers + [None]:
            upto = number.start if number else end
            same = self._same_at(text, clause, upto)
            if same is not None:
                found.append(same)
                clause = same.end
            if number is None or number.start < clause:
                continue
            mention = self._mention(text, number, clause, start, end)
            if mention is not None:
                found.append(mention)
                clause = mention.end
        return found

    def context_line(self, text: str) -> Subject | None:
        """A line that only names a subject ("Overall", "Nathan:") before its "Score:" line."""
        return self.named(text) if text.strip(_EDGE) and not any(ch.isdigit() for ch in text) else None

    def _mention(self, text: str, number: Number, clause: int, sentence_start: int, sentence_end: int) -> Mention | None:
        semicolon = text.rfind(";", clause, number.start)
        lead_start = _skip(text, semicolon + 1 if semicolon >= 0 else clause, number.start)
        lead = text[lead_start:number.start]
        if self._denied(text, number, sentence_start):
            return None
        subject, how = self._lead_subject(lead, text[sentence_start:lead_start])
        if not number.strong and (how in (None, "bare verb") or not self._follow.match(text[number.end:sentence_end])):
            return None  # "Amelia is 7 and..." is her age; "Ivy was a seven" is a score
        after = self._after.match(text, number.end, sentence_end) if subject is None and how != "label" else None
        if after and (after.group("prep") or not after.group("known")):  # "6/10 for Jayden", "7/10 overall"
            subject, how = self.subject_of(after), how or "after"
        if how is None:
            nearby = self.last_named(lead)
            if nearby and len(lead[nearby[1]:].split()) <= 4:
                subject, lead_start = nearby[0], lead_start + nearby[1]
            else:
                lead_start = number.start
        return Mention(subject, number.value, lead_start, number.start, number.end)

    def _lead_subject(self, lead: str, before: str) -> tuple[Subject | None, str | None]:
        """Who the words before a number name, and how: "lead", "bare verb", "frame", "label" or
        None. ``before`` is the sentence up to the lead, for "...; I would scale her at 6"."""
        lead = lead.rstrip()
        match = self._lead.match(lead)
        if match:
            subject = self.subject_of(match)
            if subject is not None:
                bare = match.group("verb") and match.group("verb").lower() not in ("at", "as", "of") and not match.group("article")
                return subject, "bare verb" if bare else "lead"
        if self._label.match(lead):
            return None, "label"
        verbs = list(self._verb.finditer(lead))
        if verbs and self._frame(lead[verbs[-1].end():]):
            nearby = self.last_named(lead)
            if nearby is None and _PRONOUN.search(lead[verbs[-1].end():]):
                nearby = self.last_named(before)
            if nearby:
                return nearby[0], "frame"
            names = [self.subject_of(m) for m in re.finditer(self._subject, lead, re.IGNORECASE) if m.group("unknown")]
            names = [n for n in names if n is not None]
            return (names[-1] if names else None), "frame"
        return None, None

    @staticmethod
    def _frame(between: str) -> bool:
        """'I would scale [this contact at a] 7': a few words, no number or sentence break between."""
        return len(between.split()) <= 6 and not re.search(r"[\d.;!?]", between)

    def _denied(self, text: str, number: Number, sentence_start: int) -> bool:
        """A target ("To reach a 9"), a denial ("Not a 10"), an earlier score, or an age "(5)"."""
        words = re.findall(r"[\w'’]+", text[max(sentence_start, number.start - 40):number.start].lower())
        while words and words[-1] in ("a", "an"):
            words.pop()
        scores = self.cues.scores
        if words and words[-1] in scores.conditional_targets:
            later = re.findall(r"[\w'’]+", text[number.end:number.end + 60].split(".")[0].lower())
            if words[-2:-1] == ["to"] or scores.conditions.intersection(later):
                return True
        elif words and (words[-1] in scores.targets or words[-1] in scores.negations):
            return True
        if not number.strong and text[sentence_start:number.start].rstrip().endswith("("):
            return True
        clause_start = max(sentence_start, *(text.rfind(ch, sentence_start, number.start) + 1 for ch in ",;"))
        clause_end = min([i for i in (text.find(ch, number.end) for ch in ",;.") if i >= 0] or [len(text)])
        return bool(self.cues.previous_pattern.search(text, clause_start, min(clause_end, number.end + 40)))

    def _same_at(self, text: str, clause: int, upto: int) -> Mention | None:
        """'Jay: the same.' - a subject that takes the score before it (or the one it names)."""
        lead_start = _skip(text, clause, upto)
        match = self._same.match(text[lead_start:upto])
        if not match:
            return None
        subject = self.subject_of(match)
        if subject is None or subject.kind == "group" and not match.group("group"):
            return None
        same_as = None
        if match.group("ref"):
            child = self.roster.find(match.group("ref"))
            same_as = Subject("child", child.name) if child else OVERALL
        return Mention(subject, None, lead_start, lead_start + match.start(), lead_start + match.end(),
                       same_as=same_as, same=True)


def _skip(text: str, start: int, end: int) -> int:
    """Past spaces, separators and a joining word ("and", "so") at the start of a clause."""
    while start < end and (text[start] in _EDGE or text[start].isspace()):
        start += 1
    joining = _JOINING.match(text, start, end)
    return _skip(text, joining.end(), end) if joining else start


def with_context(mention: Mention, subject: Subject, line_start: int) -> Mention:
    """A score with no subject of its own belongs to the subject line above it."""
    return replace(mention, subject=subject, lead_start=line_start)
