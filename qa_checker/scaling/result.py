"""What the scaling parser found: one entry per scaled subject, and who is missing."""

from __future__ import annotations

from dataclasses import dataclass

from qa_checker.scaling.grammar import OVERALL, Grammar, Subject
from qa_checker.scaling.roster import Child, Roster
from qa_checker.splitter.model import Span


@dataclass(frozen=True)
class Found:
    """One scaled subject: ``child`` is None for the overall, the header's name for a child, or
    the name as written for a child the header does not give (``known`` False)."""

    child: str | None
    score: float
    has_reason: bool
    has_next_step: bool
    start: int
    end: int
    known: bool = True


@dataclass(frozen=True)
class ScalingResult:
    """``judged`` is False when the recording has no SCALING section with anything in it."""

    judged: bool
    roster: Roster
    found: tuple[Found, ...] = ()
    heading: Span | None = None

    @property
    def overall(self) -> Found | None:
        return next((f for f in self.found if f.child is None), None)

    @property
    def missing(self) -> tuple[Child, ...]:
        """Children at contact with no scaling."""
        scaled = {f.child for f in self.found}
        return tuple(c for c in self.roster.children if c.at_contact and c.name not in scaled)

    @property
    def unknown(self) -> tuple[Found, ...]:
        return tuple(f for f in self.found if not f.known)

    def label(self, found: Found) -> str:
        """How a message names the subject: "the overall scaling", "Jayden's scaling"."""
        if found.child is None:
            return "the overall scaling"
        name = self.roster.first_names().get(found.child, found.child)
        return f"{name}'s scaling"


class _Entry:
    def __init__(self, subject: Subject, value: float, start: int, end: int) -> None:
        self.subject, self.value, self.start, self.end = subject, value, start, end
        self.reason = self.next_step = False

    def found(self) -> Found:
        child = None if self.subject.kind == "overall" else self.subject.name
        return Found(child, self.value, self.reason, self.next_step, self.start, self.end,
                     known=self.subject.kind != "unknown")


def _key(subject: Subject) -> tuple[str, str | None]:
    return subject.kind, subject.name.lower() if subject.kind == "unknown" and subject.name else subject.name


def _expand(subject: Subject, roster: Roster) -> list[Subject]:
    if subject.kind == "group":
        return [Subject("child", c.name) for c in roster.children if c.at_contact]
    return [subject]


def assemble(statements, grammar: Grammar) -> tuple[Found, ...]:
    """One entry per subject (a repeated score adds its reason and next step to the first)."""
    entries: dict[tuple[str, str | None], _Entry] = {}
    owners: list[list[_Entry]] = []
    last_value = None
    for statement in statements:
        mention = statement.mention
        value = mention.value
        if mention.same:
            same_as = entries.get(_key(mention.same_as)) if mention.same_as else None
            value = same_as.value if same_as else last_value
        if value is None:
            owners.append([])
            continue
        subjects = _expand(mention.subject, grammar.roster)
        for subject in subjects:
            entries.setdefault(_key(subject), _Entry(subject, value, mention.lead_start, mention.end))
        owners.append([entries[_key(s)] for s in subjects])
        last_value = value
    _share_stacked(statements, owners)
    for statement, targets in zip(statements, owners):
        for piece in statement.pieces:
            verdict = piece.verdict
            for entry in targets if verdict.reason else ():
                entry.reason = True
            if verdict.next_step:
                for entry in _next_step_owners(verdict.opening, targets, entries, grammar):
                    entry.next_step = True
    _inherit(statements, owners, entries, grammar)
    return tuple(e.found() for e in entries.values())


def _share_stacked(statements, owners) -> None:
    """'Overall: 7' / 'Ivy: 7' / one reason and next step: the words below are both scores'."""
    carried: list = []
    for index, statement in enumerate(statements):
        if statement.stacked:
            carried += owners[index]
            continue
        if carried:
            owners[index] = owners[index] + [e for e in carried if e not in owners[index]]
            carried = []


# "Same as above": the scaling before. Not "same as last week" or "as before" (an earlier session).
_EARLIER = {"above", "earlier"}


def _inherit(statements, owners, entries, grammar: Grammar) -> None:
    """'Oliver: 9. ... Same as overall, keeping this going.': the scaling pointed at lends its
    reason and next step (the one above, for 'same as above')."""
    ordered = list(entries.values())
    for statement, targets in zip(statements, owners):
        for piece in statement.pieces:
            ref = piece.verdict.refers
            if not ref or not targets:
                continue
            if ref.lower() in _EARLIER:
                index = ordered.index(targets[0])
                source = ordered[index - 1] if index > 0 else None
            else:
                named = grammar.first_named(ref)
                source = entries.get(_key(named)) if named is not None else None
            if source is None or source in targets:
                continue
            for entry in targets:
                entry.reason |= source.reason
                entry.next_step |= source.next_step


def _next_step_owners(opening: str, targets, entries, grammar: Grammar):
    """'To move Kayla up the scale, ...' after Darcie's score is Kayla's; 'To move the overall
    scaling up, ...' is the overall's."""
    if opening and len(opening.split()) <= 8:
        named = grammar.first_named(opening)
        if named is not None and named != OVERALL or named == OVERALL and "overall" in opening.lower():
            entry = entries.get(_key(named))
            if entry is not None:
                return [entry]
    return targets


def report_rows(result: ScalingResult, text: str) -> list:
    """The rows of ``Report.scalings``: the overall, each child at contact, then names the header
    does not give; a missing scaling is a row with no score."""
    from qa_checker.report import Scaling

    if not result.judged:
        return []

    def row(found: Found | None, child: str | None) -> Scaling:
        if found is None:
            return Scaling(child=child, score=None, has_reason=False, has_next_step=False)
        return Scaling(child=found.child, score=found.score, has_reason=found.has_reason,
                       has_next_step=found.has_next_step, text=text[found.start:found.end],
                       start=found.start, end=found.end)

    by_child = {f.child: f for f in result.found if f.known}
    rows = [row(result.overall, None)]
    rows += [row(by_child.get(c.name), c.name) for c in result.roster.children if c.at_contact or c.name in by_child]
    rows += [row(f, f.child) for f in result.unknown]
    return rows
