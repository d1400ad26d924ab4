"""The lemmas a word could have, from the tokenizer alone: so that a rule comparing lemmas
parses only the sentences where a lemma it looks for could be.

A word's lemma depends on its part of speech, which only the tagger knows. This takes every
lemma the pipeline's rule lemmatizer would give the word for any part of speech, the word itself
(a base form keeps its own) and any lemma the attribute_ruler sets for that word form ("me" ->
"I", "ca" -> "can"). The real lemma is always one of them, so a sentence none of whose words
could have a wanted lemma cannot have it once parsed either.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

_UPOS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
         "SCONJ", "SYM", "VERB", "X")


class LemmaGuesser:
    """Every lemma a word form could get from one pipeline (see the module)."""

    def __init__(self, nlp) -> None:
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        # A lookup lemmatizer, or none, lemmatizes otherwise: callers then parse everything.
        self.ok = lemmatizer is not None and getattr(lemmatizer, "mode", "") == "rule"
        self.lemmatizer: Any = lemmatizer
        self.vocab = nlp.vocab
        # The parts of speech the lemmatizer has tables for; for any other it keeps the word as
        # it is (lower case), which is always among the guesses.
        self.pos: tuple[str, ...] = ()
        if self.ok and lemmatizer is not None:
            tables = [lemmatizer.lookups.get_table(t, {}) for t in ("lemma_index", "lemma_exc", "lemma_rules")]
            self.pos = tuple(p for p in _UPOS if any(p.lower() in table for table in tables))
        self.literal, self.patterns = _ruler_lemmas(nlp)
        self._cache: dict[str, frozenset[str]] = {}

    def of(self, lower: str) -> frozenset[str]:
        """Every lemma (lower case) the word could get, ``lower`` being its lower-case form."""
        found = self._cache.get(lower)
        if found is None:
            found = self._cache[lower] = self._guess(lower)
        return found

    def _guess(self, lower: str) -> frozenset[str]:
        from spacy.tokens import Doc

        lemmas = {lower} | self.literal.get(lower, set())
        lemmas |= {lemma for pattern, lemma in self.patterns if pattern.search(lower)}
        token = Doc(self.vocab, words=[lower])[0]
        for pos in self.pos:
            token.pos_ = pos
            lemmas.update(lemma.lower() for lemma in self.lemmatizer.rule_lemmatize(token)[:1])
        return frozenset(lemmas)


def _ruler_lemmas(nlp) -> tuple[dict[str, set[str]], list[tuple[re.Pattern, str]]]:
    """The lemmas the attribute_ruler sets, by the word form (LOWER) its pattern names."""
    from spacy.attrs import LEMMA

    literal: dict[str, set[str]] = {}
    patterns: list[tuple[re.Pattern, str]] = []
    if "attribute_ruler" not in nlp.pipe_names:
        return literal, patterns
    ruler = nlp.get_pipe("attribute_ruler")
    strings = nlp.vocab.strings
    for attr_id, attrs in enumerate(ruler.attrs):
        if LEMMA not in attrs:
            continue
        lemma = strings[attrs[LEMMA]].lower()
        for pattern in ruler.matcher.get(str(attr_id))[1]:
            spec = pattern[ruler.indices[attr_id]].get("LOWER")
            if isinstance(spec, str):
                literal.setdefault(spec, set()).add(lemma)
            elif isinstance(spec, dict) and "IN" in spec:
                for form in spec["IN"]:
                    literal.setdefault(form, set()).add(lemma)
            elif isinstance(spec, dict) and "REGEX" in spec:
                patterns.append((re.compile(spec["REGEX"]), lemma))
            else:  # any word form: the lemma is possible for every word
                patterns.append((re.compile(""), lemma))
    return literal, patterns


@functools.cache
def guesser(base: str | None = None) -> LemmaGuesser:
    from qa_checker.nlp.pipeline import load_pipeline

    return LemmaGuesser(load_pipeline(base))


def could_have(words: Iterable, lemmas: frozenset[str] | set[str], base: str | None = None,
               canonical: dict[str, str] | None = None) -> bool:
    """Whether any of these tokens could have one of ``lemmas`` once parsed (True when the
    pipeline's lemmatizer cannot be second-guessed). ``canonical`` maps related lemmas to one."""
    found = guesser(base)
    if not found.ok:
        return True
    canonical = canonical or {}
    return any(canonical.get(lemma, lemma) in lemmas for token in words for lemma in found.of(token.lower_))
