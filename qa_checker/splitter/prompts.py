"""Step 4: mark the template's own text (prompts, title, footer) so it is not taken as content."""

from __future__ import annotations

import functools
import re

from qa_checker.document import Block
from qa_checker.splitter.spans import Span, merge, sentences
from qa_checker.template import Template

_NON_WORD = re.compile(r"[^a-z0-9]+")


def _norm(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower().replace("’", "'")).strip()


@functools.cache
def _sentence_sets(lines: tuple[str, ...]) -> tuple[frozenset[str], tuple[frozenset[str], ...], frozenset[str]]:
    exact = set()
    bags = []
    for line in lines:
        for start, end in sentences(line, 0, len(line)):
            norm = _norm(line[start:end])
            if norm:
                exact.add(norm)
                if len(norm.split()) >= 6:
                    bags.append(frozenset(norm.split()))
    vocabulary = frozenset(word for bag in bags for word in bag)
    return frozenset(exact), tuple(bags), vocabulary


def _matches(norm: str, exact: frozenset[str], bags: tuple[frozenset[str], ...], vocabulary: frozenset[str]) -> bool:
    if not norm:
        return False
    if norm in exact:
        return True
    words = norm.split()
    if len(words) < 6:
        return False
    bag = set(words)
    if len(bag & vocabulary) < 0.85 * len(bag):
        return False  # most of its words are not the template's: it cannot be a near-copy
    # Near-copies (a word added or dropped while tidying) still count as the template's text.
    return any(len(bag & other) / len(bag | other) >= 0.85 for other in bags)


Sentences = list[tuple[int, int, str]]


def block_sentences(blocks: tuple[Block, ...], text: str) -> Sentences:
    """Every block's sentences, with their normalised words (what :func:`template_spans` compares)."""
    return [(start, end, _norm(text[start:end])) for block in blocks for start, end in sentences(text, block.start, block.end)]


def template_spans(blocks: tuple[Block, ...], text: str, lines: tuple[str, ...], split: Sentences | None = None) -> list[Span]:
    """Spans of sentences that repeat one of ``lines`` (the template's prompts or furniture);
    ``split`` is :func:`block_sentences`, when the caller has it already."""
    exact, bags, vocabulary = _sentence_sets(lines)
    split = block_sentences(blocks, text) if split is None else split
    return merge([(start, end) for start, end, norm in split if _matches(norm, exact, bags, vocabulary)])


def prompt_spans(blocks: tuple[Block, ...], text: str, template: Template, split: Sentences | None = None) -> list[Span]:
    """Blue runs, and sentences equal or nearly equal to one of the template's prompts."""
    coloured = [_strip(text, span) for block in blocks for span in block.prompt_spans]
    return merge([s for s in coloured if s] + template_spans(blocks, text, template.prompts, split))


def _strip(text: str, span: Span) -> Span | None:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def furniture_spans(blocks: tuple[Block, ...], text: str, template: Template, split: Sentences | None = None) -> list[Span]:
    return template_spans(blocks, text, template.furniture, split)
