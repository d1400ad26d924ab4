"""An absolute ("always", "never", "every time", "nobody", "clearly", "definitely") that is rarely literally true.

Why it matters:
    "Dad always arrives late" invites the question "always?", and one counter-example undoes the
    point. The dates and minutes make the same point and stand up at a review or in court.
    "Clearly" and "obviously" ask the reader to take the writer's word instead of the evidence.

Weak:
    Dad always arrives late.

Better:
    Dad arrived after 16:15 at three of the last four sessions (2, 9 and 16 May).

Limitations:
    "Always", "never", "every time" and similar are cleared by a count or dates in the same
    sentence ("every time he has attended this month (4, 11 and 18 June)"). "Everyone",
    "nobody" and "nothing" are flagged only as generalisations in the present tense ("nobody
    plays with Jayden"), not when they record one moment ("everyone sang Happy Birthday"). Words in quoted or
    reported speech are not flagged ("Dad said, 'I always love seeing you'"). "Nobody else" is not
    an absolute.

Source:
    Recording guidance summarised in docs/sources/DOMAIN.md, principle 5 (no absolutes unless literally true).
    Patterns: rules/phrasing/P04.jsonl.
"""

from qa_checker.checks.phrasing.shared import Proposal, hits
from qa_checker.nlp.clues import predicate_root, reported, reported_before, specific_number
from qa_checker.nlp.lexicon import RuleWords
from qa_checker.rule import Parsed, rule


def _habitual(token) -> bool:
    """'Nobody plays with Jayden' generalises; 'everyone sang Happy Birthday' records one moment."""
    verb = token.head if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") else token
    tenses = {verb.tag_, *(c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass"))}
    return bool(tenses & {"VBZ", "VBP", "MD"})


_PROPOSAL = Proposal(
    "'{words}': this reads as a sweeping statement that may overstate (found by the trained check, not a word list).",
    "Say what happened in this session, with times or counts, rather than what always or never happens.",
)


@rule("P04", "absolute-generalisation", "warning", words=RuleWords(lexical=frozenset({"absolute", "intensifier"}), parsed=frozenset({"absolute_habitual"}), team_kind="intensifier"))
def check(parsed: Parsed):
    vocabulary = parsed.language.lexicon.vocabulary

    def flagged(trigger) -> bool:
        kind = trigger.entry.kind
        if kind == "absolute_habitual":  # the one kind that needs the parse (its tense)
            token = predicate_root(trigger.tokens)
            return not reported(token, vocabulary) and _habitual(token)
        if reported_before(trigger.sentence, trigger.start, vocabulary):
            return False
        if kind == "absolute":  # a count clears it, but not one inside it ("never once")
            return not specific_number([t for t in trigger.sentence.words if not trigger.start <= t.idx < trigger.end])
        return True

    yield from hits(parsed, "P04", flagged, _PROPOSAL)
