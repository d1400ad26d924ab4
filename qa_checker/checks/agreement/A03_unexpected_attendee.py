"""Someone present who is not a child, parent, carer, supervisor or social worker, with no note that they were agreed in advance.

Why it matters:
    The Family Time Agreement says no other person attends unless agreed in advance with the
    social worker or Family Time Supervisor, so that the child is not surprised by someone new
    and any risk has been thought about. The child's review needs to see that it was agreed, or
    what was done when it was not.

Weak:
    Present at contact: Dad (father), Kai, Shannon Price (Dad's partner)

Better:
    Present at contact: Dad (father), Kai, Shannon Price (Dad's partner) – agreed in advance by Aisha Rahman

Limitations:
    Judges the people in "Present at contact". Expected are the children named in "Child's
    Name", the supervisor and report writer, and anyone whose entry holds a parent, carer or
    professional word (mother, Dad, foster carer, social worker, interpreter...; "Mum's partner"
    is a partner, not Mum). Anyone else, a brother or sister not named in "Child's Name" too,
    needs a note that they were agreed (unless no parent is at contact: then the relatives
    there, a grandmother or an aunt and the child's brother, are the family the session is
    for; a partner or friend still needs one): in their entry
    ("Nan – agreed in advance by the social worker") or in a sentence naming them ("Jordan's
    attendance was agreed with Kirsty on 2 May", "Grandad came with the social worker's
    agreement", "as arranged with", "had permission"); a sentence saying they were not agreed counts
    against, unless the recording also says what the writer did about it, in a sentence naming them
    ("I told Lorraine about Craig at handover", "I will ring Gareth about Craig", "I asked her to
    leave"). Someone listed with no relationship at all ("Shannon") is H05's: it asks who they
    are, and A03 judges them once that is given. People mentioned only in the text, not in the header, are R02's (an unexpected
    person as a concern). Words: rules/agreement/wording.toml.

Source:
    Family Time Agreement for the Family Time Service (updated February 2025): "No other person
    should attend the family time session unless agreed in advance with the Social
    Worker/Family Time Supervisor."
"""

import re

from qa_checker.checks.agreement.data import load_wording
from qa_checker.checks.common import first_name, named_in_header, present_field
from qa_checker.nlp.cues import cue_list
from qa_checker.rule import Hit, Parsed, rule
from qa_checker.splitter.people import detail_names, has_relationship

_POSSESSIVE = re.compile(r"\b[\w-]+['’]s\b")


def _role_and_note(person, attendees) -> tuple[str, str]:
    """The entry split at the first agreement note: 'maternal grandmother', 'agreed in advance by...'."""
    entry = f"{person.name} {person.detail}"
    cues = sorted(attendees.agreed + attendees.not_agreed, key=len, reverse=True)
    match = re.search("|".join(re.escape(c) for c in cues), entry, re.IGNORECASE)
    return (entry[: match.start()], entry[match.start():]) if match else (entry, "")


def _role_person(person, attendees):
    """The person with only their entry's role, up to any agreement note and without a
    possessive's owner ("Dad's partner" is a partner, not Dad); and the note."""
    role, note = _role_and_note(person, attendees)
    return type(person)(name=_POSSESSIVE.sub(" ", role), detail=""), note


def _naming(parsed: Parsed, person):
    """Each sentence naming the person, with its lower-case words. The header's words for them
    count as their name ("Maureen Zeller (MGM)": "Contact at MGM's house as agreed"), not a
    parent's ("Mum's brother" is not Mum)."""
    names = {w.lower() for w in person.name.split() if w.isalpha()} | detail_names(person)
    for sentence in parsed.language.sentences:
        words = set(re.findall(r"[a-z]+", sentence.text.lower()))
        if names & words:
            yield sentence, words


def _agreed_in_text(parsed: Parsed, person, attendees) -> bool | None:
    """True/False when a sentence naming the person says they were (not) agreed; None if none does."""
    verdict = None
    for sentence, _ in _naming(parsed, person):
        if cue_list(attendees.not_agreed).any(sentence):
            return False
        if cue_list(attendees.agreed).any(sentence):
            verdict = True
    return verdict


@rule("A03", "unexpected-attendee", "warning")
def check(parsed: Parsed):
    recording = parsed.recording
    field = present_field(recording)
    if field is None:
        return
    wording = load_wording()
    attendees = wording.attendees
    known = named_in_header(recording)
    roles = {id(p): _role_person(p, attendees) for p in recording.present}
    # no parent at contact: the relatives there are the family the session is for
    relatives_hold_it = not any(has_relationship(r, wording.people.parents) for r, _ in roles.values())
    for person in recording.present:
        first = first_name(person)
        role_person, note = roles[id(person)]
        if not first or first in known or has_relationship(role_person, attendees.expected):
            continue
        if not has_relationship(person, recording.template.relationship_words):
            continue  # who they are is not given: H05 asks for it, one finding for the person
        if relatives_hold_it and has_relationship(role_person, attendees.family):
            continue
        in_text = _agreed_in_text(parsed, person, attendees)
        noted_refused = bool(note) and re.search(
            "|".join(re.escape(c) for c in attendees.not_agreed), note, re.IGNORECASE) is not None
        if in_text is True or (in_text is None and note and not noted_refused):
            continue
        refused = in_text is False or noted_refused
        if refused and _acted_on(parsed, person, attendees):
            continue  # not agreed, and the recording says what the supervisor did and who they told
        yield _hit(person, field.value_span, refused=refused)


def _acted_on(parsed: Parsed, person, attendees) -> bool:
    """A sentence naming the person says what the writer did about them: "I told Lorraine about
    Craig", "I will ring Gareth about Craig", "I asked her to leave"."""
    cues = cue_list(attendees.acted_on)
    return any(words & {"i", "we"} and cues.any(sentence) for sentence, words in _naming(parsed, person))


def _hit(person, span, refused: bool) -> Hit:
    role = f"{person.name} was at contact but is not a child, parent, carer, supervisor or social worker"
    if refused:
        return Hit(
            f"{role}, and the recording says they were not agreed in advance, which the Family Time Agreement requires.",
            section="header", span=span,
            suggestion="Say what you did about it, how the child responded and who you told, e.g. 'Shannon stayed in "
                       "the café and did not join the session; I told the social worker the same day.'",
        )
    return Hit(
        f"{role}, and nothing says they were agreed in advance, as the Family Time Agreement requires.",
        section="header", span=span,
        suggestion=f"Say who agreed it and when, e.g. '{person.name} (Dad's partner) – agreed in advance by the "
                   f"social worker on 10/02/2026'; if it was not agreed, say what you did and who you told.",
    )
