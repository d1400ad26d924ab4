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
from qa_checker.nlp.lexicon import RuleWords
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


def _backed_here(trigger, parsed: Parsed):
    """Whether the guess is backed in its own sentence (or framed as opinion in the reflection),
    and who it is about."""
    if framed_reflection(trigger):
        return True, None
    who, excluded = _judged(trigger)
    vocabulary = parsed.language.lexicon.vocabulary
    return evidence(trigger.sentence, excluded, who, vocabulary, busy_tokens(trigger, parsed)), who


def _next_needed(trigger, parsed: Parsed, names, backed, who) -> bool:
    """The sentence after may back a guess about a person that its own sentence does not."""
    vocabulary = parsed.language.lexicon.vocabulary
    return not backed and trigger.sentence.next is not None and who is not None and is_person(who, vocabulary, names)


def _next_sentences(parsed: Parsed) -> list:
    """Once the triggers are parsed and confirmed: the sentences after those that need one."""
    names = known_names(parsed)
    return [t.sentence.next for t in parsed.language.for_rule("P01")
            if t.sentence.doc is not None and _next_needed(t, parsed, names, *_backed_here(t, parsed))]


def _nothing(parsed: Parsed) -> list:
    """Round 0: the triggers' own sentences are parsed for their confirmation anyway."""
    return []


_WORDS = RuleWords(parsed=frozenset({"hedge"}), team_kind="hedge")


@rule("P01", "speculative-phrasing", "warning", reads=(_nothing, _next_sentences), words=_WORDS)
def check(parsed: Parsed):
    vocabulary = parsed.language.lexicon.vocabulary
    names = known_names(parsed)

    def flagged(trigger) -> bool:
        backed, who = _backed_here(trigger, parsed)
        if not _next_needed(trigger, parsed, names, backed, who):
            return not backed
        return not evidence(trigger.sentence.next, set(), who, vocabulary, quotes=False, needs_actor=True)

    yield from hits(parsed, "P01", flagged)
