"""The trained decision: a small classifier that reads each sentence with what the patterns proposed
in it and scores how likely a team leader is to send it back, overall and for each class of weak
wording (``models/judge/``, trained by ``make train``; see ``models/train_judge.py``).

The patterns propose and the hand-written judgements clear what they can explain; the score then
decides what is left: a proposal in a sentence the classifier finds plainly fine is dropped, and
a sentence it finds plainly weak in one class, where no pattern of that class fired, is proposed
(naming the words the score rests on). The classifier is spaCy's bag-of-words text categoriser
(``spacy.TextCatBOW.v3``: word unigrams and bigrams, hashed, one linear layer): a few MB, no
tok2vec, and it reads the cheap pass's tokens, so no sentence is parsed for it. Every value here is
a plain number; the rules decide with them (``qa_checker.checks.phrasing.shared``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from qa_checker.resources import packaged

if TYPE_CHECKING:
    from spacy.language import Language
    from thinc.api import Model

# What the classifier scores: "weak" (any class below) and each class of weak wording, named as the
# independent labellers name them (tests/data/independent/README.md).
CLASSES = ("guess", "label", "vague", "sweeping", "loaded", "hearsay", "unframed")
LABELS = ("weak", *CLASSES)
# The class each phrasing or reflection rule decides with.
CLASS_OF = {"P01": "guess", "P02": "label", "P03": "vague", "P04": "sweeping", "P05": "loaded",
            "P07": "hearsay", "R03": "unframed"}


class JudgeConfig(BaseModel):
    """``[judge]`` in models/pipeline.toml: where the trained model is and how its scores decide."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = "judge"  # a folder under models/
    enabled: bool = True
    # A proposal of a rule in ``decides`` is dropped when the sentence's "weak" score is below
    # ``veto`` (and its sentence is not parsed for it).
    veto: float = 0.2
    decides: tuple[str, ...] = ("P02", "P03", "P04")
    # A sentence in which no pattern fired is proposed when its "weak" score reaches this, for the
    # rule of its likeliest class (1.0 or more: never; "unframed" is R03's, in the reflection only).
    propose: float = 0.5


def marker_words(section: str, framed: bool, quoted: bool, proposals: Iterable[tuple[str, str]]) -> list[str]:
    """The context the classifier reads besides the words: the section, a framed opinion, quoted
    speech, and each pattern's proposal (its rule and its kind)."""
    marks = [f"§section:{section}"]
    if framed:
        marks.append("§framed")
    if quoted:
        marks.append("§quoted")
    for label, kind in sorted(set(proposals)):
        marks += [f"§{label}", f"§{label}:{kind}"]
    return marks


def feature_words(tokens: Sequence[str], names: frozenset[str], marks: Sequence[str]) -> list[str]:
    """The words the classifier reads: lower case, numbers and times as one word, the header's
    people as one word (so that nothing is learnt from a family's names), after the context marks."""
    words = [word(token.lower(), names) for token in tokens if token.strip()]
    return [*marks, *words]


@functools.lru_cache(maxsize=1 << 18)
def _plain(lower: str) -> str:
    return "§number" if any(c.isdigit() for c in lower) else lower


def word(lower: str, names: frozenset[str]) -> str:
    """One token's feature word (its lower case form given)."""
    plain = _plain(lower)
    return "§person" if plain in names else plain


@dataclass(frozen=True)
class Judge:
    """The trained classifier: the text categoriser's model and its labels."""

    model: Model
    labels: tuple[str, ...]


@functools.cache
def load_judge(name: str = "judge") -> Judge:
    """The trained classifier, once per process: its model built from the saved config and
    weights alone (a few ms; ``spacy.load`` of the folder takes over 0.1 s, most of it making a
    Language that scoring never uses). tests/test_judge.py checks it scores as the pipeline does."""
    import json
    from importlib.resources import as_file

    import spacy.ml.models  # noqa: F401  (registers spaCy's architectures)
    from spacy.util import registry
    from thinc.api import Config

    with as_file(packaged("models", name)) as path:  # a real folder even from a zipped install
        config = Config().from_disk(path / "config.cfg", interpolate=False)
        labels = tuple(json.loads((path / "textcat_multilabel" / "cfg").read_text(encoding="utf-8"))["labels"])
        block = {**config["components"]["textcat_multilabel"]["model"], "nO": len(labels)}
        model = registry.resolve({"model": block})["model"]
        model.from_bytes((path / "textcat_multilabel" / "model").read_bytes())
    return Judge(model, labels)


@functools.cache
def load_judge_pipeline(name: str = "judge") -> Language:
    """The trained classifier as the spaCy pipeline ``make train`` saved (for the test that
    compares :func:`score` with the text categoriser's own ``predict``)."""
    from importlib.resources import as_file

    import spacy

    with as_file(packaged("models", name)) as path:
        return spacy.load(path)


def score(judge: Judge, features: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """The classifier's scores for each sentence's feature words.

    The same computation as the text categoriser's ``predict`` on a Doc of those words
    (tests/test_judge.py checks they are equal), without making a Doc per sentence: the unigram
    and bigram keys of every sentence are made in one go, then the model's sparse linear layer
    and its output layer run on them."""
    import numpy

    lengths = [len(words) or 1 for words in features]
    unigrams = numpy.fromiter((_key(w) for words in features for w in (words or ["§empty"])),
                              dtype="uint64", count=sum(lengths))
    return score_keys(judge, unigrams, lengths)


def score_keys(judge: Judge, unigrams, lengths: Sequence[int]) -> list[dict[str, float]]:
    """:func:`score` from the words' keys (:func:`key_of`), all sentences' in one uint64 array,
    ``lengths`` saying how many are each sentence's (at least one each)."""
    if not lengths:
        return []
    import numpy

    layers = {node.name: node for node in judge.model.walk()}
    ngrams, linear, output = layers["extract_ngrams"], layers["sparse_linear"], layers["logistic"]
    doc = numpy.repeat(numpy.arange(len(lengths)), lengths)
    keys, owners = [unigrams], [doc]
    for n in range(2, ngrams.attrs["ngram_size"] + 1):
        grams = ngrams.ops.ngrams(n, unigrams)
        same = doc[: len(doc) - n + 1] == doc[n - 1:]  # n-grams inside one sentence only
        keys.append(numpy.asarray(grams)[same])
        owners.append(doc[: len(doc) - n + 1][same])
    every, owner = numpy.concatenate(keys), numpy.concatenate(owners)
    order = numpy.lexsort((every, owner))
    every, owner = every[order], owner[order]
    first = numpy.ones(len(every), dtype=bool)
    first[1:] = (every[1:] != every[:-1]) | (owner[1:] != owner[:-1])
    starts = numpy.flatnonzero(first)
    counts = numpy.diff(numpy.append(starts, len(every))).astype("f")
    per_doc = numpy.bincount(owner[starts], minlength=len(lengths)).astype("int32")
    X = (every[starts], counts, per_doc)
    scores = output.predict(linear.predict(X))
    return [{label: float(row[i]) for i, label in enumerate(judge.labels)} for row in scores.tolist()]


def key_of(word: str) -> int:
    """A feature word's key, as :func:`score_keys` reads it."""
    return _key(word)


@functools.lru_cache(maxsize=1 << 18)
def _key(word: str) -> int:
    """A word's key as a Doc of it would hold (its hash, or spaCy's own id for the strings it
    predefines, such as "prep")."""
    from spacy.strings import get_string_id

    return int(get_string_id(word))


def score_by_docs(nlp: Language, features: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """The text categoriser's own ``predict`` on a Doc of each sentence's words (what :func:`score`
    computes faster; kept for the test that compares them)."""
    from spacy.tokens import Doc

    textcat = nlp.get_pipe("textcat_multilabel")
    docs = [Doc(nlp.vocab, words=list(words) or ["§empty"]) for words in features]
    scores = textcat.predict(docs)  # type: ignore[attr-defined]
    labels = textcat.labels  # type: ignore[attr-defined]
    return [{label: float(row[i]) for i, label in enumerate(labels)} for row in scores.tolist()]


def key_words(judge: Judge, features: Sequence[str], label: str, limit: int = 3) -> list[int]:
    """Positions (in ``features``) of the words the score for ``label`` rests on most: the content
    words whose removal lowers it most (marks, numbers, names and stop words excluded)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    base = score(judge, [features])[0][label]
    # content words only: "is", "with", "to" may move the score but are not what a writer would change
    candidates = [i for i, w in enumerate(features) if w.isalpha() and w not in STOP_WORDS]
    variants = [[w for j, w in enumerate(features) if j != i] for i in candidates]
    drops = [(base - s[label], i) for s, i in zip(score(judge, variants), candidates)]
    return sorted(i for drop, i in sorted(drops, reverse=True)[:limit] if drop > 0)
