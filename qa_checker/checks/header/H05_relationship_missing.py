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
    the template's list (Mum, father, Nan, foster carer, social worker...). The children
    named in "Child's Name" and the supervisor and report writer need no relationship.

Source:
    Northamptonshire Supervised Family Time Recording template ("Present at contact: .... (inc relationship to child)").
"""

import re

from qa_checker.checks.common import is_placeholder
from qa_checker.rule import Hit, Parsed, rule
from qa_checker.splitter.people import has_relationship


def _known(recording) -> set[str]:
    """First names that need no relationship: the children, the supervisor, the report writer."""
    names = set()
    for child in recording.children:
        names.update(w.lower() for w in [child.name.split()[0], *child.detail.split()] if w.isalpha())
    for key in ("supervised_by", "report_by"):
        field = recording.header.get(key)
        if field:
            names.update(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]+", field.value))
    return names


@rule("H05", "relationship-missing", "warning")
def check(parsed: Parsed):
    recording = parsed.recording
    field = recording.header.get("present")
    if field is None or is_placeholder(field.value, recording.template):
        return
    known = _known(recording)
    for person in recording.present:
        first = person.name.split()[0].lower() if person.name.split() else ""
        if not first or first in known or has_relationship(person, recording.template.relationship_words):
            continue
        yield Hit(
            f"'Present at contact' lists {person.name} without saying who they are to the child. "
            f"Add the relationship, e.g. '{person.name} (maternal aunt)'.",
            section="header",
            span=field.value_span,
        )
