"""Who the recording is about and who was there, from the header's free text."""

from __future__ import annotations

import re

from qa_checker.splitter.model import HeaderField, Person

_AGE = re.compile(
    r"\(\s*(?:aged?\s*)?\d{1,2}(?:\s*(?:years?|yrs?|y|months?|mths?|m)(?:\s*old)?)?\s*\)"
    r"|\(\s*(?:dob|d\.o\.b\.?|born)[^)]*\)"
    r"|\b(?:aged?|dob|d\.o\.b\.?)\s*[:\-]?\s*[\d./\-]+(?:\s*(?:years?|yrs?|months?))?"
    r"|[-–]\s*\d{1,2}\s*(?:years?|yrs?)?\s*$"
    r"|\b\d{1,2}\s*(?:years?|yrs?|months?|mths?)(?:\s*old)?\b",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\(([^)]*)\)")


def _split_depth0(value: str, separator: re.Pattern[str]) -> list[str]:
    """Split at ``separator`` outside brackets: "Mum (Sarah, 32), Dad" -> two pieces."""
    out, current, depth = [], [], 0
    for ch in value:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        current.append(ch)
        if depth == 0:
            match = separator.search("".join(current))
            if match:
                out.append("".join(current)[: match.start()])
                current = []
    out.append("".join(current))
    return [p.strip(" .\t-–") for p in out if p.strip(" .\t-–")]


# A full stop ends a list too ("..., Jayden. Gill Marsh (foster carer) at pick-up only", "Kayden,
# Mia. Craig (Mum's brother) also there"), not "Mrs." or "L.".
_LINES = re.compile(r"(?:;|\n|(?:(?<=[A-Za-z][a-z]{2})|(?<=\)))(?<!Mrs)(?<!Mr)(?<!Ms)(?<!Dr)(?<!Rev)\.\s)$")
_LIST = re.compile(r"(?:,|\s&\s|\s+and\s+|\+|\s/|/\s)$", re.IGNORECASE)
_NOTE = re.compile(r"\s[-–—]\s")


def _prose(text: str, relationship_words: tuple[str, ...]) -> bool:
    """A sentence rather than names ("Foster carer Donna Gray sat with Reggie at her house in
    Hollingbury, Brighton", "Video call on Teams"): outside brackets, at least two words in lower
    case that are neither a relationship ("foster carer") nor a list's "and"."""
    words = _PAREN.sub(" ", text).lower().replace("’", "'")
    for word in sorted(relationship_words, key=len, reverse=True):
        words = re.sub(rf"(?<![a-z]){re.escape(word)}(?![a-z])", " ", words)
    lower = [w for w in re.findall(r"[A-Za-z][\w'’-]*", _PAREN.sub(" ", text)) if w[0].islower()]
    left = set(re.findall(r"[a-z][\w'-]*", words))
    return sum(1 for w in lower if w.lower() in left and w not in _PARTICLES) >= 2


_PARTICLES = {"and", "or", "de", "da", "van", "von", "der", "le", "la", "bin", "al", "el", "ibn", "of", "the"}


def _pieces(value: str, relationship_words: tuple[str, ...] = ()) -> list[tuple[str, bool]]:
    """One piece per person: lines and semicolons first, then commas and "and"; with each, whether
    it is a whole line that is a sentence (see :func:`_prose`), which is not split at commas.

    A note after a dash ("Nan – agreed in advance by the social worker, Kirsty Lowe") stays
    with the person it follows.
    """
    out: list[tuple[str, bool]] = []
    for line in _split_depth0(value, _LINES):
        first = _split_depth0(line, _LIST)[0] if _split_depth0(line, _LIST) else line
        if "(" not in first and _prose(first, relationship_words):
            # "Children joined from their foster carer, Janet Vincent, Swindon" (but "Gill Marsh
            # (foster carer) at pick-up only, Amelia" is a list whose first entry has a note)
            out.append((line, True))
            continue
        note = ""
        for match in _NOTE.finditer(line):
            before = line[: match.start()]
            if before.count("(") == before.count(")"):
                line, note = before, line[match.start():]
                break
        people = _split_depth0(line, _LIST) or [line]
        people[-1] = people[-1] + note
        out.extend((p, False) for p in people)
    return [(p.strip(" .\t-–"), prose) for p, prose in out if p.strip(" .\t-–")]


def _child_pieces(value: str) -> list[str]:
    """One piece per child: a note after a dash ends at the next child ("Ava Brown - twin, Leo")."""
    return [p for line in _split_depth0(value, _LINES) for p in _split_depth0(line, _LIST)]


def children(field: HeaderField | None) -> tuple[Person, ...]:
    """Children named in "Child's Name": "Amelia (7) and Jayden (4)" -> Amelia, Jayden;
    "Ava Brown (6) - twin / Leo Brown" -> Ava Brown (note "twin"), Leo Brown."""
    if field is None or not field.value:
        return ()
    found = []
    for piece in _child_pieces(field.value):
        note = ""
        for match in _NOTE.finditer(piece):
            before = piece[: match.start()]
            if before.count("(") == before.count(")") and _AGE.sub("", before).strip(" ,.-–:"):
                piece, note = before, piece[match.end():].strip()
                break
        name = _AGE.sub("", piece).strip(" ,.-–:")
        detail = note
        nick = _PAREN.search(name)
        if nick:
            detail = " ".join(p for p in (nick.group(1).strip(), detail) if p)
            name = _PAREN.sub("", name).strip()
        name = re.sub(r"\s+", " ", name)
        if name and name[0].isalpha() and any(ch.isalpha() for ch in name):
            found.append(Person(name=name, detail=detail))
    return tuple(found)


def present(
    field: HeaderField | None, relationship_words: tuple[str, ...], address_words: tuple[str, ...] = (),
) -> tuple[Person, ...]:
    """People in "Present at contact", each with the words that say who they are to the child.

    A piece that is only a relationship ("Sarah Jones, mother") belongs to the person before it,
    unless that person's relationship is already given ("Dad (Imran Hussain), PGM": the paternal
    grandmother is someone else).
    """
    if field is None or not field.value:
        return ()
    people: list[Person] = []
    for piece, sentence in _pieces(field.value, relationship_words):
        clean = _AGE.sub("", piece).strip()
        if not clean:
            continue
        first_word = clean.split()[0].lower().strip("“”\"'") if clean.split() else ""
        described = has_relationship(Person(clean, ""), relationship_words)
        if people and first_word not in address_words and (
                (_only_relationship(clean, relationship_words) and not has_relationship(people[-1], relationship_words))
                or ((clean[0].islower() or sentence) and not described)):
            # "Sarah Jones, mother"; "Gill (foster carer) at drop-off and pick-up only"; "Video
            # call on Teams": not a person
            last = people[-1]
            people[-1] = Person(last.name, (last.detail + " " + clean).strip())
            continue
        detail_parts = [m.group(1) for m in _PAREN.finditer(clean)]
        name = _PAREN.sub("", clean)
        if not name.strip(" ,.") and len(detail_parts) == 1 and re.fullmatch(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", detail_parts[0].strip()):
            # "Mum, Leah, Riley, (Lee)" (dev w29-04): a name in brackets alone is still a person
            name, detail_parts = detail_parts[0].strip(), []
        lead = re.match(r"\s*(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*", name)
        if lead is not None and _prose(name, relationship_words) and "," not in name:
            # "Shane came for the last hour", "Craig (Mum's brother) also there": the name leads
            name, rest = lead.group(0), name[lead.end():]
            detail_parts.append(rest.strip())
        for sep in (" - ", " – ", ": "):
            if sep in name:
                name, extra = name.split(sep, 1)
                detail_parts.append(extra)
        people.append(Person(re.sub(r"\s+", " ", name).strip(" ,."), " ".join(detail_parts).strip()))
    return _shared_relationship(people, relationship_words)


def _shared_relationship(people: list[Person], words: tuple[str, ...]) -> tuple[Person, ...]:
    """A plural relationship before two names is both's: "Foster carers Sue Maddox (Ruby) and
    Angela Price (Darcy)" (train w16-05: H05 asked who Angela Price was)."""
    plurals = sorted((w for w in words if w.endswith("s") and w[:-1] in words), key=len, reverse=True)
    out = list(people)
    for i in range(len(out) - 1):
        lead = out[i].name.lower()
        shared = next((w for w in plurals if lead.startswith(w + " ")), None)
        if shared is not None and not has_relationship(out[i + 1], words):
            after = out[i + 1]
            out[i + 1] = Person(after.name, (after.detail + " " + shared[:-1]).strip())
    return tuple(out)


def _only_relationship(text: str, words: tuple[str, ...]) -> bool:
    """True for "mother" or "maternal grandmother": relationship words and nothing else."""
    lowered = " " + re.sub(r"[^a-z' -]+", " ", text.lower().replace("’", "'")) + " "
    found = False
    for word in sorted(words, key=len, reverse=True):
        pattern = rf"(?<![a-z]){re.escape(word)}(?![a-z])"
        if re.search(pattern, lowered):
            found = True
            lowered = re.sub(pattern, " ", lowered)
    rest = re.sub(r"\b(?:the|child's|childs|maternal|paternal|of|to|a|[a-z]+'s)\b", " ", lowered)
    return found and not rest.strip(" '-")


# Words of a person's detail in the header that do not name them ("paternal", "surname not
# known", "not agreed"); a parent's word in a possessive names the parent ("Mum's brother").
_NOT_A_NAME = frozenset({"mum", "dad", "mother", "father", "parent", "parents", "maternal", "paternal", "the", "of",
                         "and", "not", "known", "surname", "agreed", "in", "advance", "by", "for", "part", "session",
                         "attended", "present", "also", "there", "child", "children", "social", "worker", "to",
                         "supervisor", "family", "time", "with", "who", "was", "has", "had"})
_POSSESSIVE = re.compile(r"\b[\w-]+['’]s\b")


def detail_names(person: Person) -> set[str]:
    """The words (lower case) the header's detail gives a person by, besides their name: "Nan" in
    "Tina Egan (paternal Nan)", "MGM", "partner" in "Shannon (Dad's partner)"."""
    words = re.findall(r"[A-Za-z]+(?!['’\w])", _POSSESSIVE.sub(" ", person.detail))
    return {w.lower() for w in words if len(w) > 1 and w.lower() not in _NOT_A_NAME}


def has_relationship(person: Person, words: tuple[str, ...]) -> bool:
    """True when the name or detail holds a relationship word ("Mum", "Sarah (mother)")."""
    haystack = f" {person.name} {person.detail} ".lower().replace("’", "'")
    haystack = re.sub(r"[^a-z' -]+", " ", haystack)
    return any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", haystack) for w in words)
