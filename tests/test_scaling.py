"""The scaling parser on every form supervisors use, each in DOCX and in text: the exact rows of
``Report.scalings`` (child, score, reason, next step, quoted statement)."""

from __future__ import annotations

import pytest
from conftest import GOOD_SPEC, TODAY, apply_edits, build

from qa_checker import check_file

GOOD_SCALING = GOOD_SPEC[GOOD_SPEC.index("# SCALING\n") + len("# SCALING\n"):GOOD_SPEC.index("# REFLECTION/ANALYSIS")]
GOOD_REFLECTION = GOOD_SPEC[GOOD_SPEC.index("# REFLECTION/ANALYSIS\n") + len("# REFLECTION/ANALYSIS\n"):]
CHILDREN = "Amelia Smith (7) and Jayden Smith (4)"
PRESENT = "Sarah Smith (mother), Amelia, Jayden"
A, J, L = "Amelia Smith", "Jayden Smith", "Leo Smith"


def spec(scaling: str, *, children: str = CHILDREN, present: str = PRESENT, reflection: str | None = None) -> str:
    edits = [[GOOD_SCALING, scaling.strip("\n") + "\n"],
             ["Child's Name: " + CHILDREN, "Child's Name: " + children],
             ["Present at contact: " + PRESENT, "Present at contact: " + present]]
    if reflection is not None:
        edits.append([GOOD_REFLECTION, reflection.strip("\n") + "\n"])
    return apply_edits(GOOD_SPEC, [e for e in edits if e[0] != e[1]])


FORMS = {
    "slash": (spec("""
Overall: 6/10 because Sarah was on time.
Amelia: 8/10 because she read with Sarah.
Jayden: 5/10 as he waited at the window. To move up the scale, Sarah needs to text the carer if she is running late.
"""), [(None, 6, True, False, "Overall: 6/10"), (A, 8, True, False, "Amelia: 8/10"), (J, 5, True, True, "Jayden: 5/10")]),
    "out-of-ten": (spec("""
Overall 6 out of 10 – Sarah planned a craft for both children.
Amelia 7 out of ten as she made a card for Sarah. Next time Sarah could bring the glitter she promised.
Jayden 8 (out of 10): he laughed when Sarah blew bubbles.
"""), [(None, 6, True, False, "Overall 6 out of 10"), (A, 7, True, True, "Amelia 7 out of ten"),
       (J, 8, True, False, "Jayden 8 (out of 10)")]),
    "sentences": (spec("""
I would scale this contact at a 7 because Sarah arrived early and had planned activities. To increase this, Sarah would need to keep her phone in her bag.
I would scale Amelia at a 6 as she asked twice when she could go home. Jayden I would scale at 8 because he played with Sarah throughout.
"""), [(None, 7, True, True, "I would scale this contact at a 7"), (A, 6, True, False, "I would scale Amelia at a 6"),
       (J, 8, True, False, "Jayden I would scale at 8")]),
    "scaling-for-with-labels": (spec("""
Overall scaling – 5. Reason: Sarah arrived 20 minutes late (16:20). What would move it up: Sarah to arrive by 16:00.
Scaling for Amelia – 4. Reason: Amelia cried at 16:05 when Sarah was not there.
Scaling for Jayden – 6.
"""), [(None, 5, True, True, "Overall scaling – 5"), (A, 4, True, False, "Scaling for Amelia – 4"),
       (J, 6, False, False, "Scaling for Jayden – 6")]),
    "bare-number-and-following-sentence": (spec("""
Overall: 8. Sarah stayed with the children for the full session.
Amelia: 8
Jayden: 7. He showed Sarah the 3 songs he learnt at nursery.
"""), [(None, 8, True, False, "Overall: 8"), (A, 8, False, False, "Amelia: 8"), (J, 7, True, False, "Jayden: 7")]),
    "words": (spec("""
Overall I would give this contact a seven. Sarah shared her attention between the children.
Amelia – six. She was quiet for the first half hour. It would be a seven if Sarah gave her time to settle.
Jayden – eight. He sang with Sarah.
"""), [(None, 7, True, False, "Overall I would give this contact a seven"), (A, 6, True, True, "Amelia – six"),
       (J, 8, True, False, "Jayden – eight")]),
    "halves": (spec("""
Overall: 6.5/10 as Sarah left the room twice.
Amelia 7½/10 as she and Sarah baked biscuits.
Jayden: six and a half, because he was tired after nursery. Sarah could bring his comforter.
"""), [(None, 6.5, True, False, "Overall: 6.5/10"), (A, 7.5, True, False, "Amelia 7½/10"),
       (J, 6.5, True, True, "Jayden: six and a half")]),
    "word-table": (spec("""
| Child | Score | Reason | What would improve it |
| Overall | 6 | Sarah was warm but talked about court | Sarah to keep to the children's interests |
| Amelia | 7 | Amelia drew Sarah a picture | |
| Jayden | 4/10 | | Sarah to greet him in the foyer |
"""), [(None, 6, True, True, "Overall"), (A, 7, True, False, "Amelia"), (J, 4, False, True, "Jayden")]),
    "table-without-header-row": (spec("""
| Overall | 7/10 | Sarah was on time and had planned a craft | Sarah to bring the glue next time |
| --- | --- | --- | --- |
| Amelia | seven | She made Sarah a card | |
| Jay | 5 | He waited at the door for 10 minutes | Sarah to greet him at the door |
""", children="Amelia Smith (7) and Jayden Smith (Jay)"),
        [(None, 7, True, True, "Overall"), (A, 7, True, False, "Amelia"), (J, 5, True, True, "Jay")]),
    "bullets-with-ages": (spec("""
- Overall: 7/10 as Sarah planned activities for both children.
- Amelia (7): 5/10 as she found it hard to share. To move up the scale Sarah could set out two sets of pens.
- Jayden (4): 8/10 – he told Sarah about his swimming badge.
"""), [(None, 7, True, False, "Overall: 7/10"), (A, 5, True, True, "Amelia (7): 5/10"), (J, 8, True, False, "Jayden (4): 8/10")]),
    "see-below": (spec("Please see my reflection below.", reflection="""
In my professional opinion the session met both children's needs. I would scale the overall contact at 7 out of 10 because Sarah arrived early. Amelia I would scale at 6 because she asked about home twice. Jayden I would scale at 8; he played with Sarah throughout. For Jayden to reach a 9, Sarah would need to keep the goodbye short.
"""), [(None, 7, True, False, "I would scale the overall contact at 7 out of 10"), (A, 6, True, False, "Amelia I would scale at 6"),
       (J, 8, True, True, "Jayden I would scale at 8")]),
    "names-nickname-case-same": (spec("""
overall: 7/10 because Sarah was calm.
AMELIA SMITH's scaling: 6 / 10 – she asked about home.
Jay: the same. He and Amelia did a puzzle together. Next time Sarah could bring the big puzzle.
""", children="Amelia Smith (7) and Jayden Smith (Jay)"),
        [(None, 7, True, False, "overall: 7/10"), (A, 6, True, False, "AMELIA SMITH's scaling: 6 / 10"),
         (J, 6, True, True, "Jay: the same")]),
    "one-child": (spec("""
Overall: 7/10 because Sarah arrived early. To move up, Sarah could bring a snack.
Amelia: 7/10 because she read with Sarah. To move up, Sarah could answer her questions about home.
""", children="Amelia Smith (7)", present="Sarah Smith (mother), Amelia"),
        [(None, 7, True, True, "Overall: 7/10"), (A, 7, True, True, "Amelia: 7/10")]),
    "three-children-one-missing": (spec("""
Overall: 7/10 because Sarah arrived early.
Amelia: 7/10 because she read with Sarah.
Leo: 5/10 because he cried when Sarah arrived. Sarah could sit on the floor with him.
""", children="Amelia Smith (7), Jayden Smith (4) and Leo Smith (2)", present="Sarah Smith (mother), Amelia, Jayden, Leo"),
        [(None, 7, True, False, "Overall: 7/10"), (A, 7, True, False, "Amelia: 7/10"), (J, None, False, False, None),
         (L, 5, True, True, "Leo: 5/10")]),
    "child-not-at-contact": (spec("""
Overall: 7/10 because Sarah arrived early.
Amelia: 7/10 because she read with Sarah.
""", present="Sarah Smith (mother), Amelia"), [(None, 7, True, False, "Overall: 7/10"), (A, 7, True, False, "Amelia: 7/10")]),
    "unknown-name": (spec("""
Overall: 7/10 because Sarah arrived early.
Amelia: 7/10 because she read with Sarah.
Lily: 8 out of 10.
"""), [(None, 7, True, False, "Overall: 7/10"), (A, 7, True, False, "Amelia: 7/10"), (J, None, False, False, None),
       ("Lily", 8, False, False, "Lily: 8 out of 10")]),
    "out-of-range": (spec("""
Overall: -1. Sarah shouted at 16:40 and I ended contact at 16:45.
Amelia: twelve out of ten! She loved the cake.
Jayden: 15/10 because he laughed all session.
"""), [(None, -1, True, False, "Overall: -1"), (A, 12, True, False, "Amelia: twelve out of ten"), (J, 15, True, False, "Jayden: 15/10")]),
    "numbers-that-are-not-scores": (spec("""
1. Overall: 6/10 because the session started late (16:10) but Sarah used the 80 minutes well.
2. Amelia: 7/10 as she showed Sarah her Year 3 project, up from a 5 last week.
3. Jayden: 6/10. He played 2 games of Connect 4. To reach a 7, Sarah could sit on the floor with him.
"""), [(None, 6, True, False, "Overall: 6/10"), (A, 7, True, False, "Amelia: 7/10"), (J, 6, True, True, "Jayden: 6/10")]),
    "both-children": (spec("""
Overall 7/10 as the session was relaxed.
Both children 7/10 because they played together with Sarah. To move the scaling up, Sarah could make the snack herself.
"""), [(None, 7, True, False, "Overall 7/10"), (A, 7, True, True, "Both children 7/10"), (J, 7, True, True, "Both children 7/10")]),
    "next-step-names-its-subject": (spec("""
I would scale this contact at a 6 because Sarah and her partner argued at 16:40.
I would scale Amelia at a 7 as she showed Sarah her school work.
I would scale Jayden at a 6. To move the overall scaling up, Sarah and her partner would need to keep disagreements away from contact.
"""), [(None, 6, True, True, "I would scale this contact at a 6"), (A, 7, True, False, "I would scale Amelia at a 7"),
       (J, 6, False, False, "I would scale Jayden at a 6")]),
    "prompt-left-in-and-no-next-step": (spec("""
Give one scaling as an 'overall' for the contact in terms of how you felt the contact went.
I would scale this contact at a 3. Sarah arrived 35 minutes late.
Give individual scaling for EACH child at contact.
Amelia – 3. For Amelia's scaling to move up, Sarah would need to arrive on time.
Jayden – 10/10. It would be hard to improve on his time with Sarah.
"""), [(None, 3, True, False, "I would scale this contact at a 3"), (A, 3, False, True, "Amelia – 3"),
       (J, 10, True, False, "Jayden – 10/10")]),
    "reason-first-and-name-after-score": (spec("""
Overall: 7/10 because Sarah arrived early. Ideally Sarah would bring a snack.
Because Amelia was relaxed all session, I would scale her at 8.
I would give 6/10 for Jayden as he cried at the door. Sarah could hold his hand at the door.
"""), [(None, 7, True, True, "Overall: 7/10"), (A, 8, True, False, "Because Amelia was relaxed all session, I would scale her at 8"),
       (J, 6, True, True, "I would give 6/10")]),
    "would-be-and-an-age": (spec("""
Overall would be a 7 because Sarah planned the session well.
Amelia is 7 and enjoyed the craft; I would scale her at a 6 as she asked about home. It would be a 7 if Sarah answered her.
Jayden: 8/10 because he laughed with Sarah.
"""), [(None, 7, True, False, "Overall would be a 7"), (A, 6, True, True, "I would scale her at a 6"),
       (J, 8, True, False, "Jayden: 8/10")]),
    # Wave 6 (dev w27-02, w27-04): the score it would get, on a condition, is a next step, not a
    # scaling for whoever the condition names ("Sarah" was read as a child scaled 10).
    "score-it-would-get-on-a-condition": (spec("""
Overall: 6. Most of the session was warm. If Sarah kept court out of the sessions I would score at least 7.
Amelia: 9. Amelia read with Sarah. I have not scored 10 only because of the phone on the table; if Sarah keeps it put away, I would score 10.
Jayden: 8 because he laughed with Sarah.
"""), [(None, 6, True, True, "Overall: 6"), (A, 9, True, True, "Amelia: 9"), (J, 8, True, False, "Jayden: 8")]),
    # Wave 6 (dev w29-03, w29-05): the score it would be without the one thing, and a sentence
    # with a colon whose words before it name a reason ("The same reason applies: ...").
    "score-it-would-be-and-a-reason-sentence-with-a-colon": (spec("""
Overall: 8. Amelia and Jayden were happy for the whole hour. A session without the phone call would be a 9.
Amelia: 9. She read with Sarah. The same reason applies: the same care over the next few sessions would move this to a 10.
Jayden: 8. The same reason applies: he played all session.
"""), [(None, 8, True, True, "Overall: 8"), (A, 9, True, True, "Amelia: 9"), (J, 8, True, False, "Jayden: 8")]),
    # Wave 6 (dev w26-02): bare scores, then the same score again naming nobody, with its words.
    "bare-scores-then-the-same-score-again": (spec("""
Overall: 7
Amelia: 7
Jayden: 7

I scaled this a 7 because Sarah met the children's needs without prompting. I have not put 8 because this is the third session, and I would want to see the same care at a mealtime to move it up.
"""), [(None, 7, True, True, "Overall: 7"), (A, 7, True, True, "Amelia: 7"), (J, 7, True, True, "Jayden: 7")]),
}


@pytest.mark.parametrize("fmt", ["text", "docx"])
@pytest.mark.parametrize("form", sorted(FORMS))
def test_scaling_form(form, fmt, tmp_path):
    text, expected = FORMS[form]
    report = check_file(build(text, fmt, tmp_path), today=TODAY)
    rows = [(s.child, s.score, s.has_reason, s.has_next_step, s.text) for s in report.scalings]
    assert rows == expected


def test_no_scaling_section_gives_no_rows(tmp_path):
    text = apply_edits(GOOD_SPEC, [["# SCALING\n" + GOOD_SCALING, ""]])
    assert check_file(build(text, "text", tmp_path), today=TODAY).scalings == []


def test_children_come_from_present_at_contact_when_the_header_gives_none(tmp_path):
    text = spec("Overall: 7/10 because Sarah arrived early.\nAmelia: 7/10 because she read with Sarah.",
                children="", present="Sarah Smith (mother), Amelia (child), Jayden (child)")
    report = check_file(build(text, "text", tmp_path), today=TODAY)
    assert report.children == ["Amelia", "Jayden"]
    assert [(s.child, s.score) for s in report.scalings] == [(None, 7), ("Amelia", 7), ("Jayden", None)]


def _example(text: str) -> str:
    """A rule's Weak or Better example as the SCALING section (its "Child's Name:" line, if any, in the header)."""
    children, body = "Amelia Smith (7) and Jayden Smith (4)", []
    for line in text.splitlines():
        if line.startswith("Child's Name:"):
            children = line.split(":", 1)[1].strip()
        elif line.strip() != "...":
            body.append(line)
    first = body[0].split(":")[0].split()[0]
    if first not in ("Overall", "Amelia", "Jayden") and "Child's Name:" not in text:
        children = f"{first} Smith (6)"
    return spec("\n".join(body), children=children, present="Sarah Smith (mother)")


@pytest.mark.parametrize("code", ["SC01", "SC02", "SC03", "SC04", "SC05", "SC06", "SC07"])
def test_each_rules_weak_example_is_flagged_and_better_one_is_not(code, tmp_path):
    from qa_checker.registry import rule_by_code

    rule = rule_by_code(code)
    for part, flagged in (("Weak", True), ("Better", False)):
        report = check_file(build(_example(rule.part(part)), "text", tmp_path, part), today=TODAY)
        assert any(f.rule == code for f in report.findings) == flagged, (part, report.findings)
