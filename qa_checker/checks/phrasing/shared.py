"""What every phrasing rule does the same way: group triggers by sentence and word the finding."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from qa_checker.nlp.analysis import Trigger, header_names
from qa_checker.nlp.judge import CLASS_OF
from qa_checker.rule import Hit, Parsed


def known_names(parsed: Parsed) -> frozenset[str]:
    """First names and nicknames from the header, lower case (names the parser may miss)."""
    return header_names(parsed.recording)


def busy_tokens(trigger: Trigger, parsed: Parsed) -> set[int]:
    """Token ids of every listed word in the sentence ("refused to engage", "upset" are no evidence)."""
    sentence = trigger.sentence
    return {t.i for start, end in sentence.listed for t in sentence.tokens(start, end)}


def framed_reflection(trigger: Trigger) -> bool:
    """An opinion framed as professional opinion, in the reflection, is the writer's to give."""
    return trigger.sentence.section == "reflection" and trigger.sentence.framed


@dataclass(frozen=True)
class Proposal:
    """How a rule words a sentence the trained decision proposes for its class ({words}: the words
    the score rests on)."""

    message: str
    suggestion: str


def hits(parsed: Parsed, label: str, flagged: Callable[[Trigger], bool], proposal: Proposal | None = None) -> Iterable[Hit]:
    """One hit per sentence for the rule, naming every flagged word in it; a sentence the trained
    decision finds plainly fine is left alone, and one it finds plainly weak in the rule's class,
    where no pattern fired, is reported with ``proposal``'s wording."""
    by_sentence: dict[int, list[Trigger]] = {}
    for trigger in parsed.language.for_rule(label):
        # a proposal the trained decision drops (``decides`` and ``veto`` in models/pipeline.toml)
        if not parsed.language.vetoed(trigger.sentence.index, label) and flagged(trigger):
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
    if proposal is None or label not in CLASS_OF:
        return
    text = parsed.recording.text
    for sentence, spans in parsed.language.proposed(CLASS_OF[label]):
        words = "', '".join(dict.fromkeys(text[s:e] for s, e in spans))
        yield Hit(
            proposal.message.format(words=words), section=sentence.section, span=(sentence.start, sentence.end),
            suggestion=proposal.suggestion, highlight=spans[0],
        )
