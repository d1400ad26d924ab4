"""Word lists from ``rules/`` matched on sentences in the cheap pass, and clause checks on the parse.

A :class:`CueList` is a spaCy PhraseMatcher on lower case: it finds a list's phrases in a
sentence with the tokenizer alone, so a rule parses only the sentences that hold a cue.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from qa_checker.nlp.pipeline import load_pipeline


@dataclass(frozen=True)
class Cue:
    """One phrase found in a sentence: absolute character offsets and the words."""

    start: int
    end: int
    words: str


class CueList:
    """Phrases matched on lower case (the tokenizer only), outside quoted speech."""

    def __init__(self, phrases: tuple[str, ...]) -> None:
        from spacy.matcher import PhraseMatcher

        nlp = load_pipeline()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("CUE", [nlp.make_doc(p) for p in phrases])

    def find(self, sentence) -> list[Cue]:
        """The phrases in ``sentence`` (an analysis Sentence), first to last, none inside quotes."""
        words = tokens(sentence)
        # On the cheap pass's span of the recording, matches and offsets are the recording's own;
        # on a sentence's parse, they count from the sentence's start.
        parent = words.doc  # a Span's Doc is the recording's; a Doc's is itself
        whole, offset = (parent, 0) if parent is not words else (words, sentence.start)
        found = []
        for _, start, end in self.matcher(words):
            first, last = whole[start], whole[end - 1]
            begin, stop = offset + first.idx, offset + last.idx + len(last.text)
            if not sentence.in_quote(begin, stop):
                found.append(Cue(begin, stop, sentence.text[begin - sentence.start:stop - sentence.start]))
        return sorted(found, key=lambda c: c.start)

    def any(self, sentence) -> bool:
        return bool(self.find(sentence))


class CueGroups:
    """Several named word lists in one PhraseMatcher: which of them a sentence holds (outside quotes)."""

    def __init__(self, groups: tuple[tuple[str, tuple[str, ...]], ...]) -> None:
        from spacy.matcher import PhraseMatcher

        nlp = load_pipeline()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for name, phrases in groups:
            self.matcher.add(name, [nlp.make_doc(p) for p in phrases])
        self.strings = nlp.vocab.strings

    def names(self, sentence) -> frozenset[str]:
        words = tokens(sentence)
        parent = words.doc
        whole, offset = (parent, 0) if parent is not words else (words, sentence.start)
        found = set()
        for key, start, end in self.matcher(words):
            first, last = whole[start], whole[end - 1]
            if not sentence.in_quote(offset + first.idx, offset + last.idx + len(last.text)):
                found.add(self.strings[key])
        return frozenset(found)


@functools.cache
def cue_groups(groups: tuple[tuple[str, tuple[str, ...]], ...]) -> CueGroups:
    """The matcher for named word lists, built once per process."""
    return CueGroups(groups)


def tokens(sentence):
    """A sentence's tokens: its parse when it has one, else the cheap pass's span (the tokenizer's alone)."""
    if sentence.doc is not None:
        return sentence.doc
    return sentence.words if sentence.words is not None else load_pipeline().make_doc(sentence.text)


@functools.cache
def cue_list(phrases: tuple[str, ...]) -> CueList:
    """The matcher for a word list, built once per process."""
    return CueList(phrases)


def _nobody(token) -> bool:
    return token.lower_ in ("nothing", "nobody", "noone", "none") or token.lower_ == "one" and any(
        c.lower_ == "no" for c in token.children)


def negated(token) -> bool:
    """'did not cry', 'did not need to intervene', 'without any upset', 'no comments re court',
    'nothing was said about court', 'no tears, injuries or complaints' (a noun listed after a
    denied one), 'nobody cried or screamed': the word is denied."""
    current = token
    for _ in range(7):
        if any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" for c in current.children):
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") and _nobody(c) for c in current.children):
            return True  # "Nothing was said about court", "Nobody cried"
        head = current.head
        if head.i == current.i:
            return False
        if head.lower_ in ("without", "no"):
            return True
        if current.dep_ == "conj" and current.pos_ == "ADP" and not any(c.lower_ == "but" for c in head.children):
            # "Nothing was said about the past or about court proceedings" (dev w26-02): a
            # preposition joined on is denied with the first ("not about school but about court" is not)
            current = head
            continue
        if current.dep_ == "conj" and current.pos_ not in ("NOUN", "PROPN"):
            # "Nobody cried or screamed": a verb joined on shares the subject, not the other's "not"
            # ("Dad did not cry and shouted")
            own = any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children)
            return not own and any(c.dep_ in ("nsubj", "nsubjpass") and _nobody(c) for c in head.children)
        if current.dep_ not in ("xcomp", "pobj", "prep", "dobj", "acomp", "prt", "nmod", "compound", "conj"):
            return False
        current = head
    return False
