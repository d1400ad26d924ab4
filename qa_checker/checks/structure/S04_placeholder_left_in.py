"""Template filler ("00.00.2020", "00.00 to 00.00", "……") is left where a fact belongs.

Why it matters:
    A recording with the template's dummy date or dots instead of a name cannot be filed
    against the right session, and a reader cannot tell who did what.

Weak:
    Date of Contact: 00.00.2020
    Supervised by: ……

Better:
    Date of Contact: 12/03/2025
    Supervised by: Jo Patel, Family Time Supervisor

Limitations:
    The filler patterns are listed in the template file (``placeholders``). A lone "?" in
    running text is not flagged, since writers also use it for real questions.

Source:
    Northamptonshire Supervised Family Time Recording template (header lines).
"""

from qa_checker.checks.common import is_placeholder, quote
from qa_checker.rule import Hit, Parsed, rule


@rule("S04", "placeholder-left-in", "error")
def check(parsed: Parsed):
    recording = parsed.recording
    template = recording.template
    for definition in template.header_fields:
        field = recording.header.get(definition.name)
        if field and is_placeholder(field.value, template):
            yield Hit(
                f"'{definition.title}' still holds the template's filler ({quote(field.value, 40)}). "
                f"Replace it with the real detail, e.g. '{definition.example}'.",
                section="header",
                span=field.value_span,
            )
    for section in recording.sections.values():
        for start, end in section.content:
            for pattern in template.body_patterns:
                for match in pattern.finditer(recording.text, start, end):
                    yield Hit(
                        f"{quote(match.group(0), 30)} looks like filler left from the template. "
                        f"Replace it with the name, date or detail it stands for.",
                        section=section.name,
                        span=(match.start(), match.end()),
                    )
