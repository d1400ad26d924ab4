"""What the splitter produces: a recording's header, sections and subsections, as offsets."""

from __future__ import annotations

from dataclasses import dataclass, field

from qa_checker.document import SourceDocument
from qa_checker.template import Template

Span = tuple[int, int]


@dataclass(frozen=True)
class Subsection:
    name: str
    label: Span
    start: int
    end: int
    content: tuple[Span, ...]


@dataclass(frozen=True)
class Section:
    """A section found in the recording: its heading, its body and the writer's content in it."""

    name: str
    heading: Span
    start: int
    end: int
    content: tuple[Span, ...]
    prompts: tuple[Span, ...] = ()
    subsections: dict[str, Subsection] = field(default_factory=dict)


@dataclass(frozen=True)
class HeaderField:
    name: str
    label: Span
    value: str
    value_span: Span | None


@dataclass(frozen=True)
class Person:
    """Someone listed in the header, with what the header says of them."""

    name: str
    detail: str
    span: Span | None = None


@dataclass(frozen=True)
class Recording:
    document: SourceDocument
    template: Template
    header_region: Span
    header: dict[str, HeaderField]
    sections: dict[str, Section]
    children: tuple[Person, ...] = ()
    present: tuple[Person, ...] = ()

    @property
    def text(self) -> str:
        return self.document.text

    def excerpt(self, spans: tuple[Span, ...] | list[Span]) -> str:
        """The writer's text in ``spans``, one line per span."""
        return "\n".join(self.text[s:e] for s, e in spans)
