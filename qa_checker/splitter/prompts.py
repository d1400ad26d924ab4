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


def _matches(text: str, exact: frozenset[str], bags: tuple[frozenset[str], ...], vocabulary: frozenset[str]) -> bool:
    norm = _norm(text)
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


def template_spans(blocks: tuple[Block, ...], text: str, lines: tuple[str, ...]) -> list[Span]:
    """Spans of sentences that repeat one of ``lines`` (the template's prompts or furniture)."""
    exact, bags, vocabulary = _sentence_sets(lines)
    found: list[Span] = []
    for block in blocks:
        for start, end in sentences(text, block.start, block.end):
            if _matches(text[start:end], exact, bags, vocabulary):
                found.append((start, end))
    return merge(found)


def prompt_spans(blocks: tuple[Block, ...], text: str, template: Template) -> list[Span]:
    """Blue runs, and sentences equal or nearly equal to one of the template's prompts."""
    coloured = [_strip(text, span) for block in blocks for span in block.prompt_spans]
    return merge([s for s in coloured if s] + template_spans(blocks, text, template.prompts))


def _strip(text: str, span: Span) -> Span | None:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def furniture_spans(blocks: tuple[Block, ...], text: str, template: Template) -> list[Span]:
    return template_spans(blocks, text, template.furniture)
