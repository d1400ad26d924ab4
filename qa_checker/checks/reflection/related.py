"""Whether a reflection sentence picks a concern up in its own words (R02): a synonym of the
concern's key words, the same kind of event said of the same person, a plan or advice for
that person, or the place where it happened said of the same person
(rules/reflection/related.toml). Read on word forms, before any parse."""

from __future__ import annotations

import re

from qa_checker.checks.reflection.data import Group, load_related
from qa_checker.checks.reflection.people import People
from qa_checker.checks.reflection.shared import before_in_paragraph, paragraph
from qa_checker.nlp.cues import cue_groups, cue_list
from qa_checker.nlp.cues import tokens as words_of

_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "hers", "himself", "herself"})


def _groups(groups: tuple[Group, ...], sentences) -> set[str]:
    matcher = cue_groups(tuple((g.name, tuple(g.words)) for g in groups))
    return set().union(*(matcher.names(s) for s in sentences))


class Related:
    """The synonym groups, kinds of event and people of each sentence, compared. What each
    sentence holds is worked out once (a concern is compared with every reflection sentence)."""

    def __init__(self, recording, sentences=()) -> None:
        self.data = load_related()
        self.people = People(recording)
        self.text = recording.text
        self.sentences = sentences  # the recording's, by index (for the sentence before a concern)
        self._place = re.compile(rf"(?<![a-z])(?:{'|'.join(map(re.escape, self.data.places))})(?![a-z])") if self.data.places else None
        self._seen: dict[tuple[str, int], frozenset[str]] = {}
        self._many: dict[tuple[str, tuple[int, ...]], frozenset[str]] = {}

    def _of(self, what: str, sentence) -> frozenset[str]:
        key = (what, sentence.index)
        if key not in self._seen:
            if what == "people":
                found = frozenset(self.people.named(words_of(sentence)))
            else:
                found = frozenset(_groups(self.data.synonyms if what == "synonyms" else self.data.kinds, [sentence]))
            self._seen[key] = found
        return self._seen[key]

    def _all(self, what: str, sentences) -> frozenset[str]:
        key = (what, tuple(s.index for s in sentences))
        if key not in self._many:
            self._many[key] = frozenset().union(*(self._of(what, s) for s in sentences))
        return self._many[key]

    def _places(self, text: str) -> frozenset[str]:
        return frozenset(self._place.findall(text.lower())) if self._place is not None else frozenset()

    def where(self, concern) -> frozenset[str]:
        """The places named in the paragraphs of the concern's sentences ("He was swearing in
        the corridor", after "I had to tell him no")."""
        key = ("where", tuple(s.index for s in concern))
        if key not in self._many:
            found: set[str] = set()
            for s in concern:
                found |= self._places(self.text[slice(*paragraph(self.text, s.start, s.end))])
            self._many[key] = frozenset(found)
        return self._many[key]

    def names(self, sentences) -> frozenset[str]:
        """The people the sentences name."""
        return self._all("people", sentences)

    def concern_names(self, concern) -> frozenset[str]:
        """The people a concern's sentences name or, when they name nobody, any adult outside
        the family the sentence just before them in the same paragraph names ("Shannon turned up.
        Not agreed with SW."; not Mum in "Mum was on her phone. I reminded her...": the family is
        in almost every sentence of a reflection)."""
        found = self.names(concern)
        before = None if found or not concern else before_in_paragraph(concern[0], self.sentences, self.text)
        return found if before is None else self._of("people", before) - self.people.family

    def synonyms(self, sentences) -> frozenset[str]:
        return self._all("synonyms", sentences)

    def _said_of(self, sentence) -> frozenset[str]:
        """The people a reflection sentence is about: those it names or, when it names nobody and
        says "he"/"she", the one person the sentence before it in the paragraph names ("Tyler's
        presentation is harder to read. He has kept his distance at the start...")."""
        named = self._of("people", sentence)
        if named or not any(t.lower_ in _PRONOUNS for t in words_of(sentence)):
            return named
        before = before_in_paragraph(sentence, self.sentences, self.text)
        carried = self._of("people", before) if before is not None else frozenset()
        return carried if len(carried) == 1 else named

    def links(self, concern, sentence, section: str | None = None) -> bool:
        """Whether ``sentence`` picks up the concern's sentences (of ``section``) in other words."""
        if self.synonyms(concern) & self.synonyms([sentence]):
            return True
        shared = self.concern_names(concern) & self._said_of(sentence)
        if not shared:
            return False
        if shared - self.people.family:
            return True  # another adult named in both: "Nan." and "Nan should not have been there."
        if self.data.plans and cue_list(self.data.plans).any(sentence):
            return True
        part = self.data.sections.get(section or "")
        if part is not None and part in self._of("synonyms", sentence) | self._of("kinds", sentence):
            return True  # "Dad was inappropriate at the goodbye", for a concern of the Goodbye
        if self._place is not None and self.where(concern) & self._places(sentence.text):
            return True  # "Dad was inappropriate in the corridor", for "He was swearing in the corridor"
        return bool(self._all("kinds", concern) & self._of("kinds", sentence))
