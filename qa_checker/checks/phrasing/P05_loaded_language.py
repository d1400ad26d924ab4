"""A loaded or stigmatising label ("kicked off", "attention-seeking", "refused to engage", "claimed").

Why it matters:
    These labels blame and stick: a child reading their file years later meets "manipulative" or
    "kicked off", not what happened. They stay a fault even when the behaviour is described
    beside them: the label itself is the problem. Doubt verbs ("claimed", "admitted", "denied")
    tell the reader not to believe the person; a neutral verb ("said", "told me") keeps the record fair.

Weak:
    Leo kicked off at the goodbye.

Better:
    Leo screamed and threw the toy car at the wall at 16:55, when the carer said it was time to go.

Limitations:
    Words inside quoted speech are not flagged ("Dad said, 'Stop kicking off, mate'"). Each
    entry in the data names a better wording; suggestions ask for specifics, never for a softer
    euphemism.

Source:
    Torbay "Language that cares"; TACT "Language that cares" glossary; Leeds restorative practice.
    Patterns: rules/phrasing/P05.jsonl.
"""

from qa_checker.checks.phrasing.shared import Proposal, hits
from qa_checker.nlp.lexicon import RuleWords
from qa_checker.rule import Parsed, rule

_PROPOSAL = Proposal(
    "'{words}': this reads as slang or a loaded word about a person (found by the trained check, not a word list).",
    "Describe what the person did and said in plain words the child could read later.",
)


@rule("P05", "loaded-language", "warning", words=RuleWords(lexical=frozenset({"loaded_label"}), team_kind="loaded_label"))
def check(parsed: Parsed):
    yield from hits(parsed, "P05", lambda trigger: True, _PROPOSAL)
