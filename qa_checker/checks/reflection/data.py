"""The reflection rules' word lists (``rules/reflection/*.toml``), validated on load."""

from __future__ import annotations

import functools
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from qa_checker.resources import load_validated


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Category(_Strict):
    """A kind of concern a recording can raise anywhere (a child crying, talk of court)."""

    name: str
    describe: str
    words: tuple[str, ...] = Field(min_length=1)
    # Whose action it must be: the supervisor or carer's ("writer"), a child's, anyone's, or any person's.
    who: Literal["anyone", "writer", "child", "person"]
    # Words that, said with the cue ("fell asleep", "screamed with laughter", "a fist bump"), make
    # it something else: one of these within three words either side and it is not this concern.
    not_with: tuple[str, ...] = ()
    # Words that make the cue's sentence routine rather than this concern ("I reminded Dad that
    # the session would end at noon" is time-keeping, not an intervention).
    routine: tuple[str, ...] = ()
    # More words that, in the reflection, speak of this kind of concern ("Nan should not have been
    # there") without being a cue in the sections observed; read together with ``words``.
    picked_up_by: tuple[str, ...] = ()
    # Conjunctions after which the same person going on with something else says the moment
    # passed ("had tears walking to reception but was telling Linda about his boots"): then the
    # cue is not this concern, unless what follows is denied ("but did not want to go").
    passes_after: tuple[str, ...] = ()
    # Lemmas of comforting after "and" in the same sentence ("Kai cried and Ryan carried him back
    # and gave him a cuddle"): the adult met the moment at once, so it is not this concern, unless
    # the comfort is denied ("and nobody comforted him").
    comforted_by: tuple[str, ...] = ()
    # Lemmas of a verb whose object is the cue and that tells it ended ("Filip had stopped
    # crying by reception"): the end of the moment, not this concern.
    ended_by: tuple[str, ...] = ()
    why: str
    example: str


class Concerns(_Strict):
    no_worries: tuple[str, ...] = Field(min_length=1)
    worries: tuple[str, ...] = Field(min_length=1)
    generic: frozenset[str]
    related: tuple[tuple[str, ...], ...] = ()
    similarity: float = Field(gt=0, le=1)
    why: str
    example: str
    category: tuple[Category, ...]

    @property
    def canonical(self) -> dict[str, str]:
        """Each related word mapped to the first of its group."""
        return {word: group[0] for group in self.related for word in group}


class Group(_Strict):
    name: str
    words: tuple[str, ...] = Field(min_length=1)


class Related(_Strict):
    """How a reflection sentence picks a concern up in its own words (R02): synonyms, kinds of
    event (with the same person named), a plan or advice for the person concerned, and the place
    where it happened (with the same person named)."""

    synonyms: tuple[Group, ...] = Field(min_length=1)
    kinds: tuple[Group, ...] = ()
    plans: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    sections: dict[str, str] = {}
    kin: dict[str, tuple[str, ...]] = {}

    @model_validator(mode="after")
    def _known_groups(self) -> Related:
        names = {g.name for g in self.synonyms + self.kinds}
        unknown = sorted(set(self.sections.values()) - names)
        if unknown:
            raise ValueError(f"sections name groups that are not listed: {', '.join(unknown)}")
        return self


class Evaluation(_Strict):
    adjectives: frozenset[str]
    verbs: frozenset[str]
    modals: frozenset[str]
    recommending: frozenset[str]
    hedges: frozenset[str]
    grounding: frozenset[str]
    reasons: tuple[str, ...]
    responses: tuple[str, ...] = ()
    own_view: tuple[str, ...] = ()
    nouns: frozenset[str]


@functools.cache
def load_concerns(path: str | None = None) -> Concerns:
    return load_validated(path, ("rules", "reflection", "concerns.toml"), Concerns)


@functools.cache
def load_related(path: str | None = None) -> Related:
    return load_validated(path, ("rules", "reflection", "related.toml"), Related)


@functools.cache
def load_evaluation(path: str | None = None) -> Evaluation:
    return load_validated(path, ("rules", "reflection", "evaluation.toml"), Evaluation)
