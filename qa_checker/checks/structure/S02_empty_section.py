"""A section has a heading but nothing written under it (prompts and labels do not count).

Why it matters:
    An empty section reads as "nothing happened", which is rarely true and cannot be
    relied on at a review or in court. If there truly is nothing to say, say why.

Weak:
    EMOTIONAL WARMTH
    What is working well?
    What are you worried about?

Better:
    EMOTIONAL WARMTH
    What is working well? Dad asked Leo about his football match and laughed when Leo
    showed him the goal celebration.

Limitations:
    Only the writer's own words count: blue prompt text and the template's prompt sentences
    are ignored, as are the "What is working well?" and "What are you worried about?" labels.

Source:
    Northamptonshire Supervised Family Time Recording template.
"""

from qa_checker.rule import Hit, Parsed, rule


@rule("S02", "empty-section", "error")
def check(parsed: Parsed):
    recording = parsed.recording
    for section in recording.template.sections:
        found = recording.sections.get(section.name)
        if found is not None and not found.content:
            yield Hit(
                f"The '{section.title}' section is empty. Please {section.guidance or 'write what you observed'}; "
                f"if there is nothing to record, say why.",
                section=section.name,
                span=found.heading,
            )
