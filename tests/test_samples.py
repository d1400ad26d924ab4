"""The bundled samples give exactly the findings their flaws call for (see samples/_build/manifest.toml)."""

from __future__ import annotations

import pytest
from conftest import SAMPLES, TODAY

from qa_checker import check_file

PROMPTS = "PROMPTS ONLY IN BLUE for you to use"

EXPECTED = {
    "bank-holiday-noah-2025-08-25.docx": (["Noah Bailey"], [
        ("H04", "header", None, "25 August 2025"),
    ]),
    "flawed-blue-prompts-tyler.docx": (["Tyler Brennan"], [
        ("H02", "header", None, "31/02/2025"),
        ("H03", "header", None, "15:00 to 14:00"),
        ("S03", "introductions", None, PROMPTS),
        ("S03", "basic_needs", None, PROMPTS),
        ("S02", "emotional_warmth", None, "EMOTIONAL WARMTH"),
        ("S03", "emotional_warmth", None, PROMPTS),
        ("S03", "goodbye", None, PROMPTS),
        ("S03", "what_needs_to_happen", None, "E.g. behaviour of child, adult, accidents, exclusions who have you reported/communicated with? When? and How?"),
        ("S03", "scaling", None, "On a scale of 0 – 10 where 0 is that you felt the contact was very difficult for the child, whether physically or emotionally, and 10 being that the contact was very well managed and there were no concerns if you were facilitating the contact / have enough feedback to rate this."),
        ("S03", "reflection", None, "This section should cover how you felt the contact went, draw upon any difficulties experiences, and the parts that worked well in contact. Include your interpretation of the contact, using phrases such as “In my professional opinion…” “It was felt that…”."),
    ]),
    "flawed-placeholders-ruby.md": (["Ruby Walsh"], [
        ("H01", "header", None, None),
        ("S04", "header", None, "00.00.2020"),
        ("S04", "header", None, "00.00 to 00.00"),
        ("S04", "header", None, "……"),
        ("S01", "reflection", None, None),
    ]),
    "flawed-sunday-sophie-oliver-2025-05-04.docx": (["Sophie Dunn", "Oliver Dunn"], [
        ("H04", "header", None, "Sunday 4 May 2025"),
        ("S01", "what_needs_to_happen", None, None),
    ]),
    "flawed-text-export-leo-mia.txt": (["Leo Foster", "Mia Foster"], [
        ("S03", "introductions", None, PROMPTS),
        ("S03", "basic_needs", None, PROMPTS),
        ("W02", "basic_needs", None, "What are you worried about?"),
        ("S03", "emotional_warmth", None, PROMPTS),
        ("W02", "goodbye", None, "What are you worried about?"),
        ("S03", "what_needs_to_happen", None, "E.g. behaviour of child, adult, accidents, exclusions who have you reported/communicated with? When? and How?"),
    ]),
    "good-amelia-jayden-2025-03-12.docx": (["Amelia Carter", "Jayden Carter"], []),
    "good-harper-2025-06-12.txt": (["Harper Lang"], []),
    "inline-labels-kai-2026-02-14.txt": (["Kai Whitfield"], [
        ("H05", "header", None, "Dad (father), Kai, Shannon"),
    ]),
    "three-children-2026-09-17.docx": (["Freya Parker", "Archie Parker", "Isla Parker"], []),
    "tracked-changes-ella.docx": (["Ella Hughes"], []),
}


def test_every_sample_has_expectations():
    files = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in {".docx", ".txt", ".md"})
    assert files == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_findings(name):
    children, expected = EXPECTED[name]
    report = check_file(SAMPLES / name, today=TODAY)
    assert report.error is None
    assert report.children == children
    found = [(f.rule, f.section, f.child, f.text.splitlines()[0].strip() if f.text else None) for f in report.findings]
    assert found == expected
    assert report.passed == (not any(f.severity.value == "error" for f in report.findings))


def test_tracked_changes_sample_reads_accepted_text():
    from qa_checker.readers import read_document

    text = read_document(SAMPLES / "tracked-changes-ella.docx").text
    assert "warm and well organised" in text
    assert "rubbish" not in text and "OFFICIAL-SENSITIVE" not in text
