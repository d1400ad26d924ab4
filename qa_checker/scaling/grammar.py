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
from qa_checker.scaling.patterns import KNOWN, name_pattern
from qa_checker.scaling.roster import Roster

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


class Grammar:
    """The scaling grammar for one recording: the cue file's patterns and the children's names."""

    def __init__(self, cues: ScalingCues, roster: Roster) -> None:
        self.cues = cues
        self.roster = roster
        self.patterns = cues.patterns
        self._names = name_pattern(roster.all_aliases, cues.subjects.capitalised_names)
        self._document: tuple[str, str] | None = None

    def _masked(self, text: str) -> str:
        """``text`` with each known name replaced by a run of ``KNOWN`` of the same length."""
        return self._names.sub(lambda m: KNOWN * len(m.group()), text) if self._names else text

    def _masked_document(self, text: str) -> str:
        """The whole text masked once (every sentence of a recording is read against it)."""
        if self._document is None or self._document[0] is not text:
            self._document = (text, self._masked(text))
        return self._document[1]

    # -- subjects ------------------------------------------------------------------------------
    def subject_of(self, match: re.Match[str], source: str) -> Subject | None:
        """The subject a pattern matched (``source`` is the unmasked text it ran on), or None
        for a capitalised word that is not a name."""
        if match.group("known"):
            child = self.roster.find(source[match.start("known"):match.end("known")])
            return Subject("child", child.name) if child else None
        if match.group("overall"):
            return OVERALL
        if match.group("group"):
            return Subject("group")
        name = match.groupdict().get("unknown")
        not_names = self.cues.subjects.not_names | self.roster.not_names
        if name is None or any(w.lower() in not_names for w in name.split()):
            return None
        return Subject("unknown", name)

    def named(self, text: str) -> Subject | None:
        """The subject a table cell or a line names on its own ("Overall", "Jay", "Rosie (sister)")."""
        text = text.strip(_EDGE)
        match = self.patterns.context.match(self._masked(text))
        return self.subject_of(match, text) if match else None

    def _named_in(self, text: str):
        masked = self._masked(text)
        for match in self.patterns.anywhere.finditer(masked):
            yield match, self.subject_of(match, text)

    def first_named(self, text: str) -> Subject | None:
        """The first child or overall named in ``text``."""
        return next((s for _, s in self._named_in(text) if s is not None and s.kind != "group"), None)

    def last_named(self, text: str) -> tuple[Subject, int] | None:
        """The last subject named anywhere in ``text`` ("Leo's contact" names Leo, not the overall)."""
        found = None
        for match, subject in self._named_in(text):
            possessed = found and subject == OVERALL and found[0].kind == "child" and re.fullmatch(
                r"['’]s\s+", text[found[2]:match.start()])
            if subject is not None and not possessed:
                found = (subject, match.start(), match.end(match.lastgroup))
        return found[:2] if found else None

    # -- mentions in a sentence -----------------------------------------------------------------
    def mentions(self, text: str, start: int, end: int) -> list[Mention]:
        """The scores given in the sentence ``text[start:end]``, in order."""
        masked = self._masked_document(text)
        found: list[Mention] = []
        clause = start
        numbers = find_numbers(text, start, end, self.cues.numbers.words)
        for number in numbers + [None]:
            upto = number.start if number else end
            same = self._same_at(text, masked, clause, upto)
            if same is not None:
                found.append(same)
                clause = same.end
            if number is None or number.start < clause:
                continue
            mention = self._mention(text, masked, number, clause, (start, end))
            if mention is not None:
                found.append(mention)
                clause = mention.end
        return found

    def context_line(self, text: str) -> Subject | None:
        """A line that only names a subject ("Overall", "Nathan:") before its "Score:" line."""
        return self.named(text) if text.strip(_EDGE) and not any(ch.isdigit() for ch in text) else None

    def _mention(self, text: str, masked: str, number: Number, clause: int, sentence: tuple[int, int]) -> Mention | None:
        sentence_start, sentence_end = sentence
        semicolon = text.rfind(";", clause, number.start)
        lead_start = _skip(text, semicolon + 1 if semicolon >= 0 else clause, number.start)
        if self._denied(text, number, sentence_start):
            return None
        subject, how = self._lead_subject(text[lead_start:number.start], masked[lead_start:number.start],
                                          text[sentence_start:lead_start])
        follows = self.patterns.follow.match(text[number.end:sentence_end])
        if not number.strong and (how in (None, "bare verb") or not follows):
            return None  # "Amelia is 7 and..." is her age; "Ivy was a seven" is a score
        after = self.patterns.after.match(masked, number.end, sentence_end) if subject is None and how != "label" else None
        if after and (after.group("prep") or not after.group("known")):  # "6/10 for Jayden", "7/10 overall"
            subject, how = self.subject_of(after, text), how or "after"
        if how is None:
            nearby = self.last_named(text[lead_start:number.start])
            if nearby and len(text[lead_start + nearby[1]:number.start].split()) <= 4:
                subject, lead_start = nearby[0], lead_start + nearby[1]
            else:
                lead_start = number.start
        return Mention(subject, number.value, lead_start, number.start, number.end)

    def _lead_subject(self, lead: str, masked: str, before: str) -> tuple[Subject | None, str | None]:
        """Who the words before a number name, and how: "lead", "bare verb", "frame", "label" or
        None. ``before`` is the sentence up to the lead, for "...; I would scale her at 6"."""
        lead, masked = lead.rstrip(), masked[:len(lead.rstrip())]
        match = self.patterns.lead.match(masked)
        if match:
            subject = self.subject_of(match, lead)
            if subject is not None:
                bare = match.group("verb") and match.group("verb").lower() not in ("at", "as", "of") and not match.group("article")
                return subject, "bare verb" if bare else "lead"
        if self.patterns.label.match(masked):
            return None, "label"
        verbs = list(self.patterns.verb.finditer(masked))
        if not verbs or not self._frame(lead[verbs[-1].end():]):
            return None, None
        nearby = self.last_named(lead)
        if nearby is None and _PRONOUN.search(lead[verbs[-1].end():]):
            nearby = self.last_named(before)
        if nearby:
            return nearby[0], "frame"
        names = [self.subject_of(m, lead) for m in re.finditer(self.patterns.subject, masked, re.IGNORECASE)
                 if m.group("unknown")]
        names = [n for n in names if n is not None]
        return (names[-1] if names else None), "frame"

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
        # "I have not put 10 because ...", "I haven't given it a 10": a denied score verb
        last = words[-4:]
        verb = next((i for i, w in enumerate(last) if w in scores.verbs), None)
        if verb is not None and any(w in scores.negations or w.endswith(("n't", "n’t")) for w in last[max(0, verb - 2):verb]):
            return True
        if not number.strong and text[sentence_start:number.start].rstrip().endswith("("):
            return True
        if self._hypothetical(text, number, sentence_start):
            return True
        clause_start = max(sentence_start, *(text.rfind(ch, sentence_start, number.start) + 1 for ch in ",;"))
        clause_end = min([i for i in (text.find(ch, number.end) for ch in ",;.") if i >= 0] or [len(text)])
        return bool(self.cues.previous_pattern.search(text, clause_start, min(clause_end, number.end + 40)))

    def _hypothetical(self, text: str, number: Number, sentence_start: int) -> bool:
        """'if Jade keeps it put away, I would score 10', 'I would score 10 if she...': a score verb
        after a modal, with a condition in the sentence that is not about scoring itself ("If I
        had to score this, I would give it a 7" is a score). Before the verb, "when" and "once"
        tell a time, not a condition ("When Noah arrived he was quiet, so I would scale...")."""
        scores = self.cues.scores
        words = re.findall(r"[\w'’]+", text[sentence_start:number.start].lower())
        verb = next((i for i in range(len(words) - 1, max(-1, len(words) - 7), -1) if words[i] in scores.verbs), None)
        if verb is None or not any(w in scores.modals or w.endswith(("'d", "’d")) for w in words[max(0, verb - 3):verb]):
            return False
        before = words[:verb]
        condition = max((i for i, w in enumerate(before) if w in scores.conditions and w not in ("when", "once")), default=None)
        if condition is not None:
            # "If Sarah is late again it will end early, but today I would scale it at 7": a
            # "but" after the condition starts a clause of its own
            return not any(w in scores.about_scoring or w == "but" for w in before[condition:])
        after = re.findall(r"[\w'’]+", re.sub(r"^\s*(/\s*10|out of (10|ten))", "", text[number.end:number.end + 40].lower()))
        return bool(after) and after[0] in scores.conditions and after[0] != "once"  # "a 9 once again"

    def _same_at(self, text: str, masked: str, clause: int, upto: int) -> Mention | None:
        """'Jay: the same.' - a subject that takes the score before it (or the one it names)."""
        lead_start = _skip(text, clause, upto)
        match = self.patterns.same.match(masked[lead_start:upto])
        if not match:
            return None
        source = text[lead_start:upto]
        subject = self.subject_of(match, source)
        if subject is None:
            return None
        same_as = None
        if match.group("ref"):
            child = self.roster.find(source[match.start("ref"):match.end("ref")])
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
