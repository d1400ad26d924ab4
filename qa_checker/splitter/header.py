"""Step 2: read the header fields (Child's Name, Present at contact, Date, Time...)."""

from __future__ import annotations

import re

from qa_checker.document import Block
from qa_checker.splitter.headings import _alias_regex
from qa_checker.splitter.model import HeaderField
from qa_checker.template import Template

# Fields whose value may run over several lines ("Present at contact:" then one person a line).
_MULTILINE = {"child", "present"}
_MAX_VALUE_LINES = 8


def _label_pattern(template: Template) -> tuple[re.Pattern[str], list[str]]:
    pairs = sorted(
        ((alias, f.name) for f in template.header_fields for alias in f.aliases),
        key=lambda p: -len(p[0]),
    )
    alternatives = "|".join(f"(?P<f{i}>{_alias_regex(a)})" for i, (a, _) in enumerate(pairs))
    pattern = re.compile(
        r"^\s*(?:\*\*)?(?:" + alternatives + r")(?:\*\*)?\s*(?P<paren>\([^)]*\))?\s*(?:\*\*)?\s*(?P<sep>[:\-–]|\t)?\s*(?:\*\*)?\s*",
        re.IGNORECASE,
    )
    return pattern, [name for _, name in pairs]


def _match(block: Block, pattern: re.Pattern[str], names: list[str]) -> tuple[str, tuple[int, int], int] | None:
    """(field name, the label's words, where the value starts) when the block opens with a label."""
    match = pattern.match(block.text)
    if not match:
        return None
    group = next(k for k, v in match.groupdict().items() if v is not None and k.startswith("f"))
    alias_text = match.group(group)
    rest = block.text[match.end():]
    separated = match.group("sep") is not None
    if not separated and rest.strip():
        # "Time 10:00 to 11:30" is a label; "Time was short" is not.
        if not (block.cell or " " in alias_text.strip() or rest.lstrip()[:1].isdigit()):
            return None
    if block.text[match.end(group):match.end(group) + 1].isalnum():
        return None  # "Timeline", "Dated": the alias is only the start of a word
    return names[int(group[1:])], match.span(group), match.end()


def parse_header(blocks: tuple[Block, ...], text: str, template: Template) -> dict[str, HeaderField]:
    """Header fields found in ``blocks`` (the lines before the first section heading)."""
    pattern, names = _label_pattern(template)
    labels = {i: _match(b, pattern, names) for i, b in enumerate(blocks)}
    fields: dict[str, HeaderField] = {}
    for index, found in labels.items():
        if not found:
            continue
        name, (label_start, label_end), offset = found
        if name in fields:
            continue
        block = blocks[index]
        label_span = (block.start + label_start, block.start + label_end)
        value_blocks = _value_blocks(blocks, labels, index, name, offset)
        if value_blocks:
            first, last = value_blocks[0], value_blocks[-1]
            start = first[0]
            end = last[1]
            value = "\n".join(text[s:e] for s, e in value_blocks).strip()
            fields[name] = HeaderField(name, label_span, value, (start, end) if value else None)
        else:
            fields[name] = HeaderField(name, label_span, "", None)
    return fields


def _value_blocks(blocks, labels, index, name, offset) -> list[tuple[int, int]]:
    block = blocks[index]
    rest_start = block.start + offset
    if block.text[offset:].strip():
        return [(rest_start, block.end)]
    if block.cell is not None:
        return [
            (b.start, b.end) for b in blocks
            if b.cell and b.cell.table == block.cell.table and b.cell.row == block.cell.row
            and b.cell.column == block.cell.column + 1 and b.text.strip()
        ] or _following_in_cell(blocks, labels, index)
    out: list[tuple[int, int]] = []
    for later in range(index + 1, min(len(blocks), index + 1 + _MAX_VALUE_LINES)):
        candidate = blocks[later]
        if labels.get(later) or candidate.cell is not None:
            break
        if not candidate.text.strip():
            if out:
                break
            continue
        out.append((candidate.start, candidate.end))
        if name not in _MULTILINE:
            break
    return out


def _following_in_cell(blocks, labels, index) -> list[tuple[int, int]]:
    """A label cell whose value is on the next line of the same cell."""
    block = blocks[index]
    out = []
    for later in range(index + 1, len(blocks)):
        candidate = blocks[later]
        if candidate.cell != block.cell or labels.get(later):
            break
        if candidate.text.strip():
            out.append((candidate.start, candidate.end))
    return out
