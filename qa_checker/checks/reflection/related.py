"""Whether a reflection sentence picks a concern up in its own words (R02): a synonym of the
concern's key words, the same kind of event said of the same person, or a plan or advice for
that person (rules/reflection/related.toml). Read on word forms, before any parse."""

from __future__ import annotations

from qa_checker.checks.reflection.data import Group, load_related
from qa_checker.checks.reflection.people import People
from qa_checker.nlp.cues import cue_list
from qa_checker.nlp.cues import tokens as words_of


def _groups(groups: tuple[Group, ...], sentences) -> set[str]:
    return {g.name for g in groups if any(cue_list(g.words).any(s) for s in sentences)}


class Related:
    """The synonym groups, kinds of event and people of each sentence, compared."""

    def __init__(self, recording) -> None:
        self.data = load_related()
        self.people = People(recording)

    def synonyms(self, sentences) -> set[str]:
        return _groups(self.data.synonyms, sentences)

    def links(self, concern, sentence) -> bool:
        """Whether ``sentence`` picks up the concern's sentences in other words."""
        if self.synonyms(concern) & self.synonyms([sentence]):
            return True
        who = set().union(*(self.people.named(words_of(s)) for s in concern))
        if not who & self.people.named(words_of(sentence)):
            return False
        if self.data.plans and cue_list(self.data.plans).any(sentence):
            return True
        return bool(_groups(self.data.kinds, concern) & _groups(self.data.kinds, [sentence]))
