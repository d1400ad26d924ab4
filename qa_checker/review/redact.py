"""``--redact``: the names of children and adults replaced by initials in every output.

Names come from the headers (children, people present, supervisor, report writer) and from
spaCy's PERSON entities in any text the review shows. Each word of a name is replaced wherever
it appears, in any case ("Amelia Smith" -> "A. S.", "good-amelia.docx" -> "good-A..docx"), so a
surname alone or a name in a file name is caught too. The summary model is rewritten once,
before any writer sees it, so terminal, CSV and HTML cannot disagree.

Limits: a name spelt differently from the header and missed by the entity recogniser stays; a
name that is also an everyday word ("Hope", "May") is replaced wherever that word appears.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from enum import Enum

from pydantic import BaseModel

from qa_checker.report import Report
from qa_checker.review.summary import ReviewSummary, supervisor_name

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Words in a header's people fields that say who someone is rather than name them.
_ROLE_WORDS = {"family", "time", "supervisor", "social", "worker", "contact", "support", "mr", "mrs", "ms", "miss",
               "dr", "the", "and", "of", "with", "not", "given", "unknown", "fts", "sw", "tbc", "n/a"}


def keep_words() -> set[str]:
    """Words of a header's people fields that are not names: "Mum", "Nan", "mother", roles."""
    from qa_checker.template import load_template

    template = load_template()
    single = [w for w in template.relationship_words + template.address_words if " " not in w]
    return set(_ROLE_WORDS) | {w.casefold() for w in single}


def template_words() -> set[str]:
    """Every word of the template (titles, labels, prompts): what the entity recogniser may
    mistake for a name in a message ("'Date of Contact' is missing") but never is one."""
    from qa_checker.template import load_template

    return {w.casefold() for text in strings_in(load_template()) for w in _WORD.findall(text)}


def header_names(reports: Iterable[Report]) -> set[str]:
    """Every person named in the headers of ``reports``."""
    names: set[str] = set()
    for report in reports:
        names.update(report.children)
        info = report.info
        if info:
            names.update(info.present)
            names.update(n for n in (supervisor_name(info.supervised_by), supervisor_name(info.report_by)) if n)
    return names


def name_words(names: Iterable[str], keep: set[str]) -> set[str]:
    """The words of ``names`` that identify someone (hyphenated parts counted on their own too)."""
    words = set()
    for name in names:
        for word in _WORD.findall(name):
            parts = [word, *re.split(r"['’-]", word)]
            words.update(p for p in parts if len(p) > 1 and p.casefold() not in keep)
    return words


class Redactor:
    """Replaces each name word by its initial ("Smith" -> "S."), in any case."""

    def __init__(self, words: Iterable[str]) -> None:
        ordered = sorted({w.casefold() for w in words}, key=lambda w: (-len(w), w))
        self.pattern = (re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, ordered)) + r")(?![^\W\d_])",
                                   re.IGNORECASE) if ordered else None)

    def __call__(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: m.group(0)[0].upper() + ("" if text[m.end():m.end() + 1] == "." else "."),
                                text)


def rewrite_strings(value, change: Callable[[str], str]):
    """A copy of ``value`` (models, lists) with ``change`` applied to every string in it."""
    if isinstance(value, BaseModel):
        return value.model_copy(update={name: rewrite_strings(getattr(value, name), change)
                                        for name in type(value).model_fields})
    if isinstance(value, (list, tuple)):
        return type(value)(rewrite_strings(v, change) for v in value)
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return change(value)
    return value


def strings_in(value) -> set[str]:
    """Every string held in a model (to look for names in)."""
    found: set[str] = set()
    rewrite_strings(value, lambda s: found.add(s) or s)
    return found


def person_entities(texts: Iterable[str], nlp=None) -> set[str]:
    """PERSON entities spaCy finds in ``texts``, with ``nlp`` (a recogniser from
    :func:`~qa_checker.review.ner.load_recogniser`) or one loaded for this call."""
    from qa_checker.review.ner import load_recogniser

    nlp = nlp or load_recogniser()
    candidates = sorted(t for t in set(texts) if any(ch.isupper() for ch in t))
    found = set()
    for doc in nlp.pipe(candidates, batch_size=64):
        found.update(ent.text for ent in doc.ents if ent.label_ == "PERSON")
    return found


def redact_summary(summary: ReviewSummary, names: Iterable[str]) -> ReviewSummary:
    """The summary with every name (header ``names`` and PERSON entities) as initials."""
    keep = keep_words()
    words = name_words(names, keep) | name_words(person_entities(strings_in(summary)), keep | template_words())
    redacted = rewrite_strings(summary, Redactor(words))
    return redacted.model_copy(update={"redacted": True})
