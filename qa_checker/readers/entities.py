"""Entity references in a Word package's XML, replaced by the text they stand for.

Word never writes a DTD, but a hand-made or converted file can declare entities and use them
(``<!ENTITY who "Sarah">`` ... ``&who; arrived``). python-docx keeps each reference as a node of
its own, so the text after it would be lost to the reader, and a copy saved from the tree would
use an entity whose declaration it no longer holds, which Word and LibreOffice refuse. Here each
reference becomes its text; an entity that points outside the document is never fetched, and
expansion stops at the recording's character limit.
"""

from __future__ import annotations

import re

from lxml import etree

from qa_checker.readers.errors import MAX_TEXT_CHARS, Malformed

_REFERENCE = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_:][\w.:-]*);")
_PREDEFINED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_DEPTH = 16


class TooLong(Exception):
    """Expanding the entities would pass the recording's character limit."""


def resolve_entities(document) -> None:
    """Replace every entity reference in the document's loaded XML parts by its text.

    Raises :class:`Malformed` naming the part, or :class:`TooLong`."""
    from docx.opc.part import XmlPart

    budget = [MAX_TEXT_CHARS]
    for part in document.part.package.iter_parts():
        if isinstance(part, XmlPart):
            _resolve(part.element, str(part.partname).lstrip("/"), budget)


def _resolve(root, part: str, budget: list[int]) -> None:
    references = list(root.iter(etree.Entity))
    if not references:
        return
    dtd = root.getroottree().docinfo.internalDTD
    declared = {e.name: e for e in dtd.iterentities()} if dtd is not None else {}
    for reference in references:
        text = _expand(reference.name, declared, part, budget, 0)
        try:
            _replace(reference, text)
        except ValueError:  # lxml refuses a character XML does not allow (a NUL, a lone surrogate)
            raise Malformed(f"{part} declares an entity holding a character XML does not allow (&{reference.name};)") from None


def _expand(name: str, declared: dict, part: str, budget: list[int], depth: int) -> str:
    if name in _PREDEFINED:
        return _PREDEFINED[name]
    entity = declared.get(name)
    if entity is None:
        raise Malformed(f"{part} uses the entity &{name}; without declaring it")
    if entity.content is None or entity.system_url:
        raise Malformed(f"{part} refers to text outside the document (the entity &{name};)")
    if depth > _DEPTH:
        raise Malformed(f"{part} declares entities that refer to each other without end (&{name};)")
    if "<" in entity.content:
        raise Malformed(f"{part} declares an entity holding markup (&{name};)")

    def one(match: re.Match) -> str:
        ref = match.group(1)
        if ref.startswith("#"):
            try:
                return chr(int(ref[2:], 16) if ref[1] in "xX" else int(ref[1:]))
            except (ValueError, OverflowError):
                raise Malformed(f"{part} declares an entity with a character reference that is no character (&{name};)") from None
        return _expand(ref, declared, part, budget, depth + 1)

    text = _REFERENCE.sub(one, entity.content)
    budget[0] -= len(text)
    if budget[0] < 0:
        raise TooLong
    return text


def _replace(reference, text: str) -> None:
    """Put ``text`` and the reference's tail where the reference was, then remove it.

    lxml's own text and tail are used: python-docx's element classes make ``text`` read-only."""
    joined = text + (reference.tail or "")
    previous = reference.getprevious()
    if previous is not None:
        _TAIL.__set__(previous, (_TAIL.__get__(previous) or "") + joined)
    else:
        parent = reference.getparent()
        _TEXT.__set__(parent, (_TEXT.__get__(parent) or "") + joined)
    _TAIL.__set__(reference, None)
    reference.getparent().remove(reference)


_TEXT = etree.ElementBase.text
_TAIL = etree.ElementBase.tail
