"""The scaling parser's word lists (``rules/scaling.toml``), validated on load and compiled once."""

from __future__ import annotations

import functools
import re

from pydantic import BaseModel, ConfigDict, field_validator

from qa_checker.resources import load_validated


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _lower(value: tuple[str, ...]) -> tuple[str, ...]:
    cleaned = tuple(" ".join(v.lower().replace("’", "'").split()) for v in value)
    if not cleaned or any(not v for v in cleaned):
        raise ValueError("needs at least one entry and no blank ones")
    return cleaned


class Numbers(_Strict):
    words: dict[str, int]

    @field_validator("words")
    @classmethod
    def _range(cls, value: dict[str, int]) -> dict[str, int]:
        bad = {k: v for k, v in value.items() if not 0 <= v <= 20 or not k.isalpha()}
        if bad:
            raise ValueError(f"number words must be single words worth 0-20: {bad}")
        return {k.lower(): v for k, v in value.items()}


class Subjects(_Strict):
    overall: tuple[str, ...]
    groups: tuple[str, ...]
    same: tuple[str, ...]
    nouns: tuple[str, ...]
    prefixes: tuple[str, ...]
    not_names: frozenset[str]
    capitalised_names: frozenset[str]

    _lists = field_validator("overall", "groups", "same", "nouns", "prefixes")(_lower)

    @field_validator("not_names", "capitalised_names")
    @classmethod
    def _names(cls, value: frozenset[str]) -> frozenset[str]:
        return frozenset(_lower(tuple(value)))


class Scores(_Strict):
    verbs: tuple[str, ...]
    targets: frozenset[str]
    conditional_targets: frozenset[str]
    conditions: frozenset[str]
    modals: frozenset[str]
    about_scoring: frozenset[str]
    negations: frozenset[str]
    previous: tuple[str, ...]
    follow: frozenset[str]

    _lists = field_validator("verbs", "previous")(_lower)


class Reasons(_Strict):
    connectives: tuple[str, ...]
    labels: tuple[str, ...]
    filler: frozenset[str]

    _lists = field_validator("connectives", "labels")(_lower)


class NextSteps(_Strict):
    labels: tuple[str, ...]
    phrases: tuple[str, ...]
    not_phrases: tuple[str, ...]
    modals: frozenset[str]
    need_verbs: frozenset[str]
    need_forms: tuple[str, ...]
    narrative_after_could: frozenset[str]

    _lists = field_validator("labels", "phrases", "not_phrases", "need_forms")(_lower)


class Pointers(_Strict):
    reflection: tuple[str, ...]

    _lists = field_validator("reflection")(_lower)


class Columns(_Strict):
    next_step: tuple[str, ...]
    reason: tuple[str, ...]
    score: tuple[str, ...]
    subject: tuple[str, ...]

    _lists = field_validator("next_step", "reason", "score", "subject")(_lower)

    def kind(self, header: str) -> str | None:
        """What a header cell's column holds: "next_step", "reason", "score", "subject" or None."""
        text = " ".join(header.lower().replace("’", "'").split())
        for kind in ("next_step", "reason", "score", "subject"):
            if any(_contains(text, word) for word in getattr(self, kind)):
                return kind
        return None


class ScalingCues(_Strict):
    numbers: Numbers
    subjects: Subjects
    scores: Scores
    reasons: Reasons
    next_steps: NextSteps
    pointers: Pointers
    columns: Columns

    @functools.cached_property
    def patterns(self):
        """The scaling grammar's compiled patterns (:mod:`qa_checker.scaling.patterns`)."""
        from qa_checker.scaling.patterns import compile_patterns

        return compile_patterns(self)

    @functools.cached_property
    def next_step_pattern(self) -> re.Pattern[str]:
        return phrase_pattern(self.next_steps.phrases)

    @functools.cached_property
    def not_next_step_pattern(self) -> re.Pattern[str]:
        return phrase_pattern(self.next_steps.not_phrases)

    @functools.cached_property
    def reason_first_pattern(self) -> re.Pattern[str]:
        """A sentence that opens with its reason ("Because Amelia was relaxed, I would scale...")."""
        return re.compile(r"^\s*(?:" + phrase_pattern(self.reasons.connectives).pattern + r")", re.IGNORECASE)

    @functools.cached_property
    def parse_pattern(self) -> re.Pattern[str]:
        """Words without which no recommendation or directive can be found: the rest need no parse."""
        steps = self.next_steps
        modals = "|".join(sorted(steps.modals))
        needs = "|".join(steps.need_forms)
        return re.compile(rf"\b(?:{modals})\b|\b(?:{needs})\s+to\b|(?:^|[;:,–—-])\s*(?:[\w'’&-]+\s+){{1,6}}?(?:not\s+)?to\s",
                          re.IGNORECASE)

    @functools.cached_property
    def refers_pattern(self) -> re.Pattern[str]:
        """A piece that points at another scaling for its words: "Same as overall, keeping this
        going.", "The same as for Harvey." (``ref`` is what it points at)."""
        from qa_checker.scaling.patterns import alternation

        return re.compile(rf"^\W*(?:and\s+)?(?:{alternation(self.subjects.same)})\s+(?:as|for)\s+(?:(?:for|with)\s+)?(?:the\s+)?(?P<ref>[\w'’-]+)",
                          re.IGNORECASE)

    @functools.cached_property
    def pointer_pattern(self) -> re.Pattern[str]:
        return phrase_pattern(self.pointers.reflection)

    @functools.cached_property
    def previous_pattern(self) -> re.Pattern[str]:
        return phrase_pattern(self.scores.previous)


def _contains(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive pattern for a phrase list (``*`` is any one word, ``^`` a clause start)."""
    alternatives = []
    for phrase in sorted(phrases, key=len, reverse=True):
        anchored = phrase.startswith("^")
        words = phrase.lstrip("^").split()
        body = r"\s+".join(r"[\w'’-]+" if w == "*" else re.escape(w).replace("'", "['’]") for w in words)
        start = r"(?:^\s*|(?<=[,;:.–—-])\s*)" if anchored else r"(?<![\w'’-])"
        alternatives.append(f"{start}{body}(?![\\w'’-])")
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


def load_cues(path: str | None = None) -> ScalingCues:
    """The packaged ``rules/scaling.toml`` (or another file of the same shape), validated."""
    return _load(path)


@functools.cache
def _load(path: str | None) -> ScalingCues:
    return load_validated(path, ("rules", "scaling.toml"), ScalingCues)
