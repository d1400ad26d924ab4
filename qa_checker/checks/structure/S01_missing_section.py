"""A section of the template is missing from the recording.

Why it matters:
    The child's review reads every recording in the same shape. A missing section (say,
    GOODBYE or REFLECTION/ANALYSIS) leaves a gap the Independent Reviewing Officer cannot
    fill, and the team leader will send the recording back.

Weak:
    A recording that goes from EMOTIONAL WARMTH straight to SCALING, with no GOODBYE.

Better:
    GOODBYE
    What is working well? At 17:25 Mum told Amelia, "Five more minutes, then we tidy up"...

Limitations:
    A heading is recognised by its wording (the template's names and common variants,
    numbered or not, any case). A section given an unusual title is reported missing:
    add the title to the template's aliases.

Source:
    Northamptonshire Supervised Family Time Recording template (contact recording sheet 16.04.2020).
"""

from qa_checker.rule import Hit, Parsed, rule


@rule("S01", "missing-section", "error")
def check(parsed: Parsed):
    recording = parsed.recording
    for section in recording.template.sections:
        if section.required and section.name not in recording.sections:
            yield Hit(
                f"The '{section.title}' section is missing. Add a heading '{section.title}' "
                f"and under it {section.guidance or 'write what you observed'}.",
                section=section.name,
            )
