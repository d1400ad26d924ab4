"""What the reflection rules share: the reflection's sentences (parsed where needed), the children's names, and
whether a sentence is a judgement and what grounds it."""

from __future__ import annotations

import functools

from qa_checker.checks.reflection.data import Evaluation, load_evaluation
from qa_checker.nlp.analysis import Sentence
from qa_checker.nlp.clues import WRITER, evidence, inside, is_person, specific_number, subject
from qa_checker.nlp.cues import cue_list
from qa_checker.nlp.cues import tokens as words_of
from qa_checker.nlp.lemmas import could_have
from qa_checker.rule import Parsed

# Clause heads judged in a sentence; a clause under "I think" (ccomp) is P01's.
_CLAUSE = {"ROOT", "conj", "parataxis"}


def paragraph(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The bounds of the paragraph (line) that holds ``text[start:end]``."""
    stop = text.find("\n", start if end is None else end)
    return text.rfind("\n", 0, start) + 1, stop if stop >= 0 else len(text)


def reflection_sentences(parsed: Parsed) -> list[Sentence]:
    """The reflection's sentences (parsed where a rule asked). A signature, a role or a date
    ("Priya Shah", "Family Time Supervisor", "12.06.2025") is left out."""
    return [s for s in parsed.language.sentences if s.section == "reflection" and _words(s.text) >= 3]


def before_in_paragraph(sentence: Sentence, sentences, text: str) -> Sentence | None:
    """The sentence just before ``sentence`` (``sentences`` by index) when it is in the same
    section and paragraph, else None."""
    if sentence.index == 0 or not sentences:
        return None
    before = sentences[sentence.index - 1]
    if before.section != sentence.section or "\n" in text[before.end:sentence.start]:
        return None
    return before


def framed_just_before(sentence: Sentence, parsed: Parsed) -> bool:
    """The sentence just before, in the same paragraph of the reflection, frames an opinion: the
    frame reads on into this one ("In my professional opinion Dad's relationship with Toby is
    warm. The football was a real strength and Toby clearly enjoys it.")."""
    before = before_in_paragraph(sentence, parsed.language.sentences, parsed.recording.text)
    return before is not None and before.framed


def could_judge(sentence: Sentence, parsed: Parsed, evaluation: Evaluation | None = None) -> bool:
    """Whether :func:`judgement` could find anything once the sentence is parsed: a judgement
    needs a word whose lemma (or form) is a judging adjective or verb."""
    return could_have(words_of(sentence), _judging_words(evaluation or load_evaluation()), parsed.options.pipeline)


@functools.cache
def _judging_words(evaluation: Evaluation) -> frozenset[str]:
    return (evaluation.adjectives | evaluation.verbs) - evaluation.recommending


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> int:
    """How many words with a letter (a pure function of the text: the reflection rules ask for
    each reflection sentence several times, round by round)."""
    return sum(1 for w in text.split() if any(ch.isalpha() for ch in w))


def heading_span(parsed: Parsed):
    section = parsed.recording.sections.get("reflection")
    return section.heading if section is not None else None


@functools.lru_cache(maxsize=4096)
def names_of(person) -> frozenset[str]:
    """How the writer may name a child: first name and any nickname, lower case."""
    words = person.name.split()[:1] + [w for w in person.detail.replace(",", " ").split() if w[:1].isupper()]
    names = {w.lower().strip("“”\"'") for w in words if w.strip("“”\"'").replace("-", "").isalpha()}
    # "Ellie-Mae": the tokenizer splits at the hyphen, so the first part names her too
    return frozenset(names | {n.split("-")[0] for n in names if "-" in n})


def judgement(sentence: Sentence, evaluation: Evaluation | None = None):
    """The judging word of a clause stated as fact ("Mum is not ready", "Leo enjoys"), or None.
    Suggestions ("it would be good if..."), recommendations ("Dad should...", "Mum needs to...")
    and the writer's own state ("I am confident") are not statements of fact about others.

    With the team's word lists, worked out once per parse of the sentence (R03 and R04 ask for
    the same sentences, child by child and round by round)."""
    if evaluation is not None or sentence.doc is None:
        return _judgement(sentence, evaluation or load_evaluation())
    key = id(sentence.doc)
    found = _JUDGED.get(key)
    if found is None or found[0] is not sentence.doc:
        found = _JUDGED[key] = (sentence.doc, _judgement(sentence, load_evaluation()))
        if len(_JUDGED) > 4096:
            del _JUDGED[next(iter(_JUDGED))]
    return found[1]


# judgement() by parse (the Doc is kept with its result, so a reused id is never mistaken for it)
_JUDGED: dict[int, tuple[object, object]] = {}


def _judgement(sentence: Sentence, evaluation: Evaluation):
    for token in sentence.tree:
        if token.dep_ not in _CLAUSE or token.dep_ == "conj" and token.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        found = _judging(token, evaluation)
        if found is not None and not sentence.in_quote(sentence.start + found.idx, sentence.start + found.idx + 1):
            return found
    return None


def _judging(head, evaluation: Evaluation):
    auxes = {c.lemma_.lower() for c in head.children if c.dep_ in ("aux", "auxpass")}
    who = subject(head)
    if auxes & (evaluation.hedges | evaluation.modals) or (who is not None and who.lower_ in WRITER):
        return None
    if head.lemma_.lower() in evaluation.recommending:
        return None
    for child in head.children:
        if child.dep_ in ("acomp", "oprd", "attr") and _judging_word(child, evaluation):
            return child
        if child.dep_ == "advmod" and head.pos_ == "VERB" and child.lower_ in evaluation.adjectives:
            if not (child.i > 0 and child.doc[child.i - 1].lower_ == "as"):  # "as well"
                return child
    lemma = head.lemma_.lower()
    if head.pos_ == "ADJ" and lemma in evaluation.adjectives:
        return head
    # "Logan and Dad have a good bond"; "Difficult contact." or "Overall a good session." alone
    held = [c for c in head.children if c.dep_ == "dobj"] if lemma == "have" else []
    for noun in held + ([head] if head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") else []):
        found = next((c for c in noun.children if c.dep_ == "amod" and c.lemma_.lower() in evaluation.adjectives), None)
        if found is not None:
            return found
    # in the present tense: "Leo enjoys", "Mum does love them" (not "Archie needed a prompt")
    present = head.tag_ in ("VBZ", "VBP") or head.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lemma_ == "do" and c.tag_ in ("VBZ", "VBP") for c in head.children)
    return head if lemma in evaluation.verbs and present else None


def _judging_word(token, evaluation: Evaluation) -> bool:
    if token.lemma_.lower() in evaluation.adjectives or token.lower_ in evaluation.adjectives:
        return True
    # "a good dad", "a positive session": a noun complement carrying a judging adjective
    return token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and c.lemma_.lower() in evaluation.adjectives for c in token.children)


def grounded_cheaply(sentence: Sentence, evaluation: Evaluation | None = None) -> bool:
    """What grounds a sentence that the tokenizer alone can see: quoted words, a count or time
    span, a reason ("because...", "for example..."), a response to a prompt ("responded well when
    reminded"). Such a sentence needs no parse to clear."""
    evaluation = evaluation or load_evaluation()
    return (bool(sentence.quotes) or specific_number(words_of(sentence)) or cue_list(evaluation.reasons).any(sentence)
            or bool(evaluation.responses) and cue_list(evaluation.responses).any(sentence))


def grounded(sentence: Sentence, judged, vocabulary, evaluation: Evaluation | None = None) -> bool:
    """Whether the sentence points at what was seen: quoted words, a count or time, "shows",
    "suggests", a reason ("because...", "for example..."), or someone's observed action outside
    the judged clause."""
    evaluation = evaluation or load_evaluation()
    if grounded_cheaply(sentence, evaluation):
        return True
    doc = sentence.tree
    if any(t.lemma_.lower() in evaluation.grounding and t.pos_ in ("VERB", "AUX") for t in doc):
        return True
    if any(t.lower_ == "as" and t.dep_ == "mark" for t in doc):
        return True
    excluded = inside(judged.head if judged.dep_ in ("acomp", "attr", "oprd", "advmod") else judged)
    return evidence(sentence, excluded, None, vocabulary, quotes=False)


def grounded_by_next(
    sentence: Sentence, after: Sentence | None, judged, vocabulary, evaluation: Evaluation | None = None,
) -> bool:
    """A judgement followed by what was seen ("The goodbye was difficult. Mum cried and..."); a
    judgement of a person needs that person's behaviour ("Mia is close to Dad. She ran to him...")."""
    if after is None or after.section != sentence.section or after.doc is None or judgement(after, evaluation):
        return False
    who = subject(judged.head if judged.dep_ in ("acomp", "attr", "oprd", "advmod") else judged)
    person = who if who is not None and is_person(who, vocabulary) else None
    return bool(after.quotes) or evidence(after, set(), person, vocabulary, quotes=False, needs_actor=person is not None)
