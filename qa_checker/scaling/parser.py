"""Every 0-10 scaling in a recording, tied to the overall or a child, with its reason and next step.

Only the SCALING section is read (and the REFLECTION/ANALYSIS when the scaling section points
there: "see below"). Sentences come from the NLP layer's cheap pass; scores and their subjects
from ``grammar``; the words between one score and the next are parsed by spaCy, all in one
``nlp.pipe`` batch, and judged by ``judge``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from qa_checker.nlp.pipeline import TextParsers
from qa_checker.scaling.cues import ScalingCues, load_cues
from qa_checker.scaling.grammar import OVERALL, Grammar, Mention, Subject, with_context
from qa_checker.scaling.judge import Judge, Verdict
from qa_checker.scaling.result import ScalingResult, assemble
from qa_checker.scaling.roster import build_roster
from qa_checker.scaling.tables import Row, find_tables
from qa_checker.splitter.model import Recording, Span


@dataclass
class Piece:
    """Words after a score: running text to parse, or a typed table cell."""

    start: int
    end: int
    kind: str | None = None   # "reason" / "next_step" for a table cell under such a heading
    empty: bool = False
    verdict: Verdict = field(default_factory=Verdict)


@dataclass
class Statement:
    mention: Mention
    pieces: list[Piece] = field(default_factory=list)
    # A bare score with the next one right under it ("Overall: 7" / "Ivy: 7" / words for both):
    # the words after the next score are this one's too.
    stacked: bool = False


def parse_scaling(recording: Recording, analysis, parsers: TextParsers, *, cues: ScalingCues | None = None) -> ScalingResult:
    """The scalings of ``recording``; ``analysis`` is its :class:`~qa_checker.nlp.analysis.Analysis`,
    ``parsers`` the NLP layer's parse and tokenise for the pieces (the engine hands them in)."""
    cues = cues or load_cues()
    roster = build_roster(recording, cues.subjects.not_names)
    section = recording.sections.get("scaling")
    if section is None or not section.content:
        return ScalingResult(judged=False, roster=roster)
    grammar = Grammar(cues, roster)
    tables = find_tables(recording, section, cues.columns)
    rows = [row for table in tables for row in table]
    statements: list[Statement] = []
    scaling_sentences = _sentences(analysis, "scaling", rows)
    statements += _running(recording.text, scaling_sentences, grammar, [r.start for r in rows])
    if _points_below(recording, scaling_sentences, cues):
        statements += _running(recording.text, _sentences(analysis, "reflection", []), grammar, [])
    statements += [s for row in rows if (s := _table_row(recording, row, grammar)) is not None]
    statements.sort(key=lambda s: s.mention.start)
    _stack(recording.text, statements, grammar)
    _judge_all(recording, statements, cues, roster, parsers)
    _closing_step(recording.text, statements, grammar)
    return ScalingResult(judged=True, roster=roster, found=assemble(statements, grammar), heading=section.heading)


def _stack(text: str, statements: list[Statement], grammar: Grammar) -> None:
    """Mark each bare score line whose next line is another bare score line: "Overall: 7" over
    "Ivy: 7", with the words on the lines below ("Tyler 6" over "Maisie 5 - upset" is not); or
    whose next line gives the same score again naming nobody, with its words: "Overall: 9" /
    "Reuben: 9" / "I scaled this a 9 because ..." (dev w26-02) is one reason for both."""
    for statement, following in zip(statements, statements[1:]):
        between = text[statement.mention.end:following.mention.lead_start]
        line_end = text.find("\n", following.mention.end)
        rest = text[following.mention.end:line_end if line_end >= 0 else len(text)]
        bare = not statement.pieces and "\n" in between and not between.strip(_BARE)
        statement.stacked = bare and (not rest.strip(_BARE) or _same_again(text, statement, following, grammar))


def _closing_step(text: str, statements: list[Statement], grammar: Grammar) -> None:
    """A next step on a line of its own after the last score's, naming no one child ("To move up
    the scale the parents should try not to disagree in front of the children" under four scores,
    train w12-06), closes the section: it is every scaling's, not only the last one's."""
    if len(statements) < 2 or any(p.kind is not None for s in statements for p in s.pieces):
        return
    last = statements[-1]
    previous = last.mention.end
    for piece in last.pieces:
        gap, previous = text[previous:piece.start], piece.end
        named = grammar.last_named(text[piece.start:piece.end])
        if piece.verdict.next_step and _NEW_LINE.search(gap) and (named is None or named[0].kind != "child"):
            shared = Verdict(next_step=True, opening=piece.verdict.opening)
            for statement in statements[:-1]:
                statement.pieces.append(Piece(piece.start, piece.end, verdict=shared))
            return


_NEW_LINE = re.compile(r"\n")


def _same_again(text: str, statement: Statement, following: Statement, grammar: Grammar) -> bool:
    """The next score is this one's value again and its words name nobody ("I scaled this a 9")."""
    mention = following.mention
    return (mention.value is not None and mention.value == statement.mention.value
            and grammar.last_named(text[mention.lead_start:mention.start]) is None)


_BARE = " \t\r\n.,;:-–—/"


def _sentences(analysis, section: str, rows: list[Row]) -> list[Span]:
    return [(s.start, s.end) for s in analysis.sentences
            if s.section == section and not any(r.start <= s.start < r.end for r in rows)]


def _points_below(recording: Recording, sentences: list[Span], cues: ScalingCues) -> bool:
    text = recording.text
    return "reflection" in recording.sections and any(cues.pointer_pattern.search(text, s, e) for s, e in sentences)


def _running(text: str, sentences: list[Span], grammar: Grammar, stops: list[int]) -> list[Statement]:
    """Scores in running text, each with the words up to the next score (or subject line, or table)."""
    if not sentences:
        return []
    found: list[tuple[Mention, int]] = []
    boundaries = set(stops)
    context: tuple[Subject, int | None] | None = None
    for position, (start, end) in enumerate(sentences):
        subject = grammar.context_line(text[start:end])
        if subject is not None:
            context = (subject, start)
            boundaries.add(start)
            continue
        for mention in grammar.mentions(text, start, end):
            if mention.subject is None:
                mention, context = _attach(mention, context)
            found.append((mention, position))
            boundaries.add(mention.lead_start)
    ordered = sorted(boundaries)
    statements = []
    for number, (mention, position) in enumerate(found):
        limit = next((b for b in ordered if b >= mention.end), sentences[-1][1])
        statement = Statement(mention)
        first_in_sentence = number == 0 or found[number - 1][1] != position
        if first_in_sentence:
            _reason_first(statement, text, sentences[position][0], mention.start, grammar.cues)
        _add(statement, text, mention.end, min(sentences[position][1], limit))
        for start, end in sentences[position + 1:]:
            if start >= limit:
                break
            _add(statement, text, start, min(end, limit))
        statements.append(statement)
    return statements


def _reason_first(statement: Statement, text: str, start: int, upto: int, cues: ScalingCues) -> None:
    """'Because Amelia was relaxed all session, I would scale her at 8': the reason comes first."""
    comma = text.rfind(",", start, upto)
    if comma > start and cues.reason_first_pattern.match(text[start:comma]):
        _add(statement, text, start, comma)


def _attach(mention: Mention, context):
    """A score with no subject of its own: the subject line above it, or else the overall."""
    if context is None:
        return replace(mention, subject=OVERALL), None
    subject, line_start = context
    if line_start is None:
        return replace(mention, subject=subject), context
    return with_context(mention, subject, line_start), (subject, None)


def _add(statement: Statement, text: str, start: int, end: int, **kind) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        statement.pieces.append(Piece(start, end, **kind))


def _table_row(recording: Recording, row: Row, grammar: Grammar) -> Statement | None:
    from qa_checker.scaling.numbers import find_numbers
    from qa_checker.template import is_empty_answer

    named = row.of_kind("subject") or list(row.cells[:1])
    scores = row.of_kind("score")
    if not named or not scores:
        return None
    subject = grammar.named(named[0].text)
    numbers = find_numbers(recording.text, scores[0].start, scores[0].end, grammar.cues.numbers.words)
    if subject is None or not numbers:
        return None
    number = numbers[0]
    # The row is quoted by its name cell, the same in a Word table and in text.
    statement = Statement(Mention(subject, number.value, named[0].start, named[0].start, named[0].end))
    if number.end < scores[0].end:
        _add(statement, recording.text, number.end, scores[0].end)
    for cell in row.cells:
        if cell.kind in ("reason", "next_step"):
            statement.pieces.append(Piece(cell.start, cell.end, kind=cell.kind,
                                          empty=is_empty_answer(cell.text, recording.template)))
        elif cell.kind is None and cell.text.strip():
            _add(statement, recording.text, cell.start, cell.end)
    return statement


def _judge_all(recording: Recording, statements: list[Statement], cues: ScalingCues, roster, parsers: TextParsers) -> None:
    """Parse every running piece in one batch, then judge each piece."""
    from qa_checker.nlp.lexicon import load_lexicon

    judge = Judge(cues, load_lexicon().vocabulary, roster.people, _prompt_bags(recording.template.prompts))
    text = recording.text
    running = [p for s in statements for p in s.pieces if p.kind is None]
    # The parse is the dear part: pieces that cannot hold a recommendation are only tokenised.
    parse = [p for p in running if cues.parse_pattern.search(text[p.start:p.end])]
    for piece, doc in zip(parse, parsers.parse([text[p.start:p.end] for p in parse])):
        piece.verdict = judge.piece(doc)
    for piece in running:
        if piece not in parse:
            piece.verdict = judge.piece(parsers.tokenise(text[piece.start:piece.end]))
    for statement in statements:
        for piece in statement.pieces:
            if piece.kind is not None:
                piece.verdict = judge.cell(piece.kind, text[piece.start:piece.end], piece.empty)


@functools.cache
def _prompt_bags(prompts: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """The words of each sentence of the template's prompts (to spot what is left of one)."""
    from qa_checker.splitter.spans import sentences

    bags = []
    for prompt in prompts:
        for start, end in sentences(prompt, 0, len(prompt)):
            bags.append(frozenset(re.findall(r"[a-z0-9']+", prompt[start:end].lower().replace("’", "'"))))
    return tuple(bags)
