"""The NLP pass over what the writer wrote.

Cheap, over all the writer's content: the tokenizer, sentence boundaries (never across a line)
and PhraseMatchers for every phrasing entry. Dear, only where a rule must judge: the candidate
sentences, and those the rules ask for (``Rule.parses``), go through the tagger, parser and
lemmatizer in one ``nlp.pipe`` batch; what the first parse shows is needed too (the sentence
after an unbacked guess or judgement) in a second.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from qa_checker.nlp.lexicon import LEXICAL_KINDS, Entry, Lexicon, Vocabulary, load_lexicon, with_team_words
from qa_checker.nlp.pipeline import load_pipeline, pipeline_config, prime_tokenizer
from qa_checker.splitter.model import Recording, Span

_SENTENCE_END = {".", "!", "?", "…"}
_CLOSERS = {"'", '"', "”", "’", ")", "]"}
# Direct speech: double quotes, or single quotes that open after a space and close before one
# (an apostrophe inside a word, "It's", does not close them).
_QUOTES = re.compile(
    r"“[^”\n]*”|\"[^\"\n]*\""
    r"|‘(?:[^’\n]|’(?=\w))*’(?!\w)"
    r"|(?<![\w’'])'(?=\S)(?:[^'\n]|(?<=\w)'(?=\w))*?(?<=[\w.,!?…])'(?!\w)"
)


# Parse batches a check may take: the candidates, then what their parse showed is needed too.
_ROUNDS = 2


@dataclass
class Sentence:
    """One sentence of the writer's content; ``doc`` is its parse, when a rule needed one."""

    index: int
    section: str
    start: int
    end: int
    text: str
    framed: bool  # holds a professional-opinion frame, outside quotes (reflection sentences only)
    quotes: tuple[Span, ...] = ()
    words: object | None = field(default=None, repr=False)  # the cheap pass's tokens (no parse)
    # Every listed word found here, kept or not: a label is never evidence for another label.
    listed: list[Span] = field(default_factory=list, repr=False)
    doc: object | None = None
    next: "Sentence | None" = None

    def in_quote(self, start: int, end: int) -> bool:
        return any(q_start <= start and end <= q_end for q_start, q_end in self.quotes)

    def tokens(self, start: int, end: int):
        """The parsed tokens covering the absolute character span."""
        span = self.doc.char_span(start - self.start, end - self.start, alignment_mode="expand")
        return list(span) if span is not None else []


@dataclass
class Trigger:
    """Words from one entry's phrase list found in a sentence (outside quotes)."""

    entry: Entry
    sentence: Sentence
    start: int
    end: int
    words: str
    cheap_tokens: list = field(default_factory=list, repr=False)

    @property
    def tokens(self):
        return self.sentence.tokens(self.start, self.end) if self.sentence.doc is not None else []


@dataclass
class Analysis:
    recording: Recording
    sentences: list[Sentence]
    triggers: list[Trigger]
    lexicon: Lexicon

    def for_rule(self, label: str) -> list[Trigger]:
        return [t for t in self.triggers if t.entry.label == label]


class _Matchers:
    """PhraseMatchers (and the framing Matcher) built once per process from the lexicon."""

    def __init__(self, nlp, lexicon: Lexicon) -> None:
        from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher

        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.excepted = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.framing = Matcher(nlp.vocab)
        self.entries: dict[int, Entry] = {}
        self.confirm: dict[str, list] = {}
        for entry in lexicon.entries:
            key = nlp.vocab.strings.add(entry.key)
            self.entries[key] = entry
            matcher = self.orth if entry.case_sensitive else self.lower
            phrases = list(entry.phrases)
            if entry.case_sensitive:
                # "by T/C." ends in the token "C.": match the abbreviation with its full stop too
                phrases += [p + "." for p in entry.phrases if not p.endswith(".")]
            matcher.add(entry.key, [nlp.make_doc(p) for p in phrases])
            if entry.except_:
                self.excepted.add(entry.key, [nlp.make_doc(p) for p in entry.except_])
            checks = []
            for number, confirm in enumerate(entry.confirm):
                if confirm.matcher is not None:
                    check = Matcher(nlp.vocab)
                    check.add(f"{entry.key}:{number}", [list(confirm.matcher)])
                else:
                    check = DependencyMatcher(nlp.vocab)
                    check.add(f"{entry.key}:{number}", [list(confirm.dependency)])
                checks.append(check)
            self.confirm[entry.key] = checks
        for frame in lexicon.framing:
            self.framing.add(frame.id, [list(frame.pattern)])
        self.framing_words = _key_words([frame.pattern for frame in lexicon.framing])
        self.vocabulary = lexicon.vocabulary
        self.lexicon = lexicon


def _key_words(patterns) -> frozenset[str] | None:
    """Words (lower case) one of which a line must hold for any of ``patterns`` to match there:
    from each pattern, one token it cannot do without (on LOWER), the one whose words are
    longest ("opinion" rather than "in"). None when a pattern has no such token (then every
    line is tried)."""
    words: set[str] = set()
    for pattern in patterns:
        choices = []
        for token in pattern:
            value = token.get("LOWER") if token.get("OP") not in ("*", "?", "!") and set(token) <= {"LOWER", "OP"} else None
            if isinstance(value, str):
                choices.append({value})
            elif isinstance(value, dict) and set(value) == {"IN"}:
                choices.append(set(value["IN"]))
        if not choices:
            return None
        words |= max(choices, key=lambda c: min(map(len, c)))
    return frozenset(words)


@functools.cache
def _matchers(base: str | None, extra: tuple = ()) -> _Matchers:
    return _Matchers(load_pipeline(base), with_team_words(load_lexicon(), extra))


def quote_spans(text: str, start: int, end: int) -> list[Span]:
    """Quoted speech in ``text[start:end]`` ("...", “...”, '...', ‘...’), as absolute spans."""
    return [(start + m.start(), start + m.end()) for m in _QUOTES.finditer(text[start:end])]


_ABBREVIATIONS = {"mr.", "mrs.", "ms.", "dr.", "e.g.", "i.e.", "etc.", "st.", "no.", "approx.", "vs.", "nr."}


def _ends_with_stop(texts: list[str], position: int) -> bool:
    """'T/C.' is tokenised with its full stop: a sentence ends there if a capital follows
    (``position`` is the index after that token)."""
    text = texts[position - 1]
    if len(text) < 2 or not text.endswith(".") or text.lower() in _ABBREVIATIONS:
        return False
    return position < len(texts) and texts[position][:1].isupper()


_ENDS_AND_CLOSERS = _SENTENCE_END | _CLOSERS


def _sentence_spans(doc, start: int, end: int, quotes: list[Span] = ()) -> list[Span]:
    """Sentences of one line of content, split after . ! ? (and any closing quote), never
    inside quoted speech."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    texts, idxs = [t.text for t in span], [t.idx for t in span]
    count = len(texts)
    out, first, position = [], idxs[0], 0
    while position < count:
        last = position
        position += 1
        if texts[last] not in _SENTENCE_END and not _ends_with_stop(texts, position):
            continue
        while position < count and texts[position] in _ENDS_AND_CLOSERS:
            last = position
            position += 1
        if position < count and texts[position][:1].islower():
            continue  # 'Mum said "Stretch!" every time': the sentence goes on after the quote
        stop = idxs[last] + len(texts[last])
        if any(q_start < stop < q_end for q_start, q_end in quotes):
            continue
        out.append((first, stop))
        first = idxs[position] if position < count else None
    if first is not None:
        out.append((first, idxs[-1] + len(texts[-1])))
    return [(max(s, start), min(e, end)) for s, e in out if e > s]


def _framing_starts(doc, start: int, end: int, matchers: _Matchers) -> list[int]:
    """Where professional-opinion frames start in one line of content (the Matcher runs only on
    a line holding a word a frame starts with: token patterns are the dear part)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    words = matchers.framing_words
    if words is not None and not any(t.lower_ in words for t in span):
        return []
    return [span[s].idx for _, s, _ in matchers.framing(span)]


def _sentences(recording: Recording, doc, matchers: _Matchers) -> list[Sentence]:
    text = recording.text
    sentences: list[Sentence] = []
    for section in recording.sections.values():
        previous = None
        for c_start, c_end in section.content:
            quotes = quote_spans(text, c_start, c_end)
            # Framing changes a judgement only in the reflection (R01, and P01/P02 leave a framed
            # opinion there alone), so the token patterns run there only: they are the dear part.
            framing_starts = _framing_starts(doc, c_start, c_end, matchers) if section.name == "reflection" else []
            for s_start, s_end in _sentence_spans(doc, c_start, c_end, quotes):
                framed = any(s_start <= f < s_end and not any(q <= f < e for q, e in quotes) for f in framing_starts)
                sentence = Sentence(
                    index=len(sentences), section=section.name, start=s_start, end=s_end,
                    text=text[s_start:s_end], framed=framed,
                    quotes=tuple(q for q in quotes if q[0] < s_end and q[1] > s_start),
                    words=doc.char_span(s_start, s_end, alignment_mode="expand"),
                )
                if previous is not None:
                    previous.next = sentence
                previous = sentence
                sentences.append(sentence)
    return sentences


def _triggers(doc, text: str, sentences: list[Sentence], matchers: _Matchers) -> list[Trigger]:
    """Every phrase match in the writer's sentences (``text`` is the doc's text: Doc.text is
    rebuilt from the tokens on each access)."""
    starts = [s.start for s in sentences]
    excepted = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for _, s, e in matchers.excepted(doc)]
    found: list[Trigger] = []
    for match_id, t_start, t_end in list(matchers.lower(doc)) + list(matchers.orth(doc)):
        entry = matchers.entries[match_id]
        start, end = doc[t_start].idx, doc[t_end - 1].idx + len(doc[t_end - 1])
        if entry.case_sensitive and text[end - 1] == "." and not any(p.endswith(".") for p in entry.phrases):
            end -= 1
        position = bisect.bisect_right(starts, start) - 1
        if position < 0 or end > sentences[position].end:
            continue  # not in the writer's content (a heading, a prompt, the header)
        sentence = sentences[position]
        sentence.listed.append((start, end))
        if sentence.in_quote(start, end) or _in_compound(text, start, end, entry):
            continue
        if entry.context is not None and not _in_context(doc, t_start, t_end, sentence, entry, matchers.vocabulary):
            continue
        if any(e_start <= start and end <= e_end for e_start, e_end in excepted):
            continue
        found.append(Trigger(entry, sentence, start, end, text[start:end], list(doc[t_start:t_end])))
    return found


def _in_context(doc, t_start: int, t_end: int, sentence: Sentence, entry: Entry, vocabulary: Vocabulary) -> bool:
    """The entry's context words around the trigger (see lexicon.Context), from the cheap pass."""
    context = entry.context
    first = sentence.words[0].i if sentence.words is not None and len(sentence.words) else 0
    previous = doc[t_start - 1].lower_ if t_start - 1 >= first else ""
    if context.not_before and previous in getattr(vocabulary, context.not_before):
        return False
    if not context.before and not context.after:
        return True
    if context.before:
        window = {t.lower_ for t in doc[max(first, t_start - context.window):t_start]}
        if window & getattr(vocabulary, context.before):
            return True
    if context.after and t_end < len(doc):
        following = doc[t_end].lower_
        words = getattr(vocabulary, context.after)
        return following in words or following.rstrip("s") in words
    return False


def _in_compound(text: str, start: int, end: int, entry: Entry) -> bool:
    """'fine-tipped', 'well-known': part of a hyphenated word the entry does not list."""
    if any("-" in phrase for phrase in entry.phrases if phrase.lower() == text[start:end].lower()):
        return False
    return text[end:end + 1] == "-" or (start > 0 and text[start - 1] == "-")


def _longest(triggers: list[Trigger]) -> list[Trigger]:
    """Of overlapping triggers for the same rule keep the longest ("most likely" over "likely")."""
    triggers.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[Trigger] = []
    for trigger in triggers:
        if any(k.entry.label == trigger.entry.label and k.start < trigger.end and trigger.start < k.end for k in kept):
            continue
        kept.append(trigger)
    return kept


def _needs_parse(trigger: Trigger) -> bool:
    return trigger.entry.kind not in LEXICAL_KINDS or bool(trigger.entry.confirm)


def _confirmed(trigger: Trigger, matchers: _Matchers) -> bool:
    """Whether a confirm pattern matches over the trigger; the trigger then covers the whole
    match when it is short ("well" -> "went well", "looked" -> "looked tired")."""
    checks = matchers.confirm[trigger.entry.key]
    if not checks:
        return True
    wanted = {t.i for t in trigger.tokens}
    doc = trigger.sentence.doc
    for check in checks:
        for match in check(doc):
            ids = set(match[1]) if isinstance(match[1], list) else set(range(match[1], match[2]))
            if wanted & ids:
                # the words that make the phrase ("went well", "looked tired"), not the people in it
                ids = {i for i in ids if i in wanted or doc[i].pos_ not in ("NOUN", "PROPN", "PRON")}
                first, last = doc[min(ids)], doc[max(ids)]
                if max(ids) - min(ids) < 4:
                    base = trigger.sentence.start
                    trigger.start, trigger.end = base + first.idx, base + last.idx + len(last.text)
                    trigger.words = trigger.sentence.text[first.idx:last.idx + len(last.text)]
                return True
    return False


def analyse_many(
    recordings: Sequence[Recording], base: str | None = None, extra: tuple = (),
    wants: Callable[[int, Analysis], Iterable[Sentence]] | None = None,
) -> list[Analysis]:
    """Analyse recordings together, parsing every recording's candidate sentences in one batch.

    ``base`` names another spaCy pipeline; ``extra`` is a team's extra words, as
    ((rule code, words), ...) pairs. ``wants(position, analysis)`` adds the sentences the rules
    will judge on their parse to the same batch; it is called before the parse, when the
    analysis has its sentences but its triggers are not confirmed yet, and again after it (the
    triggers confirmed), for what the first parse showed is needed too (a second batch)."""
    nlp = load_pipeline(base)
    matchers = _matchers(base, extra)
    lexicon = matchers.lexicon
    analyses = []
    prime_tokenizer(nlp.tokenizer, (r.text for r in recordings), set())
    for recording in recordings:
        doc = nlp.make_doc(recording.text)
        sentences = _sentences(recording, doc, matchers)
        analyses.append(Analysis(recording, sentences, _triggers(doc, recording.text, sentences, matchers), lexicon))
    to_parse: dict[int, Sentence] = {}
    for analysis in analyses:
        to_parse.update((id(t.sentence), t.sentence) for t in analysis.triggers if _needs_parse(t))
    if wants is not None:
        for position, analysis in enumerate(analyses):
            to_parse.update((id(s), s) for s in wants(position, analysis))
    parse(to_parse.values(), base)
    for analysis in analyses:
        analysis.triggers = _longest([t for t in analysis.triggers if not _needs_parse(t) or _confirmed(t, matchers)])
    # A rule may want more once it has seen the first parse and the confirmed triggers (the
    # sentence after a guess or a judgement, only when its own sentence does not back it):
    # asked again, in one more batch.
    for _ in range(_ROUNDS - 1):
        more = [s for position, analysis in enumerate(analyses) for s in (wants(position, analysis) if wants else ())
                if s.doc is None]
        if not more:
            break
        parse(more, base)
    return analyses


def parse(sentences: Iterable[Sentence], base: str | None = None) -> None:
    """Parse the sentences that have no parse yet, in one ``nlp.pipe`` batch (for what a rule must judge)."""
    batch = list({id(s): s for s in sentences if s.doc is None}.values())
    if batch:
        docs = load_pipeline(base).pipe((s.text for s in batch), batch_size=pipeline_config().batch_size)
        for sentence, doc in zip(batch, docs):
            sentence.doc = doc


def analyse(recording: Recording, base: str | None = None, extra: tuple = ()) -> Analysis:
    return analyse_many([recording], base, extra)[0]


def parsed_sentences(analyses: Iterable[Analysis]) -> int:
    """How many sentences went through the parser (for benchmarks)."""
    return sum(1 for a in analyses for s in a.sentences if s.doc is not None)
