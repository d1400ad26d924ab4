"""The template's prompt text (blue guidance) is still in the recording.

Why it matters:
    The prompts are questions for the writer, not part of the record. Left in, they make
    the recording harder to read, and a reader may take a prompt ("Did the parent make
    problematic comments...?") for something that happened.

Weak:
    BASIC NEEDS
    Did the parent set appropriate boundaries in their conversation? Mum told Leo to ...

Better:
    BASIC NEEDS
    Mum told Leo to put the crayons away before lunch; he did so straight away.

Limitations:
    Prompt text is found by its blue colour in Word, or by matching the template's prompt
    sentences (small edits allowed). A prompt rewritten in the writer's own words is content.
    In the header, the template's instructions in brackets ("(please note if carer)",
    ``header_prompts`` in the template file) are prompts when the writer's answer is beside
    them; with nothing else in the field, S04 reports the field as unfilled.

Source:
    Northamptonshire Supervised Family Time Recording template ("PROMPTS ONLY IN BLUE for you to use").
"""

from qa_checker.checks.common import is_placeholder
from qa_checker.rule import Hit, Parsed, rule


def _groups(text: str, spans):
    """Join prompt spans separated only by whitespace into one passage each."""
    groups: list[tuple[int, int]] = []
    for start, end in spans:
        if groups and not text[groups[-1][1]:start].strip():
            groups[-1] = (groups[-1][0], end)
        else:
            groups.append((start, end))
    return groups


@rule("S03", "prompt-left-in", "warning")
def check(parsed: Parsed):
    recording = parsed.recording
    prompts = recording.template.header_prompt_pattern
    for field in recording.header.values():
        if prompts is None or field.value_span is None or is_placeholder(field.value, recording.template):
            continue  # an unfilled field is S04's
        start = field.value_span[0]
        for match in prompts.finditer(recording.text, start, field.value_span[1]):
            yield Hit(
                f"The template's instruction {match.group(0).strip()!r} is still in the header. Delete it, and "
                f"write the answer in your own words if it applies, e.g. 'Supervised by: Jo Patel (foster carer)'.",
                section="header",
                span=(match.start(), match.end()),
            )
    for section in recording.sections.values():
        for span in _groups(recording.text, section.prompts):
            yield Hit(
                "The template's prompt text is still here. Delete the prompts before submitting "
                "so that only your own record remains.",
                section=section.name,
                span=span,
            )
