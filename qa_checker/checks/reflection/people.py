"""Who a sentence names (R02, R04): each child by name, nickname or a letter the recording
defines ("A = Alfie"), the mother and father by name or as Mum and Dad, other adults by name."""

from __future__ import annotations

import functools
import re

from qa_checker.checks.reflection.data import load_related
from qa_checker.checks.reflection.shared import names_of
from qa_checker.splitter.people import detail_names

_MOTHER = frozenset({"mum", "mummy", "mother", "mam", "mom", "mummy's", "mum's", "mother's"})
_FATHER = frozenset({"dad", "daddy", "father", "dad's", "father's", "daddy's"})
_PARENTS = frozenset({"parents", "parent", "parents'"})
# "M = mother (Kerry); A = Alfie; Ms = Maisie": a short capitalised key defined in the text.
_ALIAS = re.compile(r"(?<![\w/])([A-Z][A-Za-z]{0,3})\s*=\s*([^;.\n]+)")
# "Kayden (K); Lily-Mae (LM); Danielle Weller – mother (DW)": initials in brackets after a name or
# role (one or two words before them). Found from the bracket back: a pattern that starts at every
# word of a recording costs more than the rest of the alias search together.
_KEY_IN_BRACKETS = re.compile(r"\(([A-Z]{1,3})\)")
_BEFORE_KEY = re.compile(r"([A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)?)\s*$")


def _bracketed(text: str) -> list[tuple[str, str]]:
    """(key, the words before it) for each "Name (KEY)" in ``text``."""
    found = []
    for match in _KEY_IN_BRACKETS.finditer(text):
        before = _BEFORE_KEY.search(text, max(0, match.start() - 80), match.start())
        if before is not None:
            found.append((match.group(1), before.group(1)))
    return found


def _role(words: str) -> str | None:
    """'mother of both children' -> mother; "Dad's girlfriend" is not the father."""
    lowered = words.lower()
    for role, nouns in (("mother", "mother|mum|mummy|mam"), ("father", "father|dad|daddy")):
        if re.search(rf"\b(?:{nouns})\b(?!['’]s)", lowered):
            return role
    return None


@functools.lru_cache(maxsize=64)
def _aliases(text: str, children: tuple[tuple[str, frozenset[str]], ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    pairs = _ALIAS.findall(text) if "=" in text else []
    pairs += _bracketed(text) if "(" in text else []
    for key, meaning in pairs:
        words = {w.lower().strip("().,") for w in meaning.split()}
        child = next((name for name, names in children if names & words), None)
        who = child or _role(meaning)
        if who is not None:
            found[key] = who
    return found


def aliases(recording) -> dict[str, str]:
    """Short keys the recording defines for people ("A = Alfie", "M = mother (Kerry)", "Kayden
    (K)", "mother (DW)"): key (as written) -> the child's full name, or "mother" / "father"."""
    if "=" not in recording.text and "(" not in recording.text:
        return {}  # no key defined (each form needs an "=" or a bracket)
    children = tuple((c.name, frozenset(names_of(c))) for c in recording.children)
    return _aliases(recording.text, children)


class People:
    """Maps a word to the person it names, the same way for a concern and the reflection."""

    def __init__(self, recording) -> None:
        kin_words = load_related().kin
        self.lower: dict[str, str] = {}
        for child in recording.children:
            for name in names_of(child):
                self.lower[name] = child.name
        for person in recording.present:
            first = person.name.split()[:1]
            if not first or first[0].lower() in self.lower:
                continue
            role = _role(person.detail) or person.name.split()[0]
            for word in person.name.split():
                self.lower.setdefault(word.lower(), role)
            # "Tina Egan (paternal Nan)": "Nan" names her too, "Shannon (Dad's partner)" "partner"
            for word in sorted(detail_names(person)):
                self.lower.setdefault(word, role)
            # "PGM": the text calls her "grandmother" or "Nan" (related.toml's kin)
            for word in re.findall(r"[a-z]+", f"{person.name} {person.detail}".lower()):
                for kin in kin_words.get(word, ()):
                    self.lower.setdefault(kin, role)
        self.lower.update({w: "mother" for w in _MOTHER} | {w: "father" for w in _FATHER})
        self.exact = aliases(recording)
        # the children and parents: named in almost every sentence, unlike another adult
        self.family = frozenset({c.name for c in recording.children} | {"mother", "father"})

    def named(self, tokens) -> set[str]:
        """Who these tokens name ("parents" names both)."""
        found: set[str] = set()
        exact, known = self.exact, self.lower
        for token in tokens:
            # a one-letter key ("A = Alfie") is only trusted on a parse that says it is no article
            if exact and token.text in exact and not (len(token.text) == 1 and token.dep_ in ("", "det")):
                found.add(exact[token.text])
                continue
            lower = token.lower_
            if lower in _PARENTS:
                found |= {"mother", "father"}
            elif lower in known:
                found.add(known[lower])
        return found
