"""How recordings word what the Family Time Agreement rules look for (``rules/agreement/wording.toml``)."""

from __future__ import annotations

import functools

from pydantic import BaseModel, ConfigDict, Field

from qa_checker.resources import load_validated


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class People(_Strict):
    parents: tuple[str, ...] = Field(min_length=1)


class Lateness(_Strict):
    arrival: tuple[str, ...] = Field(min_length=1)
    cancelled: tuple[str, ...]
    went_ahead: tuple[str, ...] = Field(min_length=1)
    reasons: tuple[str, ...] = Field(min_length=1)


class Attendees(_Strict):
    expected: tuple[str, ...] = Field(min_length=1)
    family: tuple[str, ...] = Field(min_length=1)
    agreed: tuple[str, ...] = Field(min_length=1)
    not_agreed: tuple[str, ...]
    acted_on: tuple[str, ...] = ()


class Wording(_Strict):
    people: People
    lateness: Lateness
    attendees: Attendees


@functools.cache
def load_wording(path: str | None = None) -> Wording:
    return load_validated(path, ("rules", "agreement", "wording.toml"), Wording)


def parent_names(present) -> set[str]:
    """Lower-case words naming the parents among the people present ("Sarah Smith (mother)" -> sarah, smith)."""
    import re

    from qa_checker.splitter.people import detail_names

    words = load_wording().people.parents
    names: set[str] = set()
    for person in present:
        entry = f" {person.name} {person.detail} ".lower()
        if any(re.search(rf"(?<![a-z']){re.escape(w)}(?![a-z])", entry) for w in words):
            names.update(w.lower() for w in person.name.split())
            # "Samantha (Sam) Nance - mother": the name the recording calls her by
            names.update(w for w in detail_names(person) if re.search(rf"\b{w.capitalize()}\b", person.detail))
    return names
