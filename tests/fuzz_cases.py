"""Broken and hostile recordings made by Hypothesis: a good Word file with its parts mutated
(attributes set to hostile values, elements inserted, removed or retyped, bytes flipped, entities
declared, the zip cut short), and text files of random lines and bytes.

Shared by tests/test_fuzz.py (a few hundred cases on every run) and bench/bench_fuzz.py (5,000).
Every case must end in a report or one line naming the file: never an exception.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from hypothesis import strategies as st
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PARTS = ("word/document.xml", "word/styles.xml", "word/comments.xml", "word/_rels/document.xml.rels",
         "[Content_Types].xml", "word/numbering.xml")
# Values a number, an id, a colour or a style name could be given by a hostile file.
HOSTILE = ("", "-1", "0", "1", "2", "9", "10", "99999999999999999999", "\u00b2", "\u0663", "\u0e52", "1.5", "1e3",
           " 1", "0x10", "true", "false", "continue", "restart", "auto", "0070C0", "zzzzzz", "Heading1", "heading 1",
           "Heading\u00b9", "Normal", "x" * 300, "\u202e", "\x1b]0;title\x07", "../../etc/passwd", "rId1", "rId999")
TAGS = ("p", "r", "t", "tbl", "tr", "tc", "tcPr", "gridSpan", "vMerge", "pPr", "rPr", "pStyle", "rStyle", "outlineLvl",
        "numPr", "b", "color", "vanish", "sdt", "sdtContent", "customXml", "ins", "del", "moveFrom", "br", "cr", "tab",
        "ptab", "noBreakHyphen", "commentRangeStart", "commentRangeEnd", "commentReference", "comment", "txbxContent",
        "fldSimple", "hyperlink", "smartTag", "style", "name", "basedOn", "body", "document")
ATTRIBUTES = ("val", "id", "styleId", "type", "author")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12))
# Digits that are not ASCII (superscripts, Arabic-Indic, Thai), which str.isdigit() accepts and int() may not.
numbers = st.one_of(st.sampled_from(("\u00b2", "\u00b9", "\u0663", "\u0e52", "", "-1", "1.5", " 1", "99999999999999999999")),
                    st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=3))
# Where the format puts numbers, ids, styles and colours: (parent element, child to add or set, attribute).
TARGETS = (("tcPr", "gridSpan", "val"), ("tcPr", "vMerge", "val"), ("pPr", "outlineLvl", "val"),
           ("pPr", "pStyle", "val"), ("rPr", "rStyle", "val"), ("rPr", "color", "val"), ("rPr", "b", "val"),
           ("rPr", "vanish", "val"), ("comment", None, "id"), ("commentRangeStart", None, "id"),
           ("commentRangeEnd", None, "id"), ("commentReference", None, "id"), ("style", None, "styleId"),
           ("style", "basedOn", "val"), ("style", "name", "val"), ("p", "commentRangeStart", "id"),
           ("r", "commentReference", "id"), ("tc", "tcPr", "val"), ("numPr", "ilvl", "val"))
texts = st.text(max_size=200).map(lambda t: _NOT_XML.sub("", t))


@st.composite
def element_edit(draw):
    kind = draw(st.sampled_from(("attribute", "insert", "remove", "retag", "text", "entity")))
    return (kind, draw(st.integers(0, 10_000)), draw(st.sampled_from(TAGS)), draw(st.sampled_from(ATTRIBUTES)),
            draw(values), draw(texts))


@st.composite
def targeted_edit(draw):
    parent, child, attribute = draw(st.sampled_from(TARGETS))
    return ("targeted", draw(st.integers(0, 10_000)), parent, child, attribute, draw(st.one_of(numbers, values)))


@st.composite
def byte_edit(draw):
    return ("bytes", draw(st.integers(0, 10_000_000)), draw(st.binary(max_size=8)), draw(st.integers(0, 8)))


@st.composite
def docx_mutations(draw):
    """A list of (part, edit) and whether to cut the zip short."""
    edits = draw(st.lists(st.tuples(st.sampled_from(PARTS), st.one_of(targeted_edit(), targeted_edit(), element_edit(), byte_edit())),
                          min_size=1, max_size=5))
    cut = draw(st.one_of(st.none(), st.integers(0, 100_000)))
    return edits, cut


def mutate_docx(source: Path, target: Path, mutations) -> Path:
    """Write ``source`` with ``mutations`` (from :func:`docx_mutations`) applied to ``target``."""
    edits, cut = mutations
    with zipfile.ZipFile(source) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    for part, edit in edits:
        data = parts.get(part, b"")
        if edit[0] == "bytes":
            parts[part] = _bytes(data, edit)
        elif edit[0] == "targeted":
            parts[part] = _targeted(data, edit)
        else:
            parts[part] = _element(data, edit)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    if cut is not None:
        data = target.read_bytes()
        target.write_bytes(data[: cut % max(1, len(data))])
    return target


def _bytes(data: bytes, edit) -> bytes:
    _, position, payload, drop = edit
    at = position % (len(data) + 1)
    return data[:at] + payload + data[at + drop:]


def _parse(data: bytes):
    try:
        return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None


def _targeted(data: bytes, edit) -> bytes:
    _, index, parent, child, attribute, value = edit
    root = _parse(data)
    found = list(root.iter(f"{{{W}}}{parent}")) if root is not None else []
    if not found:
        return data
    element = found[index % len(found)]
    if child is not None:
        element = element.find(f"{{{W}}}{child}") if element.find(f"{{{W}}}{child}") is not None else \
            etree.SubElement(element, f"{{{W}}}{child}")
    try:
        element.set(f"{{{W}}}{attribute}", value)
    except ValueError:
        return data
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _element(data: bytes, edit) -> bytes:
    kind, index, tag, attribute, value, text = edit
    root = _parse(data)
    if root is None:
        return data
    elements = [root, *root.iter(etree.Element)]
    element = elements[index % len(elements)]
    name = f"{{{W}}}{tag}"
    try:
        if kind == "attribute":
            element.set(f"{{{W}}}{attribute}", value)
        elif kind == "insert":
            child = etree.SubElement(element, name)
            child.set(f"{{{W}}}{attribute}", value)
            child.text = text or None
        elif kind == "remove" and element is not root:
            element.getparent().remove(element)
        elif kind == "retag":
            element.tag = name
        elif kind == "text":
            element.text = text
        elif kind == "entity":
            body = etree.tostring(root, encoding="unicode")
            declared = f'<!DOCTYPE x [<!ENTITY e "{_NOT_XML.sub("", value).replace("&", "").replace("<", "").replace(chr(34), "")}">]>'
            return (declared + body.replace(">", ">&e;", 1 + index % 3)).encode("utf-8")
    except ValueError:  # lxml refuses a value XML cannot hold: keep the part as it was
        return data
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# Text recordings: the good one's lines mixed with random lines, or random bytes.
def text_cases(good_lines: list[str]):
    lines = st.one_of(st.sampled_from(good_lines), st.text(max_size=120),
                      st.sampled_from(["# BASIC NEEDS", "Overall: \u00b2/10", "Scaling:", "| a | b |", "|---|",
                                       "Child's Name:", "**", "> quote", "- ", "\x1b[2J", "\u202e"]))
    as_text = st.lists(lines, max_size=60).map(lambda ls: "\n".join(ls).encode("utf-8", "surrogatepass"))
    return st.one_of(as_text, st.binary(max_size=2_000),
                     st.tuples(st.sampled_from(["utf-16", "cp1252", "utf-8-sig"]), st.lists(lines, max_size=30))
                     .map(lambda pair: "\n".join(pair[1]).encode(pair[0], "replace")))
