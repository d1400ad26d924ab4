"""Someone listed as present at contact has no relationship to the child given.

Why it matters:
    The template asks for each person's relationship to the child ("inc relationship to
    child"). A reader years later, the child among them, cannot tell who "Shannon" was.

Weak:
    Present at contact: Dad, Kai, Shannon

Better:
    Present at contact: Dad (Mark Evans, father), Kai, Shannon Price (Dad's partner, agreed in advance)

Limitations:
    A person counts as described when their entry holds a relationship or role word from
    the template's list (Mum, father, Nan, foster carer, social worker...), or is named by the
    case-note shorthand "M", "D" or "F" alone ("M (Danielle Oates)"). The children
    named in "Child's Name" and the supervisor and report writer need no relationship. For a
    person with no relationship given, this is the one finding (A03 judges whether someone
    else's attendance was agreed once the relationship is there), so it asks for both.

Source:
    Northamptonshire Supervised Family Time Recording template ("Present at contact: .... (inc relationship to child)").
"""

from qa_checker.checks.common import first_name, named_in_header, present_field
from qa_checker.rule import Hit, Parsed, rule
from qa_checker.splitter.people import has_relationship


@rule("H05", "relationship-missing", "warning")
def check(parsed: Parsed):
    recording = parsed.recording
    field = present_field(recording)
    if field is None:
        return
    known = named_in_header(recording)
    initials = recording.template.relationship_initials
    for person in recording.present:
        first = first_name(person)
        if not first or first in known or person.name in initials or person.detail.strip() in initials \
                or has_relationship(person, recording.template.relationship_words):
            continue
        yield Hit(
            f"'Present at contact' lists {person.name} without saying who they are to the child. "
            f"Add the relationship, e.g. '{person.name} (maternal aunt)'; if they are not the child's parent, carer "
            f"or a professional, say too who agreed in advance that they could come.",
            section="header",
            span=field.value_span,
        )
