"""Step 1: find the section headings and subsection labels.

A heading is recognised by what it says (one of the template's aliases, after numbering,
"Heading 1" prefixes, Markdown marks and end punctuation are dropped), whether it is styled
as a heading, bold, capitalised or plain. An inline label ("What is working well? Mum
arrived...") is an alias followed by "?" or ":" and the writer's text on the same line.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from qa_checker.document import Block
from qa_checker.template import Template, normalise_label

_PREFIX = r"^\s*(?:#{1,6}\s*)?(?:\*\*|__)?\s*(?:heading\s*\d+\s+|section\s*\d+[.:)]?\s+|\d+(?:\.\d+)*[.:)]?\s+|[a-h][.)]\s+)?"


@dataclass(frozen=True)
class Label:
    """A heading or label found in a block: what it names and where the body after it starts."""

    name: str
    block: int
    start: int
    end: int
    body_start: int


def _alias_regex(alias: str) -> str:
    words = [re.escape(w) for w in re.split(r"\s+", alias)]
    return r"\s+".join(words).replace(r"/", r"\s*/\s*").replace("'", "['’]?")


@functools.cache
def _compiled(names_aliases: tuple[tuple[str, tuple[str, ...]], ...]):
    whole: dict[str, str] = {}
    inline = []
    for name, aliases in names_aliases:
        for alias in aliases:
            whole.setdefault(alias, name)
            inline.append((len(alias), name, alias))
    inline.sort(reverse=True)
    pattern = re.compile(
        _PREFIX + r"(?P<label>" + "|".join(f"(?P<a{i}>{_alias_regex(a)})" for i, (_, _, a) in enumerate(inline)) + r")"
        + r"\s*(?:\*\*|__)?\s*(?P<sep>[:?]|\s[-–—]\s)\s*(?:\*\*|__)?",
        re.IGNORECASE,
    )
    names = [name for _, name, _ in inline]
    return whole, pattern, names


def is_capitalised(text: str) -> bool:
    if len(text.split()) > 8:
        return False  # checked first: it is cheap, and most blocks are long paragraphs
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


def heading_like(block: Block) -> bool:
    return bool(block.heading_level) or block.bold or is_capitalised(block.text)


def match_label(block: Block, index: int, aliases: tuple[tuple[str, tuple[str, ...]], ...]) -> Label | None:
    """Match a whole-line or inline label of one of ``aliases`` ((name, aliases) pairs)."""
    text = block.text
    norm = normalise_label(text)
    if not norm:
        return None
    whole, inline, names = _compiled(aliases)
    name = whole.get(norm)
    if name is None and heading_like(block) and len(norm.split()) <= 6:
        name = next((n for alias, n in whole.items() if norm.startswith(alias + " ")), None)
    if name is not None:
        return Label(name, index, block.start, block.end, block.end)
    match = inline.match(text)
    if match and match.end() < len(text):
        group = next(k for k, v in match.groupdict().items() if v is not None and k.startswith("a"))
        rest = text[match.end():]
        if rest.strip():
            return Label(names[int(group[1:])], index, block.start, block.start + match.end(), block.start + match.end())
    return None


def section_aliases(template: Template) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((s.name, s.aliases) for s in template.sections if s.aliases)


def subsection_aliases(template: Template) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((s.name, s.aliases) for s in template.subsections)


def find_headings(blocks: tuple[Block, ...], template: Template) -> list[Label]:
    """The first heading of each section, in document order (a repeated heading is content)."""
    aliases = section_aliases(template)
    found: list[Label] = []
    seen: set[str] = set()
    for index, block in enumerate(blocks):
        label = match_label(block, index, aliases)
        if label and label.name not in seen:
            seen.add(label.name)
            found.append(label)
    return found
