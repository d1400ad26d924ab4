"""The splitter's steps: headings, header fields, subsections, prompts."""

from __future__ import annotations

import pytest

from qa_checker.document import Block, DocumentBuilder
from qa_checker.readers.text import parse_text
from qa_checker.splitter import split
from qa_checker.splitter.headings import find_headings, match_label, section_aliases
from qa_checker.template import load_template, normalise_label

TEMPLATE = load_template()


@pytest.mark.parametrize(("line", "style", "section"), [
    ("INTRODUCTIONS", {}, "introductions"),
    ("Introductions", {"heading_level": 1}, "introductions"),
    ("Basic needs", {"bold": True}, "basic_needs"),
    (" Heading 3 EMOTIONAL WARMTH  ", {}, "emotional_warmth"),
    ("4. Goodbye:", {}, "goodbye"),
    ("What needs to happen?", {}, "what_needs_to_happen"),
    ("Scaling: Overall 7/10", {}, "scaling"),
    ("Reflection / Analysis", {}, "reflection"),
    ("REFLECTION/ANALYSIS OF CONTACT", {}, "reflection"),
    ("reflection and analysis", {}, "reflection"),
])
def test_heading_forms(line, style, section):
    builder = DocumentBuilder()
    block = builder.add(line, **style)
    label = match_label(block, 0, section_aliases(TEMPLATE))
    assert label is not None and label.name == section


@pytest.mark.parametrize("line", [
    "Goodbyes can be hard for Jayden.",
    "Basic needs were met throughout.",
    "The scaling is below.",
    "Reflection of light on the window caught Amelia's eye.",
    "Introductions went smoothly",
])
def test_sentences_are_not_headings(line):
    block = DocumentBuilder().add(line)
    assert match_label(block, 0, section_aliases(TEMPLATE)) is None


def test_repeated_heading_is_content():
    doc = parse_text("INTRODUCTIONS\nMum arrived.\nGOODBYE\nBye.\nGOODBYE\nAgain.", "r.txt")
    headings = find_headings(doc.blocks, TEMPLATE)
    assert [h.name for h in headings] == ["introductions", "goodbye"]
    recording = split(doc, TEMPLATE)
    assert recording.excerpt(recording.sections["goodbye"].content) == "Bye.\nGOODBYE\nAgain."


def test_inline_subsection_labels_and_content():
    doc = parse_text(
        "BASIC NEEDS\nWhat is working well? Mum brought a snack.\nMore detail.\nWhat are you worried about? Nothing; she cut it up.",
        "r.txt",
    )
    section = split(doc, TEMPLATE).sections["basic_needs"]
    recording = split(doc, TEMPLATE)
    assert recording.excerpt(section.subsections["working_well"].content) == "Mum brought a snack.\nMore detail."
    assert recording.excerpt(section.subsections["worried_about"].content) == "Nothing; she cut it up."


@pytest.mark.parametrize(("text", "expected"), [
    ("Child's Name: Amelia (7) and Jayden (4)\nINTRODUCTIONS\nx", {"child": "Amelia (7) and Jayden (4)"}),
    ("Child’s name:\nAmelia\nDate of contact -  12/03/2025\nINTRODUCTIONS\nx", {"child": "Amelia", "date": "12/03/2025"}),
    ("Present at contact (inc relationship to child): Mum, Amelia\nINTRODUCTIONS\nx", {"present": "Mum, Amelia"}),
    ("Time 16:00 to 17:30\nINTRODUCTIONS\nx", {"time": "16:00 to 17:30"}),
    ("Time was short today.\nINTRODUCTIONS\nx", {}),
])
def test_header_fields(text, expected):
    recording = split(parse_text(text, "r.txt"), TEMPLATE)
    assert {k: v.value for k, v in recording.header.items()} == expected


def test_header_table_with_value_cells():
    builder = DocumentBuilder()
    from qa_checker.document import Cell

    builder.add("Child's Name", cell=Cell(0, 0, 0))
    builder.add("Amelia", cell=Cell(0, 0, 1))
    builder.add("Date of Contact", cell=Cell(0, 1, 0))
    builder.add("12/03/2025", cell=Cell(0, 1, 1))
    builder.add("Time", cell=Cell(0, 1, 2))
    builder.add("16:00 - 17:00", cell=Cell(0, 1, 3))
    builder.add("INTRODUCTIONS", heading_level=1)
    recording = split(builder.build("r.docx", "docx"), TEMPLATE)
    assert {k: v.value for k, v in recording.header.items()} == {
        "child": "Amelia", "date": "12/03/2025", "time": "16:00 - 17:00",
    }


def test_prompt_sentences_are_not_content():
    doc = parse_text(
        "GOODBYE\nPROMPTS ONLY IN BLUE for you to use\nWhat happened in the goodbyes between family members?   "
        "Mum hugged Leo at 17:25.\nWhat is working well?\nLeo waved.",
        "r.txt",
    )
    recording = split(doc, TEMPLATE)
    section = recording.sections["goodbye"]
    assert recording.excerpt(section.content) == "Mum hugged Leo at 17:25.\nLeo waved."
    assert [recording.text[s:e] for s, e in section.prompts] == [
        "PROMPTS ONLY IN BLUE for you to use", "What happened in the goodbyes between family members?",
    ]


def test_blue_runs_are_not_content():
    builder = DocumentBuilder()
    builder.add("GOODBYE", heading_level=1)
    builder.add("Describe the goodbye. Mum hugged Leo.", prompt_ranges=[(0, 21)])
    recording = split(builder.build("r.docx", "docx"), TEMPLATE)
    assert recording.excerpt(recording.sections["goodbye"].content) == "Mum hugged Leo."


@pytest.mark.parametrize(("raw", "norm"), [
    ("Heading 1 INTRODUCTIONS", "introductions"),
    ("## 2. Basic Needs:", "basic needs"),
    ("REFLECTION / ANALYSIS", "reflection/analysis"),
    ("What’s working well?", "what's working well"),
])
def test_normalise_label(raw, norm):
    assert normalise_label(raw) == norm


def test_children_and_present_from_header():
    recording = split(parse_text(
        "Child's Name: Amelia (7), Jayden (Jay) aged 4 & Leo\nPresent at contact: Sarah Smith, mother; Nan\nINTRODUCTIONS\nx",
        "r.txt"), TEMPLATE)
    assert [(c.name, c.detail) for c in recording.children] == [("Amelia", ""), ("Jayden", "Jay"), ("Leo", "")]
    assert [(p.name, p.detail) for p in recording.present] == [("Sarah Smith", "mother"), ("Nan", "")]


def test_block_is_prompt_only_when_fully_blue():
    assert Block(0, 5, "Hello", prompt_spans=((0, 5),)).is_prompt
    assert not Block(0, 5, "Hello", prompt_spans=((0, 2),)).is_prompt


@pytest.mark.parametrize(("value", "people"), [
    # a sentence after the list is not split at its commas: a place is no person
    ("Craig Finch (Dad), Reggie. Foster carer Donna Gray sat with Reggie at her house in Hollingbury, Brighton. "
     "Video call on Teams.",
     [("Craig Finch", "Dad"), ("Reggie", ""),
      ("Foster carer Donna Gray sat with Reggie at her house in Hollingbury, Brighton", "Video call on Teams")]),
    # a full stop after a short name ends the list; the name leads a sentence in a list
    ("Stacey Zeller (Mum), Kayden, Mia. Craig (Mum's brother) also there.",
     [("Stacey Zeller", "Mum"), ("Kayden", ""), ("Mia", ""), ("Craig", "Mum's brother also there")]),
    ("Mum, Dad, Shane came for the last hour", [("Mum", ""), ("Dad", ""), ("Shane", "came for the last hour")]),
    ("Gill Marsh (foster carer) at pick-up only, Amelia", [("Gill Marsh", "foster carer at pick-up only"), ("Amelia", "")]),
    ("Mrs. Jones (foster carer), Mum and Dad, Leo", [("Mrs. Jones", "foster carer"), ("Mum", ""), ("Dad", ""), ("Leo", "")]),
    # a plural relationship before two names is both's (train w16-05: H05 asked who Angela Price was)
    ("Nicola (mother). Foster carers Sue Maddox (Ruby) and Angela Price (Darcy) at handover only.",
     [("Nicola", "mother"), ("Foster carers Sue Maddox", "Ruby"), ("Angela Price", "Darcy at handover only foster carer")]),
    ("Grandparents Pat and Tony Lowe, Kai", [("Grandparents Pat", ""), ("Tony Lowe", "grandparent"), ("Kai", "")]),
    ("Foster carers Sue Maddox, Kai (brother)", [("Foster carers Sue Maddox", ""), ("Kai", "brother")]),
    # a name in brackets alone is still a person (dev w29-04); a bracket of words is not
    ("Mum, Leah, Riley, (Lee)", [("Mum", ""), ("Leah", ""), ("Riley", ""), ("Lee", "")]),
    ("Mum, Leah (age 12), Riley", [("Mum", ""), ("Leah", ""), ("Riley", "")]),
])
def test_present_reads_sentences_and_lists(value, people):
    from qa_checker.splitter.model import HeaderField
    from qa_checker.splitter.people import present

    template = load_template()
    field = HeaderField("present", (0, 0), value, (0, len(value)))
    assert [(p.name, p.detail) for p in present(field, template.relationship_words, template.address_words)] == people
