"""A label on a person or their conduct ("was aggressive", "a lovely mum", "was upset") with no behaviour behind it.

Why it matters:
    Labels judge; descriptions inform. "Mum was aggressive" cannot be checked or answered, and a
    positive label ("Dad was lovely") hides what actually helped the child. The reader needs what
    the person did or said.

Weak:
    Mum was aggressive.

Better:
    Mum raised her voice and pointed at me when I said the session was ending at 16:55.

Limitations:
    Judged only when the label is said of a person (a name, Mum, Dad, a pronoun, a note-style
    initial such as "M", "Mum's parenting"), as a complement ("was rude") or on a person noun ("a
    good dad"); of their conduct or a relationship ("his motivation is low", "a strong attachment",
    "her affect was blunted", or "Tia's attitude." on its own); or as a feeling stated as fact
    ("Logan loves his dad", "Sam hates the centre"). Besides the team's lists, any adjective
    TextBlob's subjectivity lexicon rates as evaluative is a candidate (rules/phrasing/P02-subjective.jsonl).
    Cleared by the one notion of evidence (qa_checker/nlp/clues.py ``evidence``): an observed
    action of that person, quoted speech or what the person said ("Mum said she was upset") in the
    sentence; a context or supposed reason ("when she arrived") is not evidence. A label after
    "seemed" or "looked" is P01's; "good interaction" is P03's. Framed professional opinion in the
    reflection is not flagged. Manipulative, hysterical and similar are P05's. The trained decision
    (models/judge) drops a candidate in a sentence it finds plainly fine, and proposes a sentence
    no list caught ("Mum needs to try harder with Jayden"), naming the words its score rests on.
    Weak: "Logan loves his dad." Better: "Logan ran to Dad and said 'Love you, Dad' at the door."

Source:
    Torbay "Language that cares" (describe behaviour); Iriss, "Writing analysis in social care".
    Word lists: rules/phrasing/P02.jsonl.
"""

from qa_checker.checks.phrasing.shared import Proposal, busy_tokens, framed_reflection, hits, known_names
from qa_checker.nlp.clues import (
    evidence,
    inside,
    is_person,
    planned_or_possible,
    predicate_root,
    reported,
    subject,
    under_guess,
)
from qa_checker.nlp.lexicon import RuleWords
from qa_checker.rule import Parsed, rule

_HEDGES = {"seem", "appear", "look", "sound", "come", "present", "feel", "become"}
_PREDICATIVE = {"acomp", "oprd", "attr", "xcomp", "ROOT"}
_GUESS_ADVERBS = {"perhaps", "maybe", "probably", "possibly", "presumably", "apparently", "seemingly"}


def _hedged(head, vocabulary) -> bool:
    """'seemed upset', 'appeared to be comfortable', 'perhaps Mia was worried': P01's, not P02's."""
    current = head
    for _ in range(4):
        if current.lemma_.lower() in _HEDGES:
            return True
        if any(c.dep_ == "advmod" and c.lower_ in _GUESS_ADVERBS for c in current.children):
            return True
        if current.dep_ != "xcomp" or current.head.i == current.i:
            break
        current = current.head
    return under_guess(head, vocabulary)


def _person_and_head(token, vocabulary, names):
    """Who the label is about and the predicate it belongs to, or (None, None) if not a person label."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "amod":  # "a lazy dad", "a strong attachment", "a positive relationship"
        noun = token.head
        lemma = noun.lemma_.lower()
        return (noun, noun) if lemma in vocabulary.person_nouns or lemma in vocabulary.conduct_nouns else (None, None)
    adjective_like = token.pos_ == "ADJ" or (token.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ in ("be", "get") for c in token.children)) or (
        # a listed adjective the parser took for a noun after a note-style word ("M was v. cross")
        token.dep_ == "attr" and token.pos_ == "NOUN" and not any(c.dep_ == "det" for c in token.children))
    if not adjective_like or token.dep_ not in _PREDICATIVE:
        return None, None
    head = token.head if token.dep_ != "ROOT" else token
    if _hedged(head, vocabulary):
        return None, None
    described = next((c for c in head.children if c.dep_ == "dobj"), None) if token.dep_ == "oprd" else None
    who = described or (subject(token) if token.dep_ == "ROOT" else subject(head))
    if who is None or not is_person(who, vocabulary, names):
        return None, None
    return who, head


# Adjectives that sort conduct into kinds rather than judge it ("physical contact", "the first
# interaction", "supervised time"): not a judgement when they modify or describe a conduct noun.
_SORTING = {
    "first", "last", "next", "previous", "recent", "early", "late", "whole", "same", "other", "own", "only",
    "physical", "verbal", "direct", "indirect", "face", "weekly", "monthly", "daily", "supervised", "unsupervised",
    "current", "future", "past", "further", "new", "main", "initial", "final", "usual", "brief", "short", "long",
    "telephone", "online", "virtual", "family", "sibling", "parental", "maternal", "paternal", "such", "certain",
}


def _conduct_judgement(token) -> list:
    """'his motivation is low', 'a strong attachment', 'Dad's engagement is superficial': the words
    that judge a person's conduct or relationship named by ``token`` (any adjective that does not
    merely sort it), as a modifier or as what the clause says it is."""
    words = [c for c in token.children
             if c.dep_ == "amod" and (c.pos_ == "ADJ" or c.tag_ == "VBN") and c.lower_ not in _SORTING]
    if not any(t.pos_ in ("VERB", "AUX") for t in token.doc) and sum(t.is_alpha for t in token.doc) <= 3:
        words.append(token)  # a note on its own: "Tia's attitude."
    if token.dep_ == "nsubjpass" and token.head.tag_ == "VBN" and token.head.lower_ not in _SORTING:
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.head.children):  # not "to be monitored"
            words.append(token.head)  # "her affect was blunted"
    elif token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ == "be":
        for predicate in token.head.children:
            if predicate.dep_ in ("acomp", "attr") and predicate.lower_ not in _SORTING and (
                    predicate.pos_ == "ADJ" or predicate.tag_ == "VBN"):
                words.append(predicate)
    return words


_PROPOSAL = Proposal(
    "'{words}': this reads as a judgement of a person, their parenting or a relationship, with no "
    "observed behaviour behind it (found by the trained check, not a word list).",
    "Say what you saw that led you to it (who did what, when, what was said), or frame it as your "
    "professional opinion in the reflection with that evidence.",
)


@rule("P02", "unevidenced-judgement", "warning",
      words=RuleWords(parsed=frozenset({"person_label", "conduct_label", "feeling_verb"}), team_kind="person_label"))
def check(parsed: Parsed):
    vocabulary = parsed.language.lexicon.vocabulary
    names = known_names(parsed)

    def flagged(trigger) -> bool:
        if framed_reflection(trigger):
            return False
        token = predicate_root(trigger.tokens)
        if trigger.entry.kind == "conduct_label":  # the conduct noun: judged by what is said of it
            vague = {t.i for v in parsed.language.for_rule("P03") if v.sentence is trigger.sentence for t in v.tokens}
            judging = [w for w in _conduct_judgement(token) if w.i not in vague]  # "good interaction" is P03's
            if not judging or reported(token, vocabulary):
                return False
            excluded = set().union(*(inside(w) for w in judging)) | {token.i} | inside(token)
            return not evidence(trigger.sentence, excluded, None, vocabulary, busy_tokens(trigger, parsed))
        if trigger.entry.kind == "feeling_verb":  # "Logan loves his dad.": a feeling stated as fact
            verb = token if token.pos_ in ("VERB", "AUX") else token.head
            who = subject(verb)
            if verb.pos_ != "VERB" or who is None or not is_person(who, vocabulary, names):
                return False
            if reported(verb, vocabulary) or _hedged(verb, vocabulary) or planned_or_possible(verb):
                return False
            return not evidence(trigger.sentence, inside(verb), who, vocabulary, busy_tokens(trigger, parsed))
        who, head = _person_and_head(token, vocabulary, names)
        if who is None or reported(token, vocabulary):
            return False
        excluded = inside(head) | {token.i}
        return not evidence(trigger.sentence, excluded, who, vocabulary, busy_tokens(trigger, parsed))

    yield from hits(parsed, "P02", flagged, _PROPOSAL)
