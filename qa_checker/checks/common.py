"""Small helpers shared by several rules."""

from __future__ import annotations

import re

from qa_checker.scaling.roster import first_word
from qa_checker.splitter.model import HeaderField, Recording, Subsection
from qa_checker.template import Template, is_empty_answer

__all__ = ["is_empty_answer", "is_placeholder", "missing_subsections", "named_in_header", "present_field", "quote", "subsection_text", "written_answer"]


def is_placeholder(value: str, template: Template) -> bool:
    """True when a header value is the template's own filler ("00.00.2020", "……"); an instruction
    from the template after the writer's answer ("Jo Patel (please note if carer)") is S03's."""
    value = value.strip()
    prompts = template.header_prompt_pattern
    if value and prompts is not None:
        answer = prompts.sub(" ", value).strip()
        if not answer:
            return True  # only the instruction: the field was never filled in
        value = answer
    return bool(value) and any(p.search(value) for p in template.header_patterns)


def subsection_text(recording: Recording, sub: Subsection) -> str:
    return recording.excerpt(sub.content)


def written_answer(recording: Recording, sub: Subsection) -> str:
    """What the writer put under a subsection's label, without bullets and spacing ("- see above"
    -> "see above"); "" when nothing was written."""
    return " ".join(subsection_text(recording, sub).split()).strip("-–• ")


def quote(text: str, limit: int = 60) -> str:
    """A short quotation of the writer's text for a message."""
    text = " ".join(text.split())
    return f"'{text}'" if len(text) <= limit else f"'{text[: limit - 1].rstrip()}…'"


def missing_subsections(parsed, subsection: str):
    """Yield (section, found subsection or None) where ``subsection`` is absent or empty.

    Only sections that are present and have some content are judged: S01 and S02 report
    missing and empty sections, so one gap gives one finding.
    """
    recording = parsed.recording
    template = recording.template
    for definition in template.sections:
        if subsection not in definition.subsections:
            continue
        section = recording.sections.get(definition.name)
        if section is None or not section.content:
            continue
        found = section.subsections.get(subsection)
        if found is None or is_empty_answer(subsection_text(recording, found), template):
            yield definition, section, found


def present_field(recording: Recording) -> HeaderField | None:
    """The "Present at contact" field, unless missing or the template's filler (H01 and S04 report those)."""
    field = recording.header.get("present")
    return None if field is None or is_placeholder(field.value, recording.template) else field


def first_name(person) -> str:
    """The first word of a present person's name (lower case), past "baby" or "little"."""
    return first_word(person.name).lower() if person.name.split() else ""


def named_in_header(recording: Recording) -> set[str]:
    """First names (lower case) of the children, with their initials, the supervisor and the
    report writer: people whose place at contact the header already explains."""
    names: set[str] = set()
    for child in recording.children:
        first = child.name.split()[0]
        names.update(w.lower() for w in [first, *child.detail.split()] if w.replace("-", "").isalpha())
        # note-style initials for a child: "T" for Tyler, "LM" for Lily-Mae
        names.add("".join(part[:1] for part in first.split("-")).lower())
    for key in ("supervised_by", "report_by"):
        field = recording.header.get(key)
        if field:
            names.update(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]+", field.value))
    return names
