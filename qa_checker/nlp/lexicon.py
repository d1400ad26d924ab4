"""The phrasing rules' data (``rules/phrasing/``): patterns in JSONL, word lists, validated on load;
and the professional-opinion framing patterns they share with the reflection rules
(``rules/reflection/framing.jsonl``).

Each JSONL line is one entry tied to a rule: the ``phrases`` that make a sentence a candidate in the
cheap pass (a PhraseMatcher on lower case, or exact case for abbreviations), optional ``confirm``
patterns (spaCy Matcher or DependencyMatcher) checked on the parsed sentence, the ``kind`` of
judgement the rule applies, and the message and suggestion.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator, model_validator

from qa_checker.resources import DataFileError, packaged, read_jsonl, read_toml


@dataclass(frozen=True)
class RuleWords:
    """What a rule's word lists may hold, declared by the rule (``@rule(..., words=...)``).

    ``lexical``: the kinds the rule judges from the words alone (the cheap pass); ``parsed``: the
    kinds it judges on the parsed sentence; ``team_kind``: the kind a team's extra words for this
    rule get (``extra-words`` in qa-checker.toml), None when the rule takes none. ``code`` is
    filled in by the rule decorator.
    """

    lexical: frozenset[str] = frozenset()
    parsed: frozenset[str] = frozenset()
    team_kind: str | None = None
    code: str = ""

    @property
    def kinds(self) -> frozenset[str]:
        return self.lexical | self.parsed


@dataclass(frozen=True)
class LexiconSpec:
    """Every rule's :class:`RuleWords`, from the registry: the labels and kinds the phrasing data
    may use. Nothing in this module lists them."""

    rules: tuple[RuleWords, ...] = ()

    def of(self, code: str) -> RuleWords | None:
        return next((r for r in self.rules if r.code == code), None)

    @property
    def lexical(self) -> frozenset[tuple[str, str]]:
        """(rule code, kind) for every kind judged from the words alone."""
        return frozenset((r.code, kind) for r in self.rules for kind in r.lexical)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def check_token_pattern(pattern, attributes: frozenset[str] | None = None):
    """Raise ValueError unless ``pattern`` is a valid spaCy Matcher pattern (using only
    ``attributes``, when given, besides OP)."""
    from spacy.schemas import validate_token_pattern

    errors = validate_token_pattern(list(pattern))
    if errors:
        raise ValueError(f"invalid token pattern: {errors}")
    if attributes is not None:
        used = {key.upper() for token in pattern for key in token} - {"OP"}
        if used - attributes:
            raise ValueError(f"attributes {sorted(used - attributes)} need more than the tokenizer; use {sorted(attributes)}")
    return pattern


class Confirm(_Strict):
    """A pattern the parsed sentence must match, over the trigger's tokens."""

    matcher: tuple[dict[str, Any], ...] | None = None
    dependency: tuple[dict[str, Any], ...] | None = None

    @model_validator(mode="after")
    def _one(self) -> Confirm:
        if (self.matcher is None) == (self.dependency is None):
            raise ValueError("give exactly one of 'matcher' or 'dependency'")
        if self.matcher is not None:
            check_token_pattern(self.matcher)
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
    label: str
    id: str
    kind: str
    phrases: tuple[str, ...]
    case_sensitive: bool = False
    confirm: tuple[Confirm, ...] = ()
    context: Context | None = None
    expansions: tuple[str, ...] = ()
    # Each phrase starts with a verb in its base form: match it in every tense ("throw a wobbly",
    # "threw a wobbly", "throwing a wobbly"; qa_checker/nlp/inflect.py).
    inflect: bool = False
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

    @model_validator(mode="before")
    @classmethod
    def _every_tense(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("inflect") and isinstance(data.get("phrases"), (list, tuple)):
            from qa_checker.nlp.inflect import inflected

            data = {**data, "phrases": inflected(tuple(str(p) for p in data["phrases"]))}
        return data

    @field_validator("kind")
    @classmethod
    def _declared(cls, value: str, info: ValidationInfo) -> str:
        """The label must name a rule with word lists, and the kind be one that rule judges."""
        spec = info.context if isinstance(info.context, LexiconSpec) else None
        label = info.data.get("label")
        if spec is None or label is None:
            return value
        words = spec.of(label)
        if words is None:
            known = ", ".join(r.code for r in spec.rules)
            raise ValueError(f"label {label!r} names no rule with word lists (those are: {known})")
        if value not in words.kinds:
            raise ValueError(f"kind {value!r} is not one {label} judges (it judges: {', '.join(sorted(words.kinds))})")
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


# What the tokenizer alone sets: framing patterns run in the cheap pass, before any parse.
TOKENIZER_ATTRIBUTES = frozenset({"ORTH", "TEXT", "LOWER", "LENGTH", "IS_ALPHA", "IS_PUNCT", "IS_SPACE", "IS_DIGIT", "LIKE_NUM"})


class FramingPattern(_Strict):
    """A professional-opinion frame ("In my professional opinion", "My view ... is that").

    One source of truth for R01 (is the reflection framed at all?) and the phrasing rules (a
    framed opinion in the reflection is the writer's to give). ``examples`` must each match.
    """

    label: Literal["R01"]
    id: str
    pattern: tuple[dict[str, Any], ...]
    examples: tuple[str, ...]
    source: str

    @field_validator("pattern")
    @classmethod
    def _valid(cls, value: tuple[dict[str, Any], ...]) -> tuple[dict[str, Any], ...]:
        return check_token_pattern(value, TOKENIZER_ATTRIBUTES)

    @field_validator("examples")
    @classmethod
    def _some(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError("give at least one example the pattern matches")
        return value


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
    # Light verbs that report an observed change when their complement is the comparative of a
    # quality anyone present could see or hear ("her answers became shorter", "his voice got louder").
    change_verbs: frozenset[str] = frozenset()
    observed_qualities: frozenset[str] = frozenset()


class Lexicon(_Strict):
    entries: tuple[Entry, ...]
    vocabulary: Vocabulary
    framing: tuple[FramingPattern, ...]
    # (rule code, kind) judged from the words alone (the cheap pass); every other waits for a parse.
    lexical: frozenset[tuple[str, str]] = frozenset()

    def needs_parse(self, entry: Entry) -> bool:
        return (entry.label, entry.kind) not in self.lexical or bool(entry.confirm)

    def by_key(self) -> dict[str, Entry]:
        return {e.key: e for e in self.entries}


def _rename_except(data: dict) -> dict:
    if "except" in data:
        data["except_"] = data.pop("except")
    return data


def _load_jsonl(name: str, spec: LexiconSpec | None) -> list[Entry]:
    return read_jsonl(packaged("rules", "phrasing", name), Entry, _rename_except, spec)


@functools.cache
def load_framing() -> tuple[FramingPattern, ...]:
    """The framing patterns (``rules/reflection/framing.jsonl``), validated, ids unique."""
    source = packaged("rules", "reflection", "framing.jsonl")
    patterns = tuple(read_jsonl(source, FramingPattern))
    ids = [p.id for p in patterns]
    if len(set(ids)) != len(ids):
        raise DataFileError(f"{source}: pattern ids repeated: {sorted({i for i in ids if ids.count(i) > 1})}")
    return patterns


@functools.cache
def load_lexicon(spec: LexiconSpec | None = None) -> Lexicon:
    """Every phrasing entry, the vocabulary and the framing patterns (validated; with ``spec``,
    each entry's label and kind against the rules that declare them)."""
    folder = packaged("rules", "phrasing")
    entries = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".jsonl"):
            entries.extend(_load_jsonl(item.name, spec))
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
    lexical = spec.lexical if spec is not None else frozenset()
    return Lexicon(entries=tuple(entries), vocabulary=vocabulary, framing=load_framing(), lexical=lexical)


def with_team_words(
    lexicon: Lexicon, extra: tuple[tuple[str, tuple[str, ...]], ...], spec: LexiconSpec | None = None,
) -> Lexicon:
    """The lexicon with a team's extra words added to their rules' lists, with the kind each rule
    declares for them (worded like the rule's first entry; an abbreviation is matched in its
    exact case). The configuration refuses extra words for a rule that takes none."""
    if not extra or spec is None:
        return lexicon
    added = []
    for code, words in extra:
        declared = spec.of(code)
        kind = declared.team_kind if declared is not None else None
        model = next((e for e in lexicon.entries if e.label == code), None)
        if kind is None or model is None or not words:
            continue
        added.append(Entry(
            label=code, id="team-words", kind=kind, phrases=tuple(words), case_sensitive=kind == "abbreviation",
            message=model.message, suggestion=model.suggestion, source="the team's settings (extra-words)",
        ))
    return lexicon.model_copy(update={"entries": lexicon.entries + tuple(added)})
