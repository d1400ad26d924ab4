"""A header field (child, who was present, date, time, supervisor, report writer) is missing or blank.

Why it matters:
    The header is how a recording is filed and found: the child's social worker, the
    Independent Reviewing Officer and a court need to know whose session it was, when, and
    who saw it. A recording without them cannot be relied on.

Weak:
    Child's Name: Amelia
    Date of Contact:

Better:
    Child's Name: Amelia Smith (7)
    Date of Contact: 12/03/2025

Limitations:
    Fields are found by their labels (the template's and common variants, e.g. "Date",
    "Reported by") before the first section heading, on a line, in a two-column table, or
    with the value on the next line. A field holding template filler is reported by S04.

Source:
    Northamptonshire Supervised Family Time Recording template (header lines).
"""

from qa_checker.rule import Hit, Parsed, rule


@rule("H01", "missing-header-field", "error")
def check(parsed: Parsed):
    recording = parsed.recording
    for definition in recording.template.header_fields:
        field = recording.header.get(definition.name)
        if field is None:
            yield Hit(
                f"The header has no '{definition.title}' line. Add it, e.g. '{definition.example}'.",
                section="header",
            )
        elif not field.value.strip():
            yield Hit(
                f"'{definition.title}' in the header is blank. Fill it in, e.g. '{definition.example}'.",
                section="header",
                span=field.label,
            )
