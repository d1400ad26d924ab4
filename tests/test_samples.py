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


# What the phrasing rules flag in each sample (rule, section, sentence), read and judged by hand.
PHRASING = {
    "bank-holiday-noah-2025-08-25.docx": [
    ],
    "flawed-blue-prompts-tyler.docx": [
        # "Tyler was very upset in the corridor." follows the crying it sums up; the judge retrained
        # with wave 4 drops P02's proposal there (weak score below 0.25)
        ("P06", "what_needs_to_happen", 'Inform SW of Mum being late, the phone and the goodbye.'),
        ("P03", "scaling", 'The Lego was nice.'),
        ("P02", "scaling", 'Tyler 5/10 – Tyler enjoyed the Lego but was anxious at the start and upset at the end.'),
        ("P03", "reflection", 'When Mum was focused on him they had a nice time building the Lego and Tyler was happy.'),
        # "difficult" said of the goodbye is as vague as "fine" (issue 13: progress talk); the
        # quoted question and the times back "clearly anxious", and the trained decision drops P04 there
        ("P03", "reflection", 'The goodbye was difficult.'),
        # "I think Mum needs some support with goodbyes": the writer's own view in the reflection,
        # not a guess (P01's "own-view" entry; wave 4)
    ],
    "flawed-placeholders-ruby.md": [
        # found since the judge was retrained with wave 3 (veto 0.25): both proposals had been
        # dropped as plainly fine by the earlier model
        ("P03", "emotional_warmth", 'Mum spent quite a lot of time at the start talking to Jordan instead of playing with Ruby.'),
        ("P03", "goodbye", 'No worries, goodbye was fine.'),
    ],
    "flawed-sunday-sophie-oliver-2025-05-04.docx": [
        ("P03", "basic_needs", 'Oliver got a lot more of Dad’s attention than Sophie did.'),
        ("P01", "emotional_warmth", 'After Dad mentioned the hearing Sophie went quiet and seemed upset.'),
        ("P02", "reflection", 'The children were relaxed with their parents for most of the session and there was a lot of laughter during Uno.'),
        ("P03", "reflection", 'The children were relaxed with their parents for most of the session and there was a lot of laughter during Uno.'),
        # "tends to" says what Dad usually does, not what he did (a generalisation: P04)
        ("P04", "reflection", 'Dad tends to focus on Oliver through football.'),
    ],
    "flawed-text-export-leo-mia.txt": [
        ("P02", "introductions", 'The meet and greet went well and both children were pleased to see Dad.'),
        ("P03", "introductions", 'The meet and greet went well and both children were pleased to see Dad.'),
        ("P01", "introductions", 'I think Leo may have been tired after school.'),
        ("P03", "emotional_warmth", 'Mia was very affectionate with Dad and sat on his knee a lot.'),
        ("P02", "emotional_warmth", 'Mia was really happy with this.'),
        ("P05", "emotional_warmth", "At around 17:35 Leo kicked off when Dad said it was Mia's turn to choose the game."),
        ("P05", "emotional_warmth", 'Dad tried to talk to him but Leo refused to engage.'),
        ("P01", "emotional_warmth", 'Leo seemed upset for the rest of the session and was quite moody.'),
        ("P02", "emotional_warmth", 'Leo seemed upset for the rest of the session and was quite moody.'),
        ("P03", "emotional_warmth", 'Leo seemed upset for the rest of the session and was quite moody.'),
        ("P01", "emotional_warmth", "Mia seems to get more of Dad's attention than Leo does and I think Leo notices this."),
        ("P03", "goodbye", 'Goodbye went well.'),
        ("P06", "what_needs_to_happen", "I will pass on to the SW about Leo's behaviour and what Dad said about the carers."),
        # "Dad to have a think about how he spreads his attention between the children." was proposed
        # by the judge retrained with wave 4 (no pattern fires in it); retrained with wave 5 its weak
        # score is below `propose` (0.65), so it is no longer reported.
        # The overall scaling reason was dropped by the earlier trained decision (weak score 0.16);
        # the model retrained with wave 3 keeps it.
        ("P02", "scaling", 'The contact went well for the most part and Dad is good with the children but there was the incident with Leo and Dad made a comment about the carers in front of the children.'),
        ("P03", "scaling", 'The contact went well for the most part and Dad is good with the children but there was the incident with Leo and Dad made a comment about the carers in front of the children.'),
        # "I feel" is the writer's own view in the reflection; "good" is still vague
        ("P03", "reflection", 'Overall I feel this was a good contact.'),
        # what "things" were is not said
        ("P03", "reflection", 'Dad arrived on time and had brought things for the children which shows he had put thought into the session.'),
        ("P02", "reflection", "Mia is very close to her Dad and clearly enjoys her time with him."),
        ("P04", "reflection", 'Mia is very close to her Dad and clearly enjoys her time with him.'),
        # "a nice time" says nothing of what happened; kept since the veto went to 0.22 (after wave 5)
        ("P03", "reflection", 'Leo took a while to warm up but once he did he had a nice time playing football and talking about the Cobblers with Dad.'),
        ("P05", "reflection", 'Leo kicked off later in the session when he felt Mia was getting her own way.'),
        ("P03", "reflection", 'Dad engaged well and there were no concerns about his presentation.'),
    ],
    "good-amelia-jayden-2025-03-12.docx": [
    ],
    "good-harper-2025-06-12.txt": [
    ],
    "inline-labels-kai-2026-02-14.txt": [
        # "a bit defiant" comes with what Kai did ("would not take his turn until Dad asked him
        # twice"): the judge retrained with wave 4 drops P02's proposal, as the one notion of
        # evidence asks
        ("P05", "reflection", 'Dad claimed afterwards that Kai "was fine with it", but Kai\'s own words were "I just want it to be me and Dad".'),
    ],
    "three-children-2026-09-17.docx": [
    ],
    "tracked-changes-ella.docx": [
        ("P02", "introductions", 'Ella was clingy with Gill for the first few minutes.'),
    ],
}


# What the reflection rules (R) and the Family Time Agreement rules (A) flag in each sample
# (rule, section, child, flagged text), read and judged by hand. An R02 finding's text is the
# concern it names (from an earlier section); R01 and R04 point at the reflection's heading.
REFLECTION = {
    "bank-holiday-noah-2025-08-25.docx": [],
    "flawed-blue-prompts-tyler.docx": [
        # a worry in Basic Needs the reflection never mentions (lateness, phone and solicitor it does)
        ("R02", "reflection", None, "Tyler drank the whole can of Coke."),
    ],
    "flawed-placeholders-ruby.md": [],  # no reflection (S01), and the header times are placeholders
    "flawed-sunday-sophie-oliver-2025-05-04.docx": [
        # the final hearing, the grazed knee and the attention Oliver got are picked up; this is not
        ("R02", "reflection", None, "Sophie seemed reluctant to come in at first and stayed by the door for a couple of minutes."),
    ],
    "flawed-text-export-leo-mia.txt": [
        ("R02", "reflection", None, "Mia seems to get more of Dad's attention than Leo does and I think Leo notices this."),
        # No R01 since 2026-12-04: "Overall I feel this was a good contact" owns the view (both
        # labellers of the independent recordings count such a reflection framed). R03 still asks
        # for the unframed judgement below.
        # "clearly enjoys" states a feeling as fact: P02's now, and R03 leaves it to P02. The trained
        # decision finds "was not appropriate and will be passed on" no label to drop by P02 (its
        # weak score is under the veto), so the unframed judgement is R03's.
        ("R03", "reflection", None, "Dad's comment about the carers was not appropriate and will be passed on."),
    ],
    "good-amelia-jayden-2025-03-12.docx": [],
    "good-harper-2025-06-12.txt": [],
    # Shannon is listed with no relationship: H05 (above) is the one finding for her, and asks
    # who agreed her attendance too; A03 judges her once the relationship is given (issue 14).
    "inline-labels-kai-2026-02-14.txt": [],
    # Mum was 25 minutes late, but the recording says why the session went ahead: no A01.
    "three-children-2026-09-17.docx": [],
    "tracked-changes-ella.docx": [],
}


# What the scaling rules flag in each sample (rule, section, child, flagged text), judged by hand
# against the manifest's intended flaws. A vague next step still counts as one (SC05 does not
# judge its quality), so Leo and Mia's overall and Ruby's "Ruby would need to be less shy" pass.
# Tyler is the only child and his scaling says what would move it up ("Mum needs to be on time"),
# so the overall's missing step is SC07's note (issue 14), no longer SC05's warning.
SCALING = {
    "bank-holiday-noah-2025-08-25.docx": [],
    "flawed-blue-prompts-tyler.docx": [
        ("SC07", "scaling", None, "Overall 5/10"),
    ],
    "flawed-placeholders-ruby.md": [],
    "flawed-sunday-sophie-oliver-2025-05-04.docx": [
        ("SC02", "scaling", "Oliver Dunn", "Scaling"),
        ("SC04", "scaling", None, "Overall: 7/10"),
        ("SC05", "scaling", None, "Overall: 7/10"),
    ],
    "flawed-text-export-leo-mia.txt": [
        ("SC02", "scaling", "Leo Foster", "SCALING"),
        ("SC02", "scaling", "Mia Foster", "SCALING"),
    ],
    "good-amelia-jayden-2025-03-12.docx": [],
    "good-harper-2025-06-12.txt": [],
    "inline-labels-kai-2026-02-14.txt": [],
    "three-children-2026-09-17.docx": [
        ("SC02", "scaling", "Isla Parker", "SCALING"),
    ],
    "tracked-changes-ella.docx": [],
}

# Every scaling row (child, score, reason, next step) the samples give, read by hand.
SCALING_ROWS = {
    "bank-holiday-noah-2025-08-25.docx": [(None, 9, True, True), ("Noah Bailey", 9, True, True)],
    "flawed-blue-prompts-tyler.docx": [(None, 5, True, False), ("Tyler Brennan", 5, True, True)],
    "flawed-placeholders-ruby.md": [(None, 6, True, True), ("Ruby Walsh", 7, True, True)],
    "flawed-sunday-sophie-oliver-2025-05-04.docx": [
        (None, 7, False, False), ("Sophie Dunn", 8, True, True), ("Oliver Dunn", None, False, False)],
    "flawed-text-export-leo-mia.txt": [
        (None, 7, True, True), ("Leo Foster", None, False, False), ("Mia Foster", None, False, False)],
    "good-amelia-jayden-2025-03-12.docx": [
        (None, 9, True, True), ("Amelia Carter", 9, True, True), ("Jayden Carter", 8, True, True)],
    "good-harper-2025-06-12.txt": [(None, 8, True, True), ("Harper Lang", 8, True, True)],
    "inline-labels-kai-2026-02-14.txt": [(None, 6, True, True), ("Kai Whitfield", 6, True, True)],
    "three-children-2026-09-17.docx": [
        (None, 7, True, True), ("Freya Parker", 8, True, True), ("Archie Parker", 6, True, True),
        ("Isla Parker", None, False, False)],
    "tracked-changes-ella.docx": [(None, 8, True, True), ("Ella Hughes", 8, True, True)],
}


def test_every_sample_has_expectations():
    files = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in {".docx", ".txt", ".md"})
    assert files == sorted(EXPECTED) == sorted(PHRASING) == sorted(REFLECTION) == sorted(SCALING) == sorted(SCALING_ROWS)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_findings(name):
    children, expected = EXPECTED[name]
    report = check_file(SAMPLES / name, today=TODAY)
    assert report.error is None
    assert report.children == children
    structural = [f for f in report.findings if not f.rule.startswith(("P", "SC", "R", "A"))]
    found = [(f.rule, f.section, f.child, f.text.splitlines()[0].strip() if f.text else None) for f in structural]
    assert found == expected
    phrasing = [(f.rule, f.section, f.text) for f in report.findings if f.rule.startswith("P")]
    assert phrasing == PHRASING[name]
    reflection = [(f.rule, f.section, f.child, f.text) for f in report.findings if f.rule[0] in "RA"]
    assert reflection == REFLECTION[name]
    scaling = [(f.rule, f.section, f.child, f.text) for f in report.findings if f.rule.startswith("SC")]
    assert scaling == SCALING[name]
    rows = [(s.child, s.score, s.has_reason, s.has_next_step) for s in report.scalings]
    assert rows == SCALING_ROWS[name]
    assert report.passed == (not any(f.severity.value == "error" for f in report.findings))


def test_tracked_changes_sample_reads_accepted_text():
    from qa_checker.readers import read_document

    text = read_document(SAMPLES / "tracked-changes-ella.docx").text
    assert "warm and well organised" in text
    assert "rubbish" not in text and "OFFICIAL-SENSITIVE" not in text


def test_three_children_sample_without_its_explanation_gets_A01():
    """Mum was 25 minutes late; the sample says why the session went ahead. Without that, A01."""
    from qa_checker import check_text
    from qa_checker.readers import read_document

    text = read_document(SAMPLES / "three-children-2026-09-17.docx").text
    explanations = [
        "As Nan was already in the room with the children and Mum was in touch with me, "
        "I decided to let the session go ahead with Nan until Mum arrived. ",
        "Under the agreement this session should have been cancelled; I used my judgement because Nan was "
        "present and Mum was in contact, and Kirsty will decide how this is handled.",
        # telling the social worker "so that she can decide" counts too: A01 does not judge the reason
        " and that I let the session go ahead, so that she can decide how this is handled in future",
    ]
    for sentence in explanations:
        assert sentence in text
        text = text.replace(sentence, "")
    found = [(f.rule, f.section, f.text) for f in check_text(text, "three.txt", today=TODAY).findings if f.rule == "A01"]
    assert found == [("A01", "introductions", "Mum arrived at 16:25, 25 minutes after the start time.")]
