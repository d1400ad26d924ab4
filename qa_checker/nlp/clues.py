"""What the parse says about a sentence: whose words, who is meant, and whether anything seen backs it.

The judgements the spaCy patterns cannot express, shared by the phrasing rules. All take parsed
tokens of one sentence and the lexicon's vocabulary.
"""

from __future__ import annotations

import re

from qa_checker.nlp.lexicon import Vocabulary

WRITER = {"i", "we", "me", "us"}
PRONOUNS = {"he", "she", "they", "him", "her", "them", "his", "hers", "theirs"}
# Dependencies that stay inside a predicate (its complements and arguments); clause-level links
# (advcl, conj, parataxis, relcl, acl) lead to another clause, where evidence may be.
_INSIDE = {
    "xcomp", "ccomp", "acomp", "oprd", "attr", "prep", "pobj", "pcomp", "dobj", "aux", "auxpass",
    "neg", "advmod", "npadvmod", "amod", "compound", "det", "poss", "prt", "agent", "dative",
    "nsubj", "nsubjpass", "expl", "mark", "case", "nummod", "quantmod", "predet", "preconj", "cc",
    "acl",
}
# "looked like she wanted...", "as if he would cry": the clause is what was guessed, not evidence.
_LIKE = {"like", "though", "if"}
_CLIMB = {"xcomp", "conj", "acomp", "oprd", "attr", "ccomp"}
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?:am|pm)?$|^\d{1,2}(?:am|pm)$", re.IGNORECASE)
_EXTRA_NUMBERS = {"once", "twice", "half", "both", "first", "second", "third"}


def subject(token):
    """The subject of a token's clause, climbing through complements and conjuncts."""
    current = token
    for _ in range(8):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        infinitive_or_participle = current.tag_ in ("VBG", "VB") and current.dep_ == "advcl"
        if (current.dep_ in _CLIMB or infinitive_or_participle) and current.head.i != current.i:
            current = current.head
            continue
        return None
    return None


def is_person(token, vocabulary: Vocabulary, names: frozenset[str] = frozenset()) -> bool:
    """A name, a person noun, a third-person pronoun, or someone's conduct ("Mum's parenting")."""
    lower = token.lower_
    lemma = token.lemma_.lower()
    if lower in WRITER or lower == "it":
        return False
    if lower in PRONOUNS or lower in names or lemma in vocabulary.person_nouns:
        return True
    if lemma in vocabulary.conduct_nouns:
        return any(c.dep_ == "poss" and is_person(c, vocabulary, names) for c in token.children)
    if lemma in vocabulary.event_nouns or lemma in vocabulary.literal_subjects or lemma in vocabulary.conduct_nouns:
        return False
    # Note-style initials for people ("M was v. cross with CS", "D lost the plot").
    bare = token.text.rstrip(".")
    if len(bare) == 1 and bare.isupper() and bare != "I":
        return True
    # Names are often tagged NOUN at the start of a sentence ("Harper looked content").
    return token.pos_ in ("PROPN", "NOUN") and token.text[:1].isupper() and token.text[1:].islower()


def inside(head) -> set[int]:
    """Token ids of a predicate and its complements (not the clauses hanging off it, except a
    "like"/"as if" clause, which completes it)."""
    seen = {head.i}
    stack = [head]
    while stack:
        for child in stack.pop().children:
            if child.i in seen:
                continue
            like_clause = child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _LIKE for g in child.children)
            # "no issues to report": an infinitive completing a noun is not a second clause
            infinitive = child.dep_ == "relcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
            if child.dep_ in _INSIDE or like_clause or infinitive:
                seen.add(child.i)
                stack.append(child)
    return seen


def _path_up(token, limit: int = 10):
    """(child on the path, its head) for each step from the token up to the sentence root."""
    current = token
    for _ in range(limit):
        head = current.head
        if head.i == current.i:
            return
        yield current, head
        current = head


def reported(token, vocabulary: Vocabulary) -> bool:
    """True when the token sits in what someone else said ("Mum said she was upset")."""
    for child, head in _path_up(token):
        if head.lemma_.lower() in vocabulary.reporting_verbs and child.dep_ in ("ccomp", "xcomp", "advcl", "dobj", "conj"):
            speaker = subject(head)
            if speaker is None or speaker.lower_ not in WRITER:
                return True
    return False


def under_guess(token, vocabulary: Vocabulary) -> bool:
    """True when the token is inside what follows a guess ("I think he had been drinking"), but
    not in a clause given as what was seen ("I think Dad was tired, as he rubbed his eyes"), nor
    in a clause before "seemed" said of someone (:func:`seen_before_guess`)."""
    for child, head in _path_up(token):
        if child.dep_ == "advcl" and _as_evidence(child):
            return False
        if seen_before_guess(child, head):
            return False
        if child.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in vocabulary.guess_verbs:
            return True
    return False


_LINKING_GUESSES = frozenset({"seem", "appear", "look", "sound"})


def seen_before_guess(clause, head) -> bool:
    """A clause the parser hangs before "seemed" or "appeared" said of someone, in a comma splice:
    what was seen, then the guess ("Brooke and mum sat together and were laughing, Brooke seemed
    very close to mum"). Not "He was tired, I think" nor "Mum was upset, it seemed": there the
    clause is what is guessed."""
    if clause.dep_ != "ccomp" or clause.i > head.i or head.lemma_.lower() not in _LINKING_GUESSES:
        return False
    own = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return own is not None and own.lower_ != "it"


def _as_evidence(clause) -> bool:
    """'..., as he rubbed his eyes': a clause opened by "as" (not "as if", "as though") after a comma."""
    marks = [c for c in clause.children if c.dep_ == "mark"]
    if len(marks) != 1 or marks[0].lower_ != "as":
        return False
    before = clause.doc[marks[0].i - 1] if marks[0].i else None
    return before is not None and before.text in (",", ";", ":")


def specific_number(tokens) -> bool:
    """A count, amount, date or time span: '3 times', 'two bananas', '4, 11 and 18 June',
    'from 16:25 to 17:00' (a single clock time is not a count)."""
    tokens = list(tokens)
    if sum(1 for t in tokens if _TIME.match(t.text)) >= 2:
        return True
    for token in tokens:
        text = token.text.lower()
        if _TIME.match(text):
            continue
        if token.like_num or text in _EXTRA_NUMBERS or any(ch.isdigit() for ch in text):
            return True
    return False


def same_person(a, b) -> bool:
    """Could ``b`` refer to the person ``a`` names? (Same word, or a third-person pronoun.)"""
    if a is None or b is None:
        return True
    return a.lower_ == b.lower_ or b.lower_ in PRONOUNS or a.lower_ in PRONOUNS


def evidence(
    sentence, excluded: set[int], who, vocabulary: Vocabulary, busy: set[int] | frozenset[int] = frozenset(),
    *, quotes: bool = True, needs_actor: bool = False, light: frozenset[str] | None = None,
) -> bool:
    """Something observed in the sentence that backs a judgement about ``who``: the one notion of
    evidence that clears a guess (P01), a label (P02), a vague amount or summary (P03) and a
    judgement in the reflection (R03) alike.

    Direct speech, a body part doing something ("her face was red"), or a verb of behaviour
    outside the judged predicate (``excluded``) and outside other flagged words (``busy``),
    whose subject is not the writer (unless the writer saw or heard it) and could be ``who``.
    Not evidence: a plan or a possibility ("will bring", "would help"), a participle describing
    someone ("seemed pleased", "as distracted"), a light verb ("was", "had", "got"; but "her
    answers got shorter", a change anyone could see or hear, is evidence), what follows
    a guess ("I think he had been drinking"). A clause that only gives context or a supposed
    reason ("when she arrived", "because he had not seen her") holds no verb of behaviour by the
    person judged, so it does not count when ``who`` is someone else's.
    With ``needs_actor`` (the next sentence), the verb's subject must be there and be ``who``.
    ``light`` replaces the vocabulary's light verbs: an amount ("some fruit") is made concrete by
    any action it belongs to ("Mum brought some fruit"), so P03 counts every verb but a copula;
    a feeling or a label needs an action that shows it, so "brought" or "gave" does not count.
    """
    light_verbs = vocabulary.light_verbs if light is None else light
    if quotes and sentence.quotes:
        return True
    for token in sentence.doc:
        if token.i in excluded or token.i in busy:
            continue
        if token.dep_ in ("nsubj", "nsubjpass") and token.lemma_.lower() in vocabulary.body_parts:
            return True
        if token.pos_ != "VERB" or token.dep_ in ("amod", "acomp", "oprd") or planned_or_possible(token):
            continue
        if token.tag_ == "VBN" and _describing(token):
            continue
        lemma = token.lemma_.lower()
        actor = subject(token)
        if needs_actor and (actor is None or actor.lower_ in WRITER or not same_person(who, actor)):
            continue
        if actor is not None and actor.lower_ in WRITER:
            if lemma in vocabulary.perception_verbs:
                return True
            continue
        if lemma in light_verbs and not _observed_change(token, lemma, vocabulary, busy) \
                or under_guess(token, vocabulary):
            continue
        if actor is not None and who is not None and not same_person(who, actor) and is_person(actor, vocabulary):
            continue
        return True
    return False


def _observed_change(verb, lemma: str, vocabulary: Vocabulary, flagged) -> bool:
    """'her answers became shorter', 'his voice got louder': a change verb whose complement is the
    comparative of a quality anyone could see or hear, that no rule flags ('got angrier' is a
    feeling, not something seen)."""
    return lemma in vocabulary.change_verbs and any(
        c.dep_ in ("acomp", "oprd", "attr") and c.tag_ == "JJR" and c.lemma_.lower() in vocabulary.observed_qualities
        and c.i not in flagged for c in verb.children)


_MODALS = {"will", "would", "shall", "should", "could", "can", "may", "might", "must", "ought"}


def planned_or_possible(verb) -> bool:
    """'will be passed on', 'would help', 'needs to focus' (what should happen): not something
    seen. 'could not hold' and 'had to tell him' are: they say what happened."""
    modals = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS}
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _OBLIGED and verb.head.tag_ in ("VBZ", "VBP"):
        return True
    return bool(modals) and not (modals == {"could"} and any(c.dep_ == "neg" for c in verb.children))


_OBLIGED = {"need", "have"}


_ADJECTIVAL = {"amod", "acomp", "oprd", "advcl", "attr", "xcomp", "pobj", "pcomp", "appos"}


def _describing(participle) -> bool:
    """'as distracted', 'seemed pleased', 'will be passed on': a participle describing or passive,
    not something the person did (a perfect 'had cooked' or a plain past 'and stayed' is)."""
    children = list(participle.children)
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in children):
        return False
    return participle.dep_ in _ADJECTIVAL or any(c.dep_ == "auxpass" for c in children)


def predicate_root(tokens):
    """The token of a trigger whose head lies outside it (the trigger's own root)."""
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in ids or token.head.i == token.i:
            return token
    return tokens[0]


def reported_before(sentence, start: int, vocabulary: Vocabulary) -> bool:
    """Cheap-pass version of :func:`reported`: a reporting verb ("said", "told") before the word
    in its sentence, not said by the writer ("Mum told me she always...")."""
    tokens = [t for t in sentence.words if t.idx < start] if sentence.words is not None else []
    for position, token in enumerate(tokens):
        if token.lower_ in vocabulary.reporting_forms:
            speaker = tokens[position - 1].lower_ if position else ""
            if speaker not in WRITER:
                return True
    return False
