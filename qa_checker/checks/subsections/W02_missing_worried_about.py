"""A section has no "What are you worried about?" part, or it is blank or "N/A".

Why it matters:
    The worries are what the child's review most needs to see: who is worried, about what,
    and what it meant for the child. "I have no worries about the goodbye because..." is a
    real answer; a blank or "N/A" leaves the reader guessing whether you looked.

Weak:
    What are you worried about?
    N/A

Better:
    What are you worried about?
    I have no worries about the goodbye: Dad told Mia at 17:20 that it was nearly time, she
    helped tidy up and waved from the door.

Limitations:
    Checked in INTRODUCTIONS, BASIC NEEDS, EMOTIONAL WARMTH and GOODBYE. "No worries" with a
    reason is content; so is a bare "None" or "Nil" (the writer says nothing worried them:
    how vague that is, is P03's); "N/A", "-", "TBC" or "see above" is empty (rules/template.toml):
    the message quotes what was written ("only says 'see above'"), since each worry box is read
    on its own. A missing or empty section is reported once, by S01 or S02.

Source:
    Northamptonshire Supervised Family Time Recording template; Signs of Safety ("what are we worried about").
"""

from qa_checker.checks.common import missing_subsections, quote, written_answer
from qa_checker.rule import Hit, Parsed, rule


@rule("W02", "missing-worried-about", "error")
def check(parsed: Parsed):
    for definition, section, found in missing_subsections(parsed, "worried_about"):
        where = definition.title.upper()
        if found is None:
            message = (f"{where} has no 'What are you worried about?' part. Add it: say what worried you "
                       f"and its impact on the child, or 'I have no worries about ... because ...'.")
            span = section.heading
        elif written := written_answer(parsed.recording, found):
            # "- see above" (train w11-05): the writer's own words, not an empty box
            message = (f"'What are you worried about?' in {where} only says {quote(written, 40)}. The child's review "
                       f"reads each worry box on its own: say here what worried you, or 'I have no worries about "
                       f"... because ...' with what you saw.")
            span = found.label
        else:
            message = (f"'What are you worried about?' in {where} is empty. Say what worried you, or "
                       f"'I have no worries about ... because ...' with what you saw.")
            span = found.label
        yield Hit(message, section=definition.name, span=span)
