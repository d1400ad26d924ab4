"""The phrasing rules' data (``rules/phrasing/``): patterns in JSONL, word lists, validated on load.

Each JSONL line is one entry tied to a rule: the ``phrases`` that make a sentence a candidate in the
cheap pass (a PhraseMatcher on lower case, or exact case for abbreviations), optional ``confirm``
patterns (spaCy Matcher or DependencyMatcher) checked on the parsed sentence, the ``kind`` of
judgement the rule applies, and the message and suggestion.
"""

from __future__ import annotations

import functools
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from qa_checker.resources import DataFileError, packaged, read_toml

Kind = Literal[
    "hedge", "person_label", "vague_adverb", "vague_evaluation", "needs_evidence", "vague_phrase",
    "vague_noun", "vague_quantity", "absolute", "absolute_habitual", "intensifier", "loaded_label", "abbreviation",
]
# Kinds a rule judges from the words alone (the cheap pass); every other kind is parsed.
LEXICAL_KINDS = frozenset({
    "loaded_label", "abbreviation", "vague_phrase", "vague_quantity", "absolute", "intensifier", "needs_evidence",
})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Confirm(_Strict):
    """A pattern the parsed sentence must match, over the trigger's tokens."""

    matcher: tuple[dict[str, Any], ...] | None = None
    dependency: tuple[dict[str, Any], ...] | None = None

    @model_validator(mode="after")
    def _one(self) -> "Confirm":
        if (self.matcher is None) == (self.dependency is None):
            raise ValueError("give exactly one of 'matcher' or 'dependency'")
        if self.matcher is not None:
            from spacy.schemas import validate_token_pattern

            errors = validate_token_pattern(list(self.matcher))
            if errors:
                raise ValueError(f"invalid token pattern: {errors}")
        return self


class Context(_Strict):
    """Words around a trigger, checked in the cheap pass, that make it worth judging at all.

    ``before``: one of the named word list's forms within ``window`` tokens before the trigger
    (or, with ``after``, that list's word right after it). ``not_before``: the trigger is dropped
    when the token just before it is one of that list's words. Lists are named from
    vocabulary.toml.
    """

    before: str | None = None
    after: str | None = None
    window: int = 4
    not_before: str | None = None


class Entry(_Strict):
    label: Literal["P01", "P02", "P03", "P04", "P05", "P06"]
    id: str
    kind: Kind
    phrases: tuple[str, ...]
    case_sensitive: bool = False
    confirm: tuple[Confirm, ...] = ()
    context: Context | None = None
    expansions: tuple[str, ...] = ()
    message: str
    suggestion: str
    source: str
    except_: tuple[str, ...] = ()

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("phrases")
    @classmethod
    def _not_empty(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value or any(not p.strip() for p in value):
            raise ValueError("needs at least one non-blank phrase")
        return value

    @field_validator("message")
    @classmethod
    def _names_words(cls, value: str) -> str:
        if "{words}" not in value:
            raise ValueError("the message must name the triggering words with {words}")
        return value

    @property
    def key(self) -> str:
        return f"{self.label}:{self.id}"


class Vocabulary(_Strict):
    reporting_verbs: frozenset[str]
    light_verbs: frozenset[str]
    perception_verbs: frozenset[str]
    guess_verbs: frozenset[str]
    body_parts: frozenset[str]
    person_nouns: frozenset[str]
    conduct_nouns: frozenset[str]
    event_nouns: frozenset[str]
    literal_subjects: frozenset[str]
    linking_forms: frozenset[str]
    reporting_forms: frozenset[str]
    manner_forms: frozenset[str]
    interaction_forms: frozenset[str]


class Lexicon(_Strict):
    entries: tuple[Entry, ...]
    vocabulary: Vocabulary
    framing: tuple[str, ...]

    def by_key(self) -> dict[str, Entry]:
        return {e.key: e for e in self.entries}


def _load_jsonl(name: str) -> list[Entry]:
    source = packaged("rules", "phrasing", name)
    entries = []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if "except" in data:
                data["except_"] = data.pop("except")
            entries.append(Entry.model_validate(data))
        except (json.JSONDecodeError, ValidationError) as exc:
            detail = exc.errors()[0] if isinstance(exc, ValidationError) else {"loc": (), "msg": str(exc)}
            key = ".".join(str(p) for p in detail["loc"]) or "(line)"
            raise DataFileError(f"{source}: line {number}: {key}: {detail['msg']}") from exc
    return entries


def read_lines(*parts: str) -> tuple[str, ...]:
    """A plain word list: one item a line, '#' comments and blank lines ignored."""
    text = packaged(*parts).read_text(encoding="utf-8")
    return tuple(l.strip().lower() for l in text.splitlines() if l.strip() and not l.startswith("#"))


@functools.cache
def load_lexicon() -> Lexicon:
    """Every phrasing entry, the vocabulary and the framing phrases (validated)."""
    folder = packaged("rules", "phrasing")
    entries = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".jsonl"):
            entries.extend(_load_jsonl(item.name))
    keys = [e.key for e in entries]
    duplicates = {k for k in keys if keys.count(k) > 1}
    if duplicates:
        raise DataFileError(f"{folder}: entry ids repeated: {sorted(duplicates)}")
    source = packaged("rules", "phrasing", "vocabulary.toml")
    try:
        vocabulary = Vocabulary.model_validate(read_toml(source))
    except ValidationError as exc:
        from qa_checker.resources import validation_message

        raise DataFileError(validation_message(source, exc)) from exc
    for entry in entries:
        named = [entry.context.before, entry.context.after, entry.context.not_before] if entry.context else []
        unknown = [n for n in named if n and n not in Vocabulary.model_fields]
        if unknown:
            raise DataFileError(f"{folder}: {entry.key}: context names unknown word lists {unknown}")
    return Lexicon(entries=tuple(entries), vocabulary=vocabulary, framing=read_lines("rules", "phrasing", "framing.txt"))
