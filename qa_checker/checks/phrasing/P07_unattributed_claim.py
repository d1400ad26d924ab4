"""A claim about events that names no source ("apparently Dad has moved house").

Why it matters:
    A claim with no source reads as established fact at the child's review, though nobody in the
    recording saw it. Hearsay is fine to record when it is attributed: who said it, when, and how
    you know; the reader can then weigh it.

Weak:
    Apparently Dad has moved in with his new partner.

Better:
    At 16:10 Amelia told me, "Daddy lives at Sam's house now." I have passed this to the social worker.

Limitations:
    Only the listed openers are found ("apparently", "it is alleged", "it was reported that",
    "allegedly"); a sentence that names its source ("the carer said that apparently...") is still
    flagged, as the word itself hedges. Quoted speech is left alone.

Source:
    docs/sources/DOMAIN.md (hearsay attributed: who said it, when); Write Enough recording skills.
    Patterns: rules/phrasing/P07.jsonl.
"""

from qa_checker.checks.phrasing.shared import Proposal, hits
from qa_checker.nlp.lexicon import RuleWords
from qa_checker.rule import Parsed, rule

_PROPOSAL = Proposal(
    "'{words}': this passes on a claim without saying who it came from (found by the trained check, not a word list).",
    "Say who told you, when, and that you did not see it yourself.",
)


@rule("P07", "unattributed-claim", "warning", words=RuleWords(lexical=frozenset({"unattributed_claim"}), team_kind="unattributed_claim"))
def check(parsed: Parsed):
    yield from hits(parsed, "P07", lambda trigger: True, _PROPOSAL)
