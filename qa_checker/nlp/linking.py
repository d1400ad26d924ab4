"""Does one passage pick up another? Shared content lemmas, and word vectors only where the
pipeline has real ones (en_core_web_sm has none: its token vectors are context tensors, not
meant for similarity, so they are never used)."""

from __future__ import annotations

from collections.abc import Iterable

_CONTENT = {"NOUN", "PROPN", "VERB", "ADJ", "ADV"}


def content_lemmas(tokens: Iterable, ignore: frozenset[str], canonical: dict[str, str] | None = None) -> set[str]:
    """Lower-case lemmas of the content words, without stop words and the words in ``ignore``;
    ``canonical`` maps related words to one ("question" -> "ask")."""
    canonical = canonical or {}
    lemmas = set()
    for token in tokens:
        lemma = token.lemma_.lower()
        if token.is_alpha and not token.is_stop and token.pos_ in _CONTENT and lemma not in ignore and token.lower_ not in ignore:
            lemmas.add(canonical.get(lemma, lemma))
    return lemmas


def has_vectors(vocab) -> bool:
    """True when the pipeline ships static word vectors (en_core_web_md and larger)."""
    rows, width = vocab.vectors.shape
    return rows > 0 and width > 0


def similarity(first: Iterable, second: Iterable) -> float:
    """Cosine similarity of the mean word vectors of two token sequences (0.0 when either has none)."""
    import numpy

    def mean(tokens):
        vectors = [t.vector for t in tokens if t.has_vector and not t.is_stop and t.is_alpha]
        return numpy.mean(vectors, axis=0) if vectors else None

    a, b = mean(first), mean(second)
    if a is None or b is None:
        return 0.0
    norm = float(numpy.linalg.norm(a) * numpy.linalg.norm(b))
    return float(numpy.dot(a, b) / norm) if norm else 0.0
