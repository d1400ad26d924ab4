"""Template splitter: document -> header, sections and subsections (as offsets).

The steps, each tested on its own: find headings (``headings``), read the header (``header``),
assign bodies and find subsection labels (here), mark prompts (``prompts``).
"""

from __future__ import annotations

from qa_checker.document import Block, SourceDocument
from qa_checker.splitter import people
from qa_checker.splitter.header import parse_header
from qa_checker.splitter.headings import Label, find_headings, match_label, subsection_aliases
from qa_checker.splitter.model import Recording, Section, Span, Subsection
from qa_checker.splitter.prompts import block_sentences, furniture_spans, prompt_spans
from qa_checker.splitter.spans import merge, subtract, trim
from qa_checker.template import Template

__all__ = ["split", "Recording", "Section", "Subsection"]


def split(document: SourceDocument, template: Template) -> Recording:
    """Split a document into the template's header and sections."""
    blocks = document.blocks
    text = document.text
    headings = find_headings(blocks, template)
    split_once = block_sentences(blocks, text)
    prompts = prompt_spans(blocks, text, template, split_once)
    not_content = merge(prompts + furniture_spans(blocks, text, template, split_once))
    header_end = headings[0].start if headings else len(text)
    header_blocks = tuple(b for b in blocks if b.end <= header_end)
    header = parse_header(header_blocks, text, template)
    sections: dict[str, Section] = {}
    for position, heading in enumerate(headings):
        end = headings[position + 1].start if position + 1 < len(headings) else len(text)
        sections[heading.name] = _section(document, template, heading, end, prompts, not_content)
    return Recording(
        document=document,
        template=template,
        header_region=(0, header_end),
        header=header,
        sections=sections,
        children=people.children(header.get("child")),
        present=people.present(header.get("present"), template.relationship_words, template.address_words),
    )


def _section(document, template, heading: Label, end: int, prompts, not_content) -> Section:
    text = document.text
    definition = template.section(heading.name)
    body_blocks = [(i, b) for i, b in enumerate(document.blocks) if b.start >= heading.start and b.end <= end]
    labels = _subsection_labels(body_blocks, template, definition.subsections, heading)
    holes = merge(not_content + [(heading.start, heading.end)] + [(label.start, label.end) for label in labels])
    subsections = {}
    for position, label in enumerate(labels):
        sub_end = labels[position + 1].start if position + 1 < len(labels) else end
        if label.name not in subsections:
            subsections[label.name] = Subsection(
                name=label.name, label=(label.start, label.end), start=label.body_start, end=sub_end,
                content=tuple(writer_spans(document.blocks, text, label.body_start, sub_end, holes)),
            )
    return Section(
        name=heading.name,
        heading=(heading.start, heading.end),
        start=heading.body_start,
        end=end,
        content=tuple(writer_spans(document.blocks, text, heading.body_start, end, holes)),
        prompts=tuple((s, e) for s, e in prompts if s >= heading.body_start and e <= end),
        subsections=subsections,
    )


def _subsection_labels(body_blocks: list[tuple[int, Block]], template, names, heading) -> list[Label]:
    if not names:
        return []
    aliases = tuple(pair for pair in subsection_aliases(template) if pair[0] in names)
    found = []
    for index, block in body_blocks:
        if block.start == heading.start and heading.body_start >= block.end:
            continue
        label = match_label(block, index, aliases)
        if label:
            found.append(label)
    return found


def writer_spans(blocks, text: str, start: int, end: int, holes: list[Span]) -> list[Span]:
    """What the writer wrote between ``start`` and ``end``: line by line, template text removed."""
    out = []
    for block in blocks:
        if block.end <= start or block.start >= end:
            continue
        clipped = (max(block.start, start), min(block.end, end))
        for piece in subtract(clipped, holes):
            trimmed = trim(text, piece)
            if trimmed:
                out.append(trimmed)
    return out
