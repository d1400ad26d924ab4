"""A guess about what someone felt or thought ("seemed upset", "I think", "probably"), with nothing observed behind it.

Why it matters:
    A recording is read by the child's review, the parents' solicitors, sometimes a judge, and
    one day the child. A cautious claim is good practice when it rests on what was seen; on its
    own, "seemed upset" tells the reader only the writer's impression, which cannot be checked.

Weak:
    Leo seemed upset at the end.

Better:
    Leo seemed upset at the end: he cried and held on to Mum's sleeve until 17:05.

Limitations:
    Evidence counts when it is in the same sentence (an observed action, the person's own words
    in quotes, a body part: "her face was red") or when the next sentence describes the same
    person's behaviour. Words inside quoted speech, or in a framed professional opinion in the
    reflection, are not flagged. Negation does not help: "did not seem upset" is still a guess.

Source:
    Write Enough recording skills (fact, report and opinion kept apart); Iriss, "Writing analysis
    in social care" (any claim needs evidence). Patterns: rules/phrasing/P01.jsonl.
"""

from qa_checker.checks.phrasing.shared import busy_tokens, framed_reflection, hits, known_names
from qa_checker.nlp.clues import evidence, inside, is_person, predicate_root, subject
from qa_checker.rule import Parsed, rule


def _judged(trigger):
    """The guessed-at predicate, who it is about, and the tokens that belong to it."""
    root = predicate_root(trigger.tokens)
    head = root.head if root.dep_ in ("advmod", "acomp") and root.head.i != root.i else root
    claim = next((c for c in head.children if c.dep_ == "ccomp"), head)
    who = subject(claim)
    if who is not None and who.lower_ == "it":
        inner = next((c for c in claim.children if c.dep_ == "ccomp"), None)
        who = subject(inner) if inner is not None else None
    return who, inside(head) | inside(claim)


@rule("P01", "speculative-phrasing", "warning")
def check(parsed: Parsed):
    vocabulary = parsed.language.lexicon.vocabulary
    names = known_names(parsed)

    def flagged(trigger) -> bool:
        if framed_reflection(trigger):
            return False
        who, excluded = _judged(trigger)
        if evidence(trigger.sentence, excluded, who, vocabulary, busy_tokens(trigger, parsed)):
            return False
        after = trigger.sentence.next
        if after is not None and after.doc is not None and who is not None and is_person(who, vocabulary, names):
            if evidence(after, set(), who, vocabulary, quotes=False, needs_actor=True):
                return False
        return True

    yield from hits(parsed, "P01", flagged)
