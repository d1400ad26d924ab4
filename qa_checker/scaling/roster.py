"""The children a recording is about, and every name the writer may use for each of them.

From the header's "Child's Name" (first name, full name, a nickname in brackets: "Jayden (Jay)"),
cross-checked with "Present at contact": a nickname given there counts too, a child left out of a
list that names the other children was not at contact, and when "Child's Name" is blank the
children are the people listed there as a child, son or daughter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa_checker.splitter.model import Person, Recording

# What "Present at contact" says of a child ("Amelia (child)", "Leo, son").
_CHILD_WORDS = ("child", "children", "son", "daughter")
_WORD = re.compile(r"[A-Z][\w'’-]*")


@dataclass(frozen=True)
class Child:
    """A child named in the header; ``aliases`` are lower case, longest first."""

    name: str
    aliases: tuple[str, ...]
    at_contact: bool = True

    @property
    def first_name(self) -> str:
        return first_word(self.name)


@dataclass(frozen=True)
class Roster:
    children: tuple[Child, ...]
    # Lower-case first names and nicknames of everyone in the header (people, not only children).
    people: frozenset[str]
    # Lower-case words that are never a child's name here (the cue file's and relationship words).
    not_names: frozenset[str] = frozenset()

    def find(self, text: str) -> Child | None:
        """The child ``text`` names (any alias, any case, a possessive allowed)."""
        aliases = self._aliases()
        key = _norm(text)
        return aliases.get(key) or aliases.get(re.sub(r"'s$|(?<=s)'$", "", key))

    def _aliases(self) -> dict[str, Child]:
        return {alias: child for child in self.children for alias in child.aliases}

    @property
    def all_aliases(self) -> tuple[str, ...]:
        return tuple(sorted(self._aliases(), key=len, reverse=True))

    def first_names(self) -> dict[str, str]:
        """The name to use for each child in a message: the first name, unless two children share it."""
        firsts = [c.first_name for c in self.children]
        return {c.name: c.first_name if firsts.count(c.first_name) == 1 else c.name for c in self.children}


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


# A nickname is in a short note ("Jayden (Jay)", "Leo (Lee, 6)"); a longer one tells where or with
# whom ("Tyler (placed separately: with foster carers Mark and Steph Wood in Carlisle)", wave 5).
_NOTE_WORDS = 4


def _nicknames(detail: str, not_names: frozenset[str], relationship: set[str]) -> list[str]:
    if len(detail.split()) > _NOTE_WORDS:
        return []
    words = [w.strip("'’") for w in _WORD.findall(detail)]
    return [w for w in words if w.lower() not in not_names and w.lower() not in relationship and len(w) > 1]


def build_roster(recording: Recording, not_names: frozenset[str]) -> Roster:
    """The children of ``recording`` with their aliases, whether each was at contact, and the header's people."""
    relationship = set(recording.template.relationship_words)
    header_children = recording.children or tuple(p for p in recording.present if _is_child(p))
    present_firsts = {p.name.split()[0].lower(): p for p in recording.present if p.name.split()}
    named_present = [c for c in header_children if first_word(c.name).lower() in present_firsts]
    children = []
    firsts = {first_word(p.name).lower() for p in header_children}
    for person in header_children:
        first = first_word(person.name)
        aliases = {_norm(person.name), _norm(first)}
        nicknames = _nicknames(person.detail, not_names, relationship)
        also = present_firsts.get(first.lower())
        if also is not None:
            nicknames += _nicknames(also.detail, not_names, relationship)
        # another child's name is never this one's nickname
        aliases.update(_norm(n) for n in nicknames if n.lower() not in firsts - {first.lower()})
        at_contact = not named_present or person in named_present
        children.append(Child(person.name, tuple(sorted(aliases, key=len, reverse=True)), at_contact))
    people = {p.name.split()[0].lower() for p in recording.present if p.name.split()}
    people.update(a for c in children for a in c.aliases)
    return Roster(tuple(children), frozenset(people), frozenset(not_names | relationship))


# Words before a child's name that are not the name ("Child's Name: Baby Harper-Rose", "baby Maja"
# in who was present).
_BEFORE_A_NAME = ("baby", "little")


def first_word(name: str) -> str:
    """A child's first name, past "Baby" or "Little" when a name follows."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in _BEFORE_A_NAME:
        words = words[1:]
    return words[0]


def _is_child(person: Person) -> bool:
    detail = _norm(person.detail)
    return any(re.search(rf"(?<![a-z]){word}(?![a-z])", detail) for word in _CHILD_WORDS)
