"""A section has no "What is working well?" part, or it is blank or "N/A".

Why it matters:
    Signs of Safety recording asks what people actually did that helped the child, as well
    as what worries us. Strengths that are not written down cannot be built on at the
    child's review, and the parent's efforts go unrecorded.

Weak:
    What is working well?
    N/A

Better:
    What is working well?
    Mum had brought Jayden's favourite dinosaur book and read it to him on her lap; he
    pointed at each picture and named the dinosaurs.

Limitations:
    Checked in INTRODUCTIONS, BASIC NEEDS, EMOTIONAL WARMTH and GOODBYE. The label may be
    on its own line or start a line ("What is working well? Mum arrived..."). A missing or
    empty section is reported once, by S01 or S02.

Source:
    Northamptonshire Supervised Family Time Recording template; Signs of Safety ("what is working well").
"""

from qa_checker.checks.common import missing_subsections, quote, written_answer
from qa_checker.rule import Hit, Parsed, rule


@rule("W01", "missing-working-well", "error")
def check(parsed: Parsed):
    for definition, section, found in missing_subsections(parsed, "working_well"):
        where = definition.title.upper()
        if found is None:
            message = (f"{where} has no 'What is working well?' part. Add it and describe what "
                       f"people did that helped the child, e.g. what the parent said or did and how the child responded.")
            span = section.heading
        elif written := written_answer(parsed.recording, found):
            message = (f"'What is working well?' in {where} only says {quote(written, 40)}. Describe here what people "
                       f"did that helped the child; if nothing did, say what you saw.")
            span = found.label
        else:
            message = (f"'What is working well?' in {where} is empty. Describe what people did that helped "
                       f"the child; if nothing did, say what you saw.")
            span = found.label
        yield Hit(message, section=definition.name, span=span)
