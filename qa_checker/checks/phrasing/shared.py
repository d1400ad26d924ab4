"""What every phrasing rule does the same way: group triggers by sentence and word the finding."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from qa_checker.nlp.analysis import Trigger
from qa_checker.rule import Hit, Parsed


def known_names(parsed: Parsed) -> frozenset[str]:
    """First names and nicknames from the header, lower case (names the parser may miss)."""
    recording = parsed.recording
    names: set[str] = set()
    for person in (*recording.children, *recording.present):
        names.update(w.lower() for w in person.name.split()[:1])
        names.update(w.lower() for w in person.detail.split() if w.isalpha() and w[:1].isupper())
    return frozenset(names)


def busy_tokens(trigger: Trigger, parsed: Parsed) -> set[int]:
    """Token ids of every listed word in the sentence ("refused to engage", "upset" are no evidence)."""
    sentence = trigger.sentence
    return {t.i for start, end in sentence.listed for t in sentence.tokens(start, end)}


def framed_reflection(trigger: Trigger) -> bool:
    """An opinion framed as professional opinion, in the reflection, is the writer's to give."""
    return trigger.sentence.section == "reflection" and trigger.sentence.framed


def hits(parsed: Parsed, label: str, flagged: Callable[[Trigger], bool]) -> Iterable[Hit]:
    """One hit per sentence for the rule, naming every flagged word in it."""
    by_sentence: dict[int, list[Trigger]] = {}
    for trigger in parsed.language.for_rule(label):
        if flagged(trigger):
            by_sentence.setdefault(trigger.sentence.index, []).append(trigger)
    for triggers in by_sentence.values():
        first = triggers[0]
        words = "', '".join(dict.fromkeys(t.words for t in triggers))
        yield Hit(
            first.entry.message.format(words=words),
            section=first.sentence.section,
            span=(first.sentence.start, first.sentence.end),
            suggestion=first.entry.suggestion,
            highlight=(first.start, first.end),
        )
