"""The same annotations as spaCy's attribute_ruler and lemmatizer, for a fraction of their cost.

en_core_web_sm's attribute_ruler holds 179 token patterns (its tag map and exceptions: "TAG VBZ
and LOWER 's" -> AUX, ...). spaCy runs them all through one Matcher on every token, which costs
as much as the tagger and parser together (docs/sources/PERF.md; 1.2 s of 3.7 s on our candidate sentences).
Nearly all of them test one token, and whether such a pattern matches depends only on the few
attributes it tests (TAG, LOWER, DEP, IS_SPACE). So :class:`FastAttributes` decides each distinct
combination of those values once, keeps the answer, and finds the few patterns that span several
tokens (none has an operator: n tokens in a row) from those answers. It then applies, token by token, the same attributes in the same
order as AttributeRuler.set_annotations (later patterns win), so the result is identical: a test
compares every token's tag, POS, morphology and lemma with and without it.

A ruler with a pattern this module does not understand (an operator, another predicate or
attribute) is left as it is.
"""

from __future__ import annotations

import re

# The token attributes single-token patterns may test here, and the predicates they may use.
_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_PREDICATES = {"IN", "NOT_IN", "REGEX"}


def _understood(spec: dict) -> bool:
    for attr, value in spec.items():
        if attr not in _ATTRS:
            return False
        if isinstance(value, dict) and not (len(value) == 1 and set(value) <= _PREDICATES):
            return False
    return True


def _holds(spec: dict, values: dict) -> bool:
    """Whether one token pattern matches a token with these attribute values (as the Matcher
    compares them: strings for TAG, LOWER and DEP, a bool for IS_SPACE)."""
    for attr, wanted in spec.items():
        value = values[attr]
        if isinstance(wanted, dict):
            (predicate, argument), = wanted.items()
            if predicate == "IN" and value not in argument:
                return False
            if predicate == "NOT_IN" and value in argument:
                return False
            if predicate == "REGEX" and not re.search(argument, value):
                return False
        elif value != wanted:
            return False
    return True


class FastAttributes:
    """Stands in for an AttributeRuler's ``match`` and ``set_annotations`` (see the module)."""

    def __init__(self, ruler) -> None:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        self.ruler = ruler
        self.strings = ruler.vocab.strings
        self.columns = [TAG, LOWER, DEP, IS_SPACE]
        self.specs: list[dict] = []  # every token pattern, of every position of every pattern
        self.single: list[tuple[int, int]] = []  # (pattern group, spec): one-token patterns
        self.multi: list[tuple[int, tuple[int, ...]]] = []  # (pattern group, specs): longer ones
        for attr_id in range(len(ruler.attrs)):
            for pattern in ruler.matcher.get(str(attr_id))[1]:
                specs = tuple(range(len(self.specs), len(self.specs) + len(pattern)))
                self.specs.extend(pattern)
                if len(specs) == 1:
                    self.single.append((attr_id, specs[0]))
                else:
                    self.multi.append((attr_id, specs))
        # Without operators ("OP"), a pattern of n tokens matches where n tokens in a row each
        # match its token patterns, which is all the Matcher does for it.
        self.ok = all(_understood(spec) and "OP" not in spec for spec in self.specs)
        self.first = frozenset(specs[0] for _, specs in self.multi)
        # the token patterns by the tag they require ("" for those that require none)
        self.by_tag: dict[str, list[int]] = {}
        for index, spec in enumerate(self.specs):
            self.by_tag.setdefault(spec["TAG"] if isinstance(spec.get("TAG"), str) else "", []).append(index)
        self._known: dict[tuple, tuple[tuple[int, ...], frozenset[int]]] = {}
        self._merged: dict[tuple[int, ...], dict] = {}

    def install(self) -> bool:
        """Replace the ruler's matching with this one (False, and nothing changed, when the
        ruler has patterns this module does not understand)."""
        if not self.ok:
            return False
        self.ruler.match = self.match
        self.ruler.set_annotations = self.set_annotations
        return True

    def _token(self, key: tuple) -> tuple[tuple[int, ...], frozenset[int]]:
        """For a token's (TAG, LOWER, DEP, IS_SPACE): the one-token pattern groups it matches, and
        every token pattern it matches."""
        found = self._known.get(key)
        if found is None:
            tag, lower, dep, space = key
            values = {"TAG": self.strings[tag] if tag else "", "LOWER": self.strings[lower],
                      "DEP": self.strings[dep] if dep else "", "IS_SPACE": bool(space)}
            tried = sorted(self.by_tag.get("", []) + (self.by_tag.get(values["TAG"], []) if values["TAG"] else []))
            specs = frozenset(i for i in tried if _holds(self.specs[i], values))
            found = self._known[key] = (tuple(a for a, spec in self.single if spec in specs), specs)
        return found

    def match(self, doc) -> list[list[int]]:
        """For each token, the ids of the pattern groups that set its attributes."""
        tokens = [self._token(tuple(row)) for row in doc.to_array(self.columns).tolist()]
        per_token = [list(groups) for groups, _ in tokens]
        for start, (_, specs) in enumerate(tokens):
            if not specs & self.first:
                continue
            for attr_id, sequence in self.multi:
                end = start + len(sequence)
                if end <= len(tokens) and all(s in tokens[start + k][1] for k, s in enumerate(sequence)):
                    index = self.ruler.indices[attr_id]
                    target = start + index if index >= 0 else end + index
                    if start <= target < end:
                        per_token[target].append(attr_id)
        return per_token

    def set_annotations(self, doc, per_token: list[list[int]]) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        for token, ids in zip(doc, per_token):
            if ids:
                key = tuple(sorted(ids))
                merged = self._merged.get(key)
                if merged is None:
                    merged = self._merged[key] = {k: v for a in key for k, v in self.ruler.attrs[a].items()}
                set_token_attrs(token, merged)


def install_fast_lemmatizer(lemmatizer) -> bool:
    """Give a spaCy Lemmatizer the same lemmas for a tenth of its cost (False, nothing changed,
    when it is not one).

    spaCy's lemmatizer visits every token in Python and sets its lemma string; its answer
    depends only on the token's form, part of speech and morphology. This keeps each answer by
    those three values, reads and writes the lemmas as one column, and asks the lemmatizer itself
    only for a combination it has not seen. Only this component changes class, no other.
    """
    from spacy.pipeline import Lemmatizer

    if not isinstance(lemmatizer, Lemmatizer) or isinstance(lemmatizer, _FastLemmas):
        return False
    lemmatizer.__class__ = type(f"Fast{type(lemmatizer).__name__}", (_FastLemmas, type(lemmatizer)), {})
    lemmatizer._known = {}
    return True


class _FastLemmas:
    """Mixed in before a Lemmatizer's own class by :func:`install_fast_lemmatizer`."""

    def __call__(self, doc):
        from spacy.attrs import LEMMA, MORPH, ORTH, POS
        from spacy.errors import Errors

        if not self._validated:
            self._validate_tables(Errors.E1004)
        known, strings = self._known, self.vocab.strings
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if self.overwrite or lemma == 0:
                value = known.get((orth, pos, morph))
                if value is None:
                    value = known[(orth, pos, morph)] = strings.add(self.lemmatize(doc[i])[0])
                lemmas[i] = value
        doc.from_array([LEMMA], lemmas)
        return doc
