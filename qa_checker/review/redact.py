"""``--redact``: the names of children and adults replaced by initials in every output.

The names come from what each recording says itself: its children (with any nickname given),
everyone in "Present at contact", the supervisor and the report writer (and anyone the header
says the report went to), and names in the body, found two ways: capitalised words next to a
relationship word ("Mum's partner Dean", "Uncle Kyle") and spaCy's PERSON entities in the
sentences that hold a capitalised word nothing else explains (:func:`body_names`, run in the
workers beside the check, so redacting costs little time). Each word of a name is then replaced
wherever it appears in the recording's own text, in any case and before a possessive ("Amelia
Smith", "amelia's" and ``good-amelia.docx`` become "A. S.", "A.'s" and ``good-A..docx``).

Only recording text is rewritten: paths, children, supervisors, flagged sentences, messages
(which quote the recording) and suggestions; never the product's own labels (rule codes and
names, section keys, the review's description). A file that cannot be read has no header to
learn names from, and a file's name often holds a name no header ties to it, so every word of a
file's name that is not an everyday or template word is shortened ("kyle-scan.docx" ->
"K.-scan.docx"); folder names lose only the names known.

Limits: a name written only in lower case in the body and nowhere else, or one the recogniser
misses in a sentence with no relationship word, stays; a name that is also an everyday word
("Hope", "May") is replaced wherever that word appears.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from enum import Enum

from pydantic import BaseModel

from qa_checker.report import Finding, Report, SectionStatus
from qa_checker.review.summary import ReviewSummary, RuleRow

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Words in a header's people fields that say who someone is rather than name them.
_ROLE_WORDS = {"family", "time", "supervisor", "social", "worker", "contact", "support", "mr", "mrs", "ms", "miss",
               "dr", "the", "and", "of", "with", "not", "given", "unknown", "fts", "sw", "tbc", "n/a", "twins",
               "twin", "triplets", "siblings", "team", "manager", "emailed", "sent", "checked", "passed", "email",
               "by", "to", "on", "at", "via", "copy", "copied", "cc"}
# Sentence openers the recogniser sometimes takes for a name.
_OPENERS = {"good", "yeah", "yes", "no", "hi", "hello", "bye", "ok", "okay", "let", "look", "love", "speak", "well",
            "thanks", "thank", "please", "sorry", "great", "nice", "lovely", "right", "wow", "oh", "cool"}
# Everyday words of a file's name, kept when the file cannot be read.
_FILE_WORDS = {"scan", "scanned", "copy", "draft", "final", "recording", "recordings", "notes", "report", "week",
               "session", "checked", "version", "new", "old", "docx", "doc", "txt", "md", "pdf", "good", "flawed",
               "updated", "signed", "amended", "edited", "redacted", "copier", "file", "document", "contact",
               "family", "time", "from", "am", "pm"}
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "june", "july", "august", "september", "october", "november", "december",
             "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# Fields of the product's own labels, never rewritten.
_LABELS: dict[type, set[str]] = {
    Finding: {"rule", "name", "section", "fingerprint"},
    SectionStatus: {"name"},
    RuleRow: {"code", "name"},
    ReviewSummary: {"description", "previous_description"},
}
_LABEL_FIELDS = {"top_issue", "top_rule"}


@functools.cache
def keep_words() -> frozenset[str]:
    """Words of a header's people fields that are not names: "Mum", "Nan", "mother", roles."""
    from qa_checker.template import load_template

    template = load_template()
    single = [w for w in template.relationship_words + template.address_words if " " not in w]
    return frozenset(_ROLE_WORDS | {w.casefold() for w in single})


@functools.cache
def everyday_words() -> frozenset[str]:
    """Words that are never taken for a name: relationships, roles, calendar, English stop words.
    (Not the template's words: its prompts give examples with children's names.)"""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(keep_words() | _CALENDAR | _OPENERS | {w.casefold() for w in STOP_WORDS})


@functools.cache
def template_words() -> frozenset[str]:
    """Every word of the template (titles, labels, prompts)."""
    from qa_checker.template import load_template

    return frozenset(w.casefold() for text in strings_in(load_template()) for w in _WORD.findall(text))


def header_names(reports: Iterable[Report]) -> set[str]:
    """Every person named in the headers of ``reports`` (the whole report-writer line: it may
    name the social worker or manager the report went to)."""
    names: set[str] = set()
    for report in reports:
        names.update(report.children)
        info = report.info
        if info:
            names.update(info.present)
            names.update(n for n in (info.supervised_by, info.report_by) if n)
    return names


def name_words(names: Iterable[str], keep: Iterable[str] = ()) -> set[str]:
    """The capitalised words of ``names`` that identify someone (hyphenated parts counted on their
    own too); lower-case words ("twins", "and") and relationships are not names."""
    keep = set(keep) | keep_words()
    words: set[str] = set()
    for name in names:
        for word in _WORD.findall(name):
            word = re.sub(r"['’]s$", "", word)  # "Dean's" is Dean
            if not word[0].isupper():
                continue
            parts = [word, *re.split(r"['’-]", word)]
            words.update(p for p in parts if len(p) > 1 and p[0].isupper() and p.casefold() not in keep)
    return words


_CLITIC = re.compile(r"['’](?:s|ve|ll|d|re|m|t)$", re.IGNORECASE)
_NAME = r"[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    from qa_checker.template import load_template

    relation = "|".join(sorted((re.escape(w) for w in load_template().relationship_words if len(w) > 2),
                               key=len, reverse=True))
    return (
        # "Mum's partner Dean", "Uncle Kyle", "the social worker, Priya Khan"
        re.compile(rf"(?i:\b(?:{relation}))(?:['’]s)?(?:[ \t]+(?i:{relation}))?,?[ \t]+({_NAME}(?:[ \t]+{_NAME})?)"),
        # a nickname: "Jayden (Jay)", 'Jordan "Jojo"', "known as JJ"
        re.compile(rf"{_NAME}[ \t]*[(\"“‘'][ \t]*({_NAME})[ \t]*[)\"”’']"),
        re.compile(rf"(?:known as|called|nicknamed)[ \t]+[\"“‘']?({_NAME})"),
    )


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def body_names(text: str, known: Iterable[str] = ()) -> set[str]:
    """Names written in a recording's text: next to a relationship word, given as a nickname, or
    a PERSON entity. The recogniser reads, for each capitalised word that is not already
    ``known``, a template word, a relationship or an everyday word, the first sentence it is in,
    and its verdict on the word is kept for the rest of the process (the recordings of a review
    share most of their words: reading every sentence would double the review's time)."""
    found = {m.group(1) for pattern in _patterns() for m in pattern.finditer(text)}
    explained = everyday_words() | template_words() | {w.casefold() for w in name_words([*known, *found])}
    first: dict[str, str] = {}
    for sentence in _sentences(text):
        for word in _WORD.findall(sentence):
            word = _CLITIC.sub("", word)
            key = word.casefold()
            if word[:1].isupper() and key not in explained and key not in _VERDICTS:
                first.setdefault(key, sentence)
    if first:
        people: set[str] = set()
        for doc in _recogniser().pipe(sorted(set(first.values())), batch_size=64):
            people.update(w.casefold() for ent in doc.ents if ent.label_ == "PERSON" for w in _WORD.findall(ent.text))
        _VERDICTS.update((key, _CLITIC.sub("", key) in people or key in people) for key in first)
    judged = {_CLITIC.sub("", m.group(0)) for m in _candidates(text, explained)}
    # A word the text also writes in lower case more often than capitalised is an everyday word
    # the recogniser took for a name at the start of a sentence ("Good", "Lego").
    lower = {w for w in _WORD.findall(text) if w.islower()}
    found.update(w for w in judged if w.casefold() not in lower
                 or len(re.findall(rf"\b{re.escape(w.casefold())}\b", text)) <= len(re.findall(rf"\b{re.escape(w)}\b", text)))
    known_words = name_words(known)
    return {name for name in found if name_words([name], everyday_words()) - known_words}


def _candidates(text: str, explained: frozenset[str] | set[str]):
    """The capitalised words of ``text`` that the recogniser has judged part of a person's name."""
    for match in _WORD.finditer(text):
        word = _CLITIC.sub("", match.group(0))
        if word[:1].isupper() and word.casefold() not in explained and _VERDICTS.get(word.casefold()):
            yield match


# Each capitalised word the recogniser has read in this process: True when it was part of a name.
_VERDICTS: dict[str, bool] = {}


@functools.cache
def _recogniser():
    from qa_checker.review.ner import load_recogniser

    return load_recogniser()


class Redactor:
    """Replaces each name word by its initial ("Smith" -> "S."), in any case."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w.casefold() for w in words)
        ordered = sorted(self.words, key=lambda w: (-len(w), w))
        self.pattern = (re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, ordered)) + r")(?![^\W\d_])",
                                   re.IGNORECASE) if ordered else None)

    @classmethod
    def of(cls, names: Iterable[str]) -> Redactor:
        """A redactor for the words of ``names`` (relationships and everyday words left alone)."""
        return cls(name_words(names, _CALENDAR))

    def __call__(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: m.group(0)[0].upper() + ("" if text[m.end():m.end() + 1] == "." else "."),
                                text)

    def path(self, path: str) -> str:
        """A file's path with its names as initials and every other word of the file's name that
        is not an everyday word shortened too: a file name often holds a name that no header ties
        to it (an unreadable file has no header at all)."""
        folder, slash, name = self(path).rpartition("/")
        stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
        keep = everyday_words() | _FILE_WORDS

        def shorten(match: re.Match[str]) -> str:
            word = match.group(0)
            return word if len(word) < 2 or word.casefold() in keep else word[0].upper() + "."

        return folder + slash + re.sub(r"[^\W\d_]+", shorten, stem) + dot + suffix


def rewrite_strings(value, change: Callable[[str], str], path: Callable[[str], str] | None = None):
    """A copy of ``value`` (models, lists) with ``change`` applied to every string in it except
    the product's own labels (rule codes and names, section keys, descriptions); ``path`` (when
    given) rewrites a ``path`` field instead, and the same path at the start of an ``error``."""
    if isinstance(value, BaseModel):
        skip = _LABEL_FIELDS | next((f for t, f in _LABELS.items() if isinstance(value, t)), set())
        update = {name: rewrite_strings(getattr(value, name), change, path)
                  for name in type(value).model_fields if name not in skip}
        old = getattr(value, "path", None)
        if path is not None and isinstance(old, str):
            update["path"] = path(old)
            error = getattr(value, "error", None)
            if isinstance(error, str) and error.startswith(f"{old}: "):
                update["error"] = f"{update['path']}: " + change(error.removeprefix(f"{old}: "))
        return value.model_copy(update=update)
    if isinstance(value, (list, tuple)):
        return type(value)(rewrite_strings(v, change, path) for v in value)
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return change(value)
    return value


def strings_in(value) -> set[str]:
    """Every string held in a model."""
    found: set[str] = set()
    def keep(text: str) -> str:
        found.add(text)
        return text

    rewrite_strings(value, keep)
    return found


def redact_report(report: Report, redact: Redactor) -> Report:
    """The report with its names as initials, its path as :meth:`Redactor.path` says."""
    return rewrite_strings(report, redact, redact.path)


def redact_summary(summary: ReviewSummary, names: Iterable[str] | Redactor) -> ReviewSummary:
    """The summary with the ``names`` (or a redactor's) as initials, labels untouched."""
    redact = names if isinstance(names, Redactor) else Redactor.of(names)
    return rewrite_strings(summary, redact, redact.path).model_copy(update={"redacted": True})
