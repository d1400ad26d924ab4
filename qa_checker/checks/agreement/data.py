"""How recordings word what the Family Time Agreement rules look for (``rules/agreement/wording.toml``)."""

from __future__ import annotations

import functools

from pydantic import BaseModel, ConfigDict, Field

from qa_checker.resources import load_validated


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Lateness(_Strict):
    parents: tuple[str, ...] = Field(min_length=1)
    arrival: tuple[str, ...] = Field(min_length=1)
    cancelled: tuple[str, ...]
    went_ahead: tuple[str, ...] = Field(min_length=1)
    reasons: tuple[str, ...] = Field(min_length=1)


class Attendees(_Strict):
    expected: tuple[str, ...] = Field(min_length=1)
    agreed: tuple[str, ...] = Field(min_length=1)
    not_agreed: tuple[str, ...]


class Wording(_Strict):
    lateness: Lateness
    attendees: Attendees


@functools.cache
def load_wording(path: str | None = None) -> Wording:
    return load_validated(path, ("rules", "agreement", "wording.toml"), Wording)
