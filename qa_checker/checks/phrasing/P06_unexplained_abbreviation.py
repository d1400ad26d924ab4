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
    ("foster carer (FC)", "FC (foster carer)", "FC = foster carer", or the words "foster carer"
    alone) is enough; words whose initials fit count for an abbreviation the list gives no
    expansion for. A name in brackets is no expansion: "SW (Jo Patel)" and "FC (Sam)" leave
    SW and FC unexplained. Only the abbreviations
    listed in rules/phrasing/P06.jsonl (and a team's extra-words for P06) are known; matching is
    case-sensitive. A team's accepted-abbreviations are never reported.

Source:
    Torbay "Language that cares"; Sandwell young people ("when you use initials and jargon it
    can be confusing to us"). List: rules/phrasing/P06.jsonl.
"""

import re

from qa_checker.nlp.lexicon import RuleWords
from qa_checker.rule import Hit, Parsed, rule

# Small words an expansion may hold that the abbreviation leaves out ("child in care": CIC keeps
# "in"; "section 20": S20 keeps the number).
_SMALL = frozenset({"of", "the", "and", "for", "to", "a", "an", "in", "on", "&"})
_WORD = re.compile(r"[A-Za-z][\w'’-]*|\d+")


def _fits(abbreviation: str, words: list[str]) -> bool:
    """Whether words expand the abbreviation: their initials ("social worker" for SW, with or
    without small words such as "of"), or one word holding its letters in order from its first
    ("telephone" for Tel). A name ("Jo Patel", "Sam") is no expansion."""
    letters = [c.lower() for c in abbreviation if c.isalnum()]
    if not letters or not words:
        return False
    if len(words) == 1 and len(letters) > 1:
        word = words[0].lower()
        return word[0] == letters[0] and _in_order(letters[1:], word[1:])
    heads = [w[0].lower() if w[0].isalpha() else w.lower() for w in words]
    content = [h for w, h in zip(words, heads) if w.lower() not in _SMALL]
    return "".join(heads) == "".join(letters) or "".join(content) == "".join(letters)


def _in_order(letters: list[str], word: str) -> bool:
    rest = iter(word)
    return all(letter in rest for letter in letters)


def _explained(abbreviation: str, text: str) -> bool:
    """The expansion given with it: "social worker (SW)", "SW (social worker)", "SW = social worker"."""
    escaped = re.escape(abbreviation)
    for found in re.finditer(rf"\(\s*{escaped}\s*\)", text):
        before = _WORD.findall(text[max(0, found.start() - 120):found.start()])
        if any(_fits(abbreviation, before[-n:]) for n in range(1, min(len(before), 8) + 1)):
            return True
    for found in re.finditer(rf"(?<![\w/]){escaped}\s*(?:\(|=|:|-|–)\s*([^)(;,.\n]+)", text):
        if _fits(abbreviation, _WORD.findall(found.group(1))):
            return True
    return False


def _spelled_out(entry, text: str) -> bool:
    lowered = text.lower()
    if any(expansion in lowered for expansion in entry.expansions):
        return True
    return _explained(entry.phrases[0], text)


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
