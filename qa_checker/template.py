"""The recording template (``rules/template.toml``): sections, labels, header fields, prompts."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from qa_checker.resources import load_validated

CANONICAL_SECTIONS = (
    "header", "introductions", "basic_needs", "emotional_warmth", "goodbye",
    "what_needs_to_happen", "scaling", "reflection",
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Named(_Strict):
    """Something the writer names with a heading or label: its aliases are kept normalised."""

    name: str
    title: str
    aliases: tuple[str, ...] = ()

    @field_validator("aliases")
    @classmethod
    def _normalise(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(normalise_label(a) for a in value)


class SectionDef(_Named):
    guidance: str = ""
    required: bool = True
    subsections: tuple[str, ...] = ()


class SubsectionDef(_Named):
    pass


class HeaderFieldDef(_Named):
    example: str = ""


class Placeholders(_Strict):
    header: tuple[str, ...] = ()
    body: tuple[str, ...] = ()

    @field_validator("header", "body")
    @classmethod
    def _compiles(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc
        return value


class Template(_Strict):
    name: str
    source: str = ""
    sections: tuple[SectionDef, ...]
    subsections: tuple[SubsectionDef, ...]
    empty_answers: tuple[str, ...] = ()
    header_fields: tuple[HeaderFieldDef, ...]
    placeholders: Placeholders = Placeholders()
    furniture: tuple[str, ...] = ()
    prompts: tuple[str, ...] = ()
    header_prompts: tuple[str, ...] = ()
    relationship_words: tuple[str, ...] = ()
    address_words: tuple[str, ...] = ()
    relationship_initials: tuple[str, ...] = ()

    @field_validator("header_prompts")
    @classmethod
    def _prompts_compile(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return Placeholders._compiles(value)

    @model_validator(mode="after")
    def _consistent(self) -> Template:
        names = [s.name for s in self.sections]
        if len(set(names)) != len(names):
            raise ValueError("section names must be unique")
        known = {s.name for s in self.subsections}
        for section in self.sections:
            missing = set(section.subsections) - known
            if missing:
                raise ValueError(f"section {section.name!r} names unknown subsections {sorted(missing)}")
        return self

    def section(self, name: str) -> SectionDef:
        return next(s for s in self.sections if s.name == name)

    @functools.cached_property
    def header_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in self.placeholders.header)

    @functools.cached_property
    def header_prompt_pattern(self) -> re.Pattern[str] | None:
        """The template's instructions in a header line ("(please note if carer)"), or None."""
        return re.compile("|".join(f"(?:{p})" for p in self.header_prompts), re.IGNORECASE) if self.header_prompts else None

    @functools.cached_property
    def body_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in self.placeholders.body)


_NUMBERING = re.compile(
    r"^(?:heading\s*\d+\s+|section\s*\d+[.:)]?\s+|part\s*\d+[.:)]?\s+|\d+(?:\.\d+)*[.:)]?\s+|[a-z][.)]\s+)",
    re.IGNORECASE,
)


def normalise_label(text: str) -> str:
    """Lower-case a heading or label and drop numbering, Markdown marks and end punctuation."""
    text = text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    text = text.strip().strip("#*_ \t").strip()
    text = _NUMBERING.sub("", text)
    text = re.sub(r"\s+", " ", text).strip().lower()
    text = re.sub(r"\s*/\s*", "/", text)
    return text.rstrip(":?.-–— ").strip()


def load_template(path: Path | None = None) -> Template:
    """Load and validate a template TOML (the packaged Northamptonshire one by default)."""
    return _load(str(path) if path else None)


@functools.cache
def _load(path: str | None) -> Template:
    return load_validated(path, ("rules", "template.toml"), Template)


_TRIVIAL = re.compile(r"[^a-z/]+")


def is_empty_answer(text: str, template: Template) -> bool:
    """Blank, or only "N/A", "none", "-", "see above"... (the template's ``empty_answers``)."""
    norm = _TRIVIAL.sub(" ", text.lower()).strip()
    return not norm or norm in template.empty_answers or text.strip().lower().strip(".") in template.empty_answers
