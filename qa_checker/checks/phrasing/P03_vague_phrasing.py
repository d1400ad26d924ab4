"""Vague wording that tells the reader nothing specific ("went well", "was fine", "some", "no concerns", "as usual").

Why it matters:
    "Contact went well" could describe almost any session. The child's review needs to know what
    happened: who did what, how long, how often, and how the child responded. Vague words also
    soften what should be plain; the suggestion is always to be specific, never gentler.

Weak:
    Mum and Leo interacted well and had a nice time.

Better:
    Mum and Leo built a tower with the blocks for 20 minutes; Leo laughed each time it fell.

Limitations:
    Amounts ("some", "a bit", "often") are cleared by a number or count in the sentence, or by
    the one notion of evidence: an action in the sentence, other than the one the amount
    measures ("Alfie laughed several times during the game and asked to play again" and "Mum
    brought some grapes" are concrete; "Mum arrived a bit late" and "Mum spent a lot of time on
    her phone" are not). Judgements of the session ("went well", "was positive", "a difficult
    contact", "went to plan", "leaps and bounds") are cleared by what was observed in the
    sentence ("...because Mia waved and said 'Bye Daddy'"); a framed summary in the reflection
    ("In my professional opinion this was a good session") by the specifics in the next sentence.
    "No worries" answering "What are you worried about?" is an answer, not a vague phrase.
    "Fine" about the weather, "fine motor skills" and words inside quoted or reported speech are
    not flagged. The trained decision (models/judge) drops a candidate in a sentence it finds
    plainly fine. Weak: "Mum arrived a bit late." Better: "Mum arrived at 10:12, twelve minutes late."

Source:
    Leeds Safeguarding Children Partnership record-keeping tips ("be specific"); SCIE case-review
    learning (euphemism hides harm). Patterns: rules/phrasing/P03.jsonl.
"""

from qa_checker.checks.phrasing.shared import Proposal, busy_tokens, hits, known_names
from qa_checker.nlp.clues import (
    evidence,
    inside,
    is_person,
    predicate_root,
    reported,
    reported_before,
    specific_number,
    subject,
)
from qa_checker.nlp.lexicon import RuleWords
from qa_checker.rule import Parsed, rule

_PERSON_LABELS = {"good", "great", "lovely", "pleasant"}  # said of a person, these are P02's


def _evaluation(token, vocabulary, names) -> bool:
    """'was fine', 'went OK', 'a nice time': a judgement of the session or the child's state."""
    if token.dep_ == "amod":
        return token.head.lemma_.lower() in vocabulary.event_nouns
    if token.dep_ not in ("acomp", "oprd", "attr", "advmod", "conj", "ROOT"):
        return False
    who = subject(token) if token.dep_ != "advmod" else subject(token.head)
    if who is None:
        return True
    if who.lemma_.lower() in vocabulary.literal_subjects:
        return False
    if is_person(who, vocabulary, names):
        return token.lower_ not in _PERSON_LABELS
    return True


_BECAUSE = {"because", "as", "since", ":", "so"}
_EXAMPLE = {("for", "example"), ("for", "instance"), ("such", "as"), ("as", "shown")}


def _explained(sentence, tokens, vocabulary) -> bool:
    """'No concerns ... because Mia waved and said...', '..., so I have no worries': a reason
    with something specific in it (direct speech, a number or time span, five words or more, or
    a verb of behaviour when the sentence was parsed)."""
    tokens = list(tokens)
    reasons = []
    for position, token in enumerate(tokens):
        following = tokens[position + 1].lower_ if position + 1 < len(tokens) else ""
        if token.lower_ == "so" and position:
            reasons.append(tokens[:position])  # the reason comes first
        elif token.lower_ in _BECAUSE or (token.lower_, following) in _EXAMPLE or (
                token.lower_ == "and" and position and tokens[position - 1].text == ","):
            reasons.append(tokens[position + 1:])
    return bool(reasons) and (bool(sentence.quotes) or any(_specific(part, vocabulary) for part in reasons))


def _specific(part, vocabulary) -> bool:
    words = [t for t in part if t.is_alpha]
    return specific_number(part) or len(words) >= 5 or any(
        t.pos_ == "VERB" and t.lemma_.lower() not in vocabulary.light_verbs for t in part)


# Verbs that say what something is rather than what anyone did: an amount with only these is vague.
_COPULAS = frozenset({"be", "have", "seem", "appear", "look", "sound", "feel", "get", "become", "remain", "do"})


# Nouns of time: "a lot of time", "several times", "most of the session" measure how long or how often.
_TIME_NOUNS = frozenset({"time", "times", "while", "minute", "minutes", "hour", "hours", "second", "seconds", "moment",
                         "moments", "session", "contact", "call", "visit", "day", "afternoon", "morning", "evening"})
_OBJECT = {"dobj", "nsubj", "nsubjpass", "attr", "pobj", "dative", "appos", "conj"}


def _measured(trigger):
    """The verb a vague amount says how much, how long or how often of ("arrived a bit late",
    "sometimes left the table", "spent a lot of time on her phone"), or None when the amount is of
    things the action involved ("Dad brought some snacks": the action is concrete, the amount a detail)."""
    token = predicate_root(trigger.tokens)
    current, timed, of_things = token, False, False
    for _ in range(8):
        timed = timed or any(t.lemma_.lower() in _TIME_NOUNS for t in current.subtree if t.i - token.i < 6)
        head = current.head
        if head.i == current.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head if timed or not (of_things or current.dep_ in _OBJECT) else None
        of_things = of_things or current.dep_ in _OBJECT or head.dep_ in _OBJECT
        current = head
    return None


def _answers_worries(parsed: Parsed, sentence) -> bool:
    """'No worries.' written under "What are you worried about?" answers the question."""
    section = parsed.recording.sections.get(sentence.section)
    worried = section.subsections.get("worried_about") if section is not None else None
    return worried is not None and worried.start <= sentence.start < worried.end


def _uncounted(trigger, vocabulary) -> bool:
    """A vague amount with no number in its sentence (nor inside someone else's words)."""
    sentence = trigger.sentence
    return not reported_before(sentence, trigger.start, vocabulary) and not specific_number(sentence.words)


def _framed_summary(trigger) -> bool:
    """'In my professional opinion this was a positive session': a framed view in the reflection."""
    return trigger.sentence.section == "reflection" and trigger.sentence.framed and trigger.entry.kind in (
        "vague_evaluation", "vague_phrase", "vague_adverb")


def _to_read(parsed: Parsed) -> list:
    """Round 0: sentences whose vague amount only an observed action could clear, and the sentence
    after a framed summary in the reflection (the specifics that ground it)."""
    vocabulary = parsed.language.lexicon.vocabulary
    wanted = []
    for trigger in parsed.language.for_rule("P03"):
        if trigger.entry.kind == "vague_quantity" and _uncounted(trigger, vocabulary):
            wanted.append(trigger.sentence)
        elif _framed_summary(trigger):
            following = parsed.language.after(trigger.sentence)
            if following is not None:
                wanted.append(following)
    return wanted


def _grounded_by_next(parsed: Parsed, trigger) -> bool:
    following = parsed.language.after(trigger.sentence)
    if following is None or following.doc is None:
        return False
    return evidence(following, set(), None, parsed.language.lexicon.vocabulary)


_PROPOSAL = Proposal(
    "'{words}': this tells the reader little they could check (found by the trained check, not a word list).",
    "Be specific: who did what, for how long or how often, and how the child responded.",
)


@rule("P03", "vague-phrasing", "warning", reads=_to_read, words=RuleWords(
    lexical=frozenset({"vague_phrase", "vague_quantity", "needs_evidence"}),
    parsed=frozenset({"vague_adverb", "vague_evaluation", "vague_noun"}), team_kind="vague_phrase",
))
def check(parsed: Parsed):
    vocabulary = parsed.language.lexicon.vocabulary
    names = known_names(parsed)

    def flagged(trigger) -> bool:
        kind = trigger.entry.kind
        sentence = trigger.sentence
        if _framed_summary(trigger) and _grounded_by_next(parsed, trigger):
            return False
        if kind == "vague_phrase":
            return True
        if kind == "vague_quantity":  # an observed action clears it (the one notion of evidence)
            if not _uncounted(trigger, vocabulary):
                return False
            if sentence.doc is None:
                return True
            measured = _measured(trigger)  # "arrived a bit late": the action the amount is about is no evidence
            excluded = {t.i for t in trigger.tokens} | (inside(measured) if measured is not None else set())
            return not evidence(sentence, excluded, None, vocabulary, busy_tokens(trigger, parsed), light=_COPULAS)
        if kind == "needs_evidence":  # judged in the cheap pass
            if reported_before(sentence, trigger.start, vocabulary) or _answers_worries(parsed, sentence):
                return False
            return not _explained(sentence, sentence.words, vocabulary)
        token = predicate_root(trigger.tokens)
        if reported(token, vocabulary):
            return False
        if kind == "vague_noun":
            return token.pos_ in ("NOUN", "PRON") and not any(
                c.dep_ == "poss" or c.lower_ in ("the", "these", "those", "this", "that") for c in token.children)
        if kind == "vague_evaluation" and not _evaluation(token, vocabulary, names):
            return False
        return not _explained(sentence, sentence.doc, vocabulary)

    yield from hits(parsed, "P03", flagged, _PROPOSAL)
