"""An abbreviation (FC, SW, T/C, LAC, CP, PLO...) used without being spelled out once in the recording.

Why it matters:
    Parents, their solicitors and the child one day read the recording. Young people say
    initials and jargon confuse them; some abbreviations are ambiguous too (HV: health visitor or
    home visit; CP: child protection or care plan).

Weak:
    I confirmed the session with the FC by T/C at 09:30.

Better:
    I confirmed the session with Leo's foster carer (FC), Gill Marsh, by telephone at 09:30.

Limitations:
    Reported once per abbreviation, at its first use. Spelled out anywhere in the recording
    ("foster carer (FC)", or the words "foster carer" alone) is enough. Only the abbreviations
    listed in rules/phrasing/P06.jsonl (and a team's extra-words for P06) are known; matching is
    case-sensitive. A team's accepted-abbreviations are never reported.

Source:
    Torbay "Language that cares"; Sandwell young people ("when you use initials and jargon it
    can be confusing to us"). List: rules/phrasing/P06.jsonl.
"""

import re

from qa_checker.nlp.lexicon import RuleWords
from qa_checker.rule import Hit, Parsed, rule


def _spelled_out(entry, text: str) -> bool:
    lowered = text.lower()
    if any(expansion in lowered for expansion in entry.expansions):
        return True
    abbreviation = re.escape(entry.phrases[0])
    return re.search(rf"\(\s*{abbreviation}\s*\)|(?<!\w){abbreviation}\s*\(", text) is not None


@rule("P06", "unexplained-abbreviation", "info", words=RuleWords(lexical=frozenset({"abbreviation"}), team_kind="abbreviation"))
def check(parsed: Parsed):
    text = parsed.recording.text
    seen: set[str] = set(parsed.options.accepted_abbreviations)
    for trigger in parsed.language.for_rule("P06"):
        entry = trigger.entry
        abbreviation = entry.phrases[0] if entry.id == "team-words" else entry.id
        if trigger.words in seen or abbreviation in seen or _spelled_out(entry, text):
            continue
        seen.add(trigger.words)
        sentence = trigger.sentence
        yield Hit(
            entry.message.format(words=trigger.words),
            section=sentence.section,
            span=(sentence.start, sentence.end),
            suggestion=entry.suggestion,
            highlight=(trigger.start, trigger.end),
        )
