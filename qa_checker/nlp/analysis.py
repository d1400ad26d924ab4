"""The NLP pass over what the writer wrote.

Cheap, over all the writer's content (:func:`analyse_many`): the tokenizer, sentence boundaries
(never across a line) and PhraseMatchers for every phrasing entry. Dear, only where a rule must
judge (:func:`fulfil`, one round at a time, as the engine plans them): the sentences the rules
declare they will read (``Rule.reads``), and in the first round those whose triggers wait on a
parse, go through the tagger, parser and lemmatizer in one ``nlp.pipe`` batch for many
recordings. Every value here is immutable: a round returns new analyses.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

from qa_checker.nlp.judge import CLASSES, JudgeConfig, key_of, key_words, load_judge, marker_words, score_keys, word
from qa_checker.nlp.lexicon import Entry, Lexicon, LexiconSpec, Vocabulary, load_lexicon, with_team_words
from qa_checker.nlp.pipeline import load_pipeline, pipeline_config, prime_tokenizer
from qa_checker.splitter.model import Recording, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as Span_

_SENTENCE_END = {".", "!", "?", "…"}
_CLOSERS = {"'", '"', "”", "’", ")", "]"}
# Direct speech: double quotes, or single quotes that open after a space and close before one
# (an apostrophe inside a word, "It's", does not close them).
_QUOTES = re.compile(
    r"“[^”\n]*”|\"[^\"\n]*\""
    r"|‘(?:[^’\n]|’(?=\w))*’(?!\w)"
    r"|(?<![\w’'])'(?=\S)(?:[^'\n]|(?<=\w)'(?=\w))*?(?<=[\w.,!?…])'(?!\w)"
)


@dataclass(frozen=True, eq=False)
class Sentence:
    """One sentence of the writer's content; ``doc`` is its parse, when a rule asked for one.

    Immutable: a parse round gives a new :class:`Analysis` whose sentences carry their docs."""

    index: int
    section: str
    start: int
    end: int
    text: str
    framed: bool  # holds a professional-opinion frame, outside quotes (reflection sentences only)
    quotes: tuple[Span, ...] = ()
    words: Span_ | None = field(default=None, repr=False)  # the cheap pass's tokens (no parse)
    # Every listed word found here, kept or not: a label is never evidence for another label.
    listed: tuple[Span, ...] = field(default=(), repr=False)
    doc: Doc | None = field(default=None, repr=False)

    @property
    def tree(self) -> Doc:
        """The parse, for a rule that planned to read this sentence (``Rule.reads``)."""
        if self.doc is None:
            raise LookupError(f"sentence {self.index} was not parsed: declare it in the rule's parse plan (Rule.reads)")
        return self.doc

    def in_quote(self, start: int, end: int) -> bool:
        return bool(self.quotes) and any(q_start <= start and end <= q_end for q_start, q_end in self.quotes)

    def tokens(self, start: int, end: int) -> list[Token]:
        """The parsed tokens covering the absolute character span."""
        if self.doc is None:
            return []
        span = self.doc.char_span(start - self.start, end - self.start, alignment_mode="expand")
        return list(span) if span is not None else []


@dataclass(frozen=True, eq=False)
class Trigger:
    """Words from one entry's phrase list found in a sentence (outside quotes)."""

    entry: Entry
    sentence: Sentence
    start: int
    end: int
    words: str
    cheap_tokens: tuple[Token, ...] = field(default=(), repr=False)

    @property
    def tokens(self) -> list[Token]:
        return self.sentence.tokens(self.start, self.end) if self.sentence.doc is not None else []


@dataclass(frozen=True, eq=False)
class Analysis:
    """What the NLP pass found in one recording: its sentences (parsed where asked) and the
    phrasing triggers. ``confirmed`` is False until the first parse round, when the triggers
    that need a parse have had it (they are all candidates until then)."""

    recording: Recording
    sentences: tuple[Sentence, ...]
    triggers: tuple[Trigger, ...]
    lexicon: Lexicon
    confirmed: bool = False
    # The trained decision's scores for each sentence (by index; empty when it is off), the words
    # each proposal rests on (by sentence index and class), and how the scores decide.
    judged: tuple[Mapping[str, float], ...] = ()
    judged_words: Mapping[tuple[int, str], tuple[Span, ...]] = field(default_factory=dict)
    judge: JudgeConfig | None = None

    def proposed(self, kind: str) -> list[tuple[Sentence, tuple[Span, ...]]]:
        """Sentences the trained decision proposes for class ``kind`` (no pattern fired in them),
        with the words it rests on."""
        return [(self.sentences[i], spans) for (i, k), spans in sorted(self.judged_words.items()) if k == kind]

    def vetoed(self, index: int, label: str) -> bool:
        """The trained decision finds sentence ``index`` plainly fine and rule ``label``'s proposals
        in it are its to drop (``decides`` in models/pipeline.toml; qa_checker/nlp/judge.py)."""
        judge = self.judge
        if judge is None or not self.judged or label not in judge.decides:
            return False
        return self.judged[index].get("weak", 1.0) < judge.veto

    def for_rule(self, label: str) -> list[Trigger]:
        return [t for t in self.triggers if t.entry.label == label]

    def after(self, sentence: Sentence) -> Sentence | None:
        """The next sentence of the same section (as this analysis has it), or None."""
        position = sentence.index + 1
        if position < len(self.sentences) and self.sentences[position].section == sentence.section:
            return self.sentences[position]
        return None

    @property
    def awaiting_parse(self) -> list[Sentence]:
        """The sentences whose triggers wait for a parse to be confirmed (none once confirmed), but
        not for a trigger the trained decision drops whatever the parse says (:meth:`vetoed`)."""
        if self.confirmed:
            return []
        return [t.sentence for t in self.triggers
                if self.lexicon.needs_parse(t.entry) and not self.vetoed(t.sentence.index, t.entry.label)]


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
            checks: list[Any] = []
            for number, confirm in enumerate(entry.confirm):
                if confirm.matcher is not None:
                    tokens = Matcher(nlp.vocab)
                    tokens.add(f"{entry.key}:{number}", [list(confirm.matcher)])
                    checks.append(tokens)
                else:
                    tree = DependencyMatcher(nlp.vocab)
                    tree.add(f"{entry.key}:{number}", [list(confirm.dependency or ())])
                    checks.append(tree)
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
def _matchers(base: str | None, extra: tuple = (), spec: LexiconSpec | None = None) -> _Matchers:
    return _Matchers(load_pipeline(base), with_team_words(load_lexicon(spec), extra, spec))


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


def _sentence_spans(doc, start: int, end: int, quotes: Sequence[Span] = ()) -> list[Span]:
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


@dataclass(frozen=True)
class _Draft:
    """A sentence's place and cheap-pass facts, before its listed words are known."""

    section: str
    start: int
    end: int
    framed: bool
    quotes: tuple[Span, ...]


def _drafts(recording: Recording, doc, matchers: _Matchers) -> list[_Draft]:
    text = recording.text
    drafts: list[_Draft] = []
    for section in recording.sections.values():
        for c_start, c_end in section.content:
            quotes = quote_spans(text, c_start, c_end)
            # Framing changes a judgement only in the reflection (R01, and P01/P02 leave a framed
            # opinion there alone), so the token patterns run there only: they are the dear part.
            framing_starts = _framing_starts(doc, c_start, c_end, matchers) if section.name == "reflection" else []
            for s_start, s_end in _sentence_spans(doc, c_start, c_end, quotes):
                framed = any(s_start <= f < s_end and not any(q <= f < e for q, e in quotes) for f in framing_starts)
                drafts.append(_Draft(section.name, s_start, s_end, framed,
                                     tuple(q for q in quotes if q[0] < s_end and q[1] > s_start)))
    return drafts


@dataclass(frozen=True)
class _Match:
    entry: Entry
    position: int  # the sentence's index
    start: int
    end: int
    words: str
    cheap_tokens: tuple


def _matches(doc, text: str, drafts: list[_Draft], matchers: _Matchers) -> tuple[list[_Match], list[list[Span]]]:
    """Every phrase match in the writer's sentences, and each sentence's listed words (kept or
    not). ``text`` is the doc's text: Doc.text is rebuilt from the tokens on each access."""
    starts = [d.start for d in drafts]
    listed: list[list[Span]] = [[] for _ in drafts]
    excepted = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for _, s, e in matchers.excepted(doc)]
    found: list[_Match] = []
    for match_id, t_start, t_end in list(matchers.lower(doc)) + list(matchers.orth(doc)):
        entry = matchers.entries[match_id]
        start, end = doc[t_start].idx, doc[t_end - 1].idx + len(doc[t_end - 1])
        if entry.case_sensitive and text[end - 1] == "." and not any(p.endswith(".") for p in entry.phrases):
            end -= 1
        position = bisect.bisect_right(starts, start) - 1
        if position < 0 or end > drafts[position].end:
            continue  # not in the writer's content (a heading, a prompt, the header)
        draft = drafts[position]
        listed[position].append((start, end))
        if any(q_start <= start and end <= q_end for q_start, q_end in draft.quotes) or _in_compound(text, start, end, entry):
            continue
        first = doc.char_span(draft.start, draft.end, alignment_mode="expand")
        if entry.context is not None and not _in_context(doc, t_start, t_end, first, entry, matchers.vocabulary):
            continue
        if any(e_start <= start and end <= e_end for e_start, e_end in excepted):
            continue
        found.append(_Match(entry, position, start, end, text[start:end], tuple(doc[t_start:t_end])))
    return found, listed


def _in_context(doc, t_start: int, t_end: int, words, entry: Entry, vocabulary: Vocabulary) -> bool:
    """The entry's context words around the trigger (see lexicon.Context), from the cheap pass;
    ``words`` are the sentence's tokens."""
    context = entry.context
    if context is None:
        return True
    first = words[0].i if words is not None and len(words) else 0
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
    if not (text[end:end + 1] == "-" or (start > 0 and text[start - 1] == "-")):
        return False  # most matches: checked first, it is cheap
    return not any("-" in phrase for phrase in entry.phrases if phrase.lower() == text[start:end].lower())


def _longest(triggers: list[Trigger]) -> list[Trigger]:
    """Of overlapping triggers for the same rule keep the longest ("most likely" over "likely")."""
    triggers = sorted(triggers, key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[Trigger] = []
    for trigger in triggers:
        if any(k.entry.label == trigger.entry.label and k.start < trigger.end and trigger.start < k.end for k in kept):
            continue
        kept.append(trigger)
    return kept




def _confirmed(trigger: Trigger, matchers: _Matchers) -> Trigger | None:
    """The trigger if a confirm pattern matches over it (covering the whole match when that is
    short: "well" -> "went well", "looked" -> "looked tired"), else None."""
    checks = matchers.confirm[trigger.entry.key]
    if not checks:
        return trigger
    wanted = {t.i for t in trigger.tokens}
    doc = trigger.sentence.doc
    if doc is None:
        return None
    for check in checks:
        for match in check(doc):
            ids = set(match[1]) if isinstance(match[1], list) else set(range(match[1], match[2]))
            if wanted & ids:
                # the words that make the phrase ("went well", "looked tired"), not the people in it
                ids = {i for i in ids if i in wanted or doc[i].pos_ not in ("NOUN", "PROPN", "PRON")}
                first, last = doc[min(ids)], doc[max(ids)]
                if max(ids) - min(ids) < 4:
                    base = trigger.sentence.start
                    return replace(trigger, start=base + first.idx, end=base + last.idx + len(last.text),
                                   words=trigger.sentence.text[first.idx:last.idx + len(last.text)])
                return trigger
    return None


def analyse_many(
    recordings: Sequence[Recording], base: str | None = None, extra: tuple = (), spec: LexiconSpec | None = None,
    judged: bool = True,
) -> list[Analysis]:
    """The cheap pass over recordings: sentences, quotes, framing and phrasing triggers, nothing
    parsed, then the trained decision's scores (unless ``judged`` is False, as when training it).
    ``base`` names another spaCy pipeline; ``extra`` is a team's extra words, as
    ((rule code, words), ...) pairs; ``spec`` the rules' word-list kinds (from the registry).
    Parse rounds follow with :func:`fulfil`."""
    nlp = load_pipeline(base)
    matchers = _matchers(base, extra, spec)
    analyses = []
    prime_tokenizer(nlp.tokenizer, (r.text for r in recordings), set())
    for recording in recordings:
        text = recording.text
        doc = nlp.make_doc(text)
        drafts = _drafts(recording, doc, matchers)
        matches, listed = _matches(doc, text, drafts, matchers)
        sentences = tuple([
            Sentence(index=i, section=d.section, start=d.start, end=d.end, text=text[d.start:d.end], framed=d.framed,
                     quotes=d.quotes, words=doc.char_span(d.start, d.end, alignment_mode="expand"),
                     listed=tuple(listed[i]))
            for i, d in enumerate(drafts)
        ])
        triggers = tuple(Trigger(m.entry, sentences[m.position], m.start, m.end, m.words, m.cheap_tokens)
                         for m in matches)
        analyses.append(Analysis(recording, sentences, triggers, matchers.lexicon))
    judge = pipeline_config().judge
    return _judged(analyses, judge) if judged and judge.enabled else analyses


def header_names(recording: Recording) -> frozenset[str]:
    """The header's people, lower case: each one's first name, and capitalised words of their detail."""
    names: set[str] = set()
    for person in (*recording.children, *recording.present):
        names.update(w.lower() for w in person.name.split()[:1])
        names.update(w.lower() for w in person.detail.split() if w.isalpha() and w[:1].isupper())
    return frozenset(names)


def judge_features(analysis: Analysis) -> list[list[str]]:
    """Each sentence's feature words for the trained decision (models/train_judge.py trains on the
    same): its context marks, then its words as :func:`~qa_checker.nlp.judge.feature_words` gives
    them, read from the cheap pass's token arrays (no token objects made)."""
    from spacy.attrs import IS_SPACE, LOWER

    names = header_names(analysis.recording)
    proposals = _proposals(analysis)
    first = next((s.words for s in analysis.sentences if s.words is not None), None)
    rows = first.doc.to_array([LOWER, IS_SPACE]).tolist() if first is not None else []
    strings = first.doc.vocab.strings if first is not None else None
    out = []
    for sentence in analysis.sentences:
        marks = marker_words(sentence.section, sentence.framed, bool(sentence.quotes), proposals.get(sentence.index, ()))
        span = sentence.words
        words = [word(strings[key], names) for key, space in rows[span.start:span.end] if not space] if span is not None and strings is not None else []
        out.append([*marks, *words])
    return out


def judge_keys(analysis: Analysis) -> tuple[Any, list[int]]:
    """:func:`judge_features` as the classifier reads them (:func:`~qa_checker.nlp.judge.key_of`
    of each word), all sentences' in one uint64 array, with each sentence's count: made from the
    cheap pass's token arrays, each distinct word form turned into its feature word once (no
    string per token; tests/test_judge.py checks it is the same)."""
    import numpy
    from spacy.attrs import IS_SPACE, LOWER

    names = header_names(analysis.recording)
    proposals = _proposals(analysis)
    first = next((s.words for s in analysis.sentences if s.words is not None), None)
    if first is not None:
        rows = first.doc.to_array([LOWER, IS_SPACE])
        forms, position = numpy.unique(rows[:, 0], return_inverse=True)
        strings = first.doc.vocab.strings
        keyed = numpy.fromiter((key_of(word(strings[k], names)) for k in forms.tolist()), dtype="uint64", count=len(forms))
        tokens, kept = keyed[position.reshape(-1)], rows[:, 1] == 0
    pieces, lengths = [], []
    for sentence in analysis.sentences:
        marks = marker_words(sentence.section, sentence.framed, bool(sentence.quotes), proposals.get(sentence.index, ()))
        pieces.append(numpy.fromiter((key_of(m) for m in marks), dtype="uint64", count=len(marks)))
        span = sentence.words
        count = len(marks)
        if span is not None and first is not None:
            words = tokens[span.start:span.end][kept[span.start:span.end]]
            pieces.append(words)
            count += len(words)
        lengths.append(count)
    return (numpy.concatenate(pieces) if pieces else numpy.zeros(0, dtype="uint64")), lengths


def _proposals(analysis: Analysis) -> dict[int, set[tuple[str, str]]]:
    """(rule, kind) of every pattern that fired, by sentence index."""
    proposals: dict[int, set[tuple[str, str]]] = {}
    for trigger in analysis.triggers:
        proposals.setdefault(trigger.sentence.index, set()).add((trigger.entry.label, trigger.entry.kind))
    return proposals


def _word_spans(sentence: Sentence, marks: int) -> list[Span]:
    """The character span of each feature word of a sentence (the marks have none)."""
    tokens = [t for t in (sentence.words or ()) if not t.is_space]
    # the cheap pass's doc is the whole recording, so a token's idx is its place in the text
    return [(-1, -1)] * marks + [(t.idx, t.idx + len(t.text)) for t in tokens]


def _judged(analyses: list[Analysis], judge: JudgeConfig) -> list[Analysis]:
    """The cheap pass's analyses with the trained decision's scores (one batch for all of them),
    and, for each sentence no pattern fired in whose "weak" score reaches ``judge.propose``, the
    words its likeliest class rests on (a proposal for that class's rule)."""
    import numpy

    model = load_judge(judge.model)
    keyed = [judge_keys(a) for a in analyses]
    flat = score_keys(model, numpy.concatenate([k for k, _ in keyed]), [n for _, per in keyed for n in per])
    out, at = [], 0
    for analysis, (_, per) in zip(analyses, keyed):
        scores = flat[at:at + len(per)]
        at += len(per)
        caught = {t.sentence.index for t in analysis.triggers}
        words: dict[tuple[int, str], tuple[Span, ...]] = {}
        features: list[list[str]] | None = None  # as strings, only where a sentence is proposed
        for index, row in enumerate(scores):
            if index in caught or row.get("weak", 0.0) < judge.propose:
                continue
            features = features if features is not None else judge_features(analysis)
            feats = features[index]
            likeliest = max(CLASSES, key=lambda c: row.get(c, 0.0))
            found = key_words(model, feats, likeliest) or key_words(model, feats, "weak")
            if found:
                sentence = analysis.sentences[index]
                marks = marker_words(sentence.section, sentence.framed, bool(sentence.quotes), ())
                spans = _word_spans(sentence, len(marks))  # no pattern fired here: no proposal marks
                words[index, likeliest] = tuple(spans[i] for i in found)
        out.append(replace(analysis, judged=tuple(scores), judged_words=words, judge=judge))
    return out


def fulfil(
    analyses: Sequence[Analysis], wanted: Sequence[Iterable[Sentence]], base: str | None = None,
    extra: tuple = (), spec: LexiconSpec | None = None,
) -> list[Analysis]:
    """One parse round: parse, in one ``nlp.pipe`` batch, the sentences ``wanted`` of each
    analysis (and, in the first round, those its triggers wait on), and return new analyses
    holding those parses, with the triggers confirmed by them. Nothing given is changed."""
    batch: dict[tuple[int, int], Sentence] = {}
    for position, (analysis, sentences) in enumerate(zip(analyses, wanted)):
        for sentence in (*analysis.awaiting_parse, *sentences):
            if sentence.doc is None:
                batch.setdefault((position, sentence.index), sentence)
    docs: dict[tuple[int, int], Doc] = {}
    if batch:
        piped = load_pipeline(base).pipe((s.text for s in batch.values()), batch_size=pipeline_config().batch_size)
        docs = dict(zip(batch, piped))
    matchers = _matchers(base, extra, spec)
    by_position: dict[int, dict[int, Doc]] = {}
    for (p, index), doc in docs.items():
        by_position.setdefault(p, {})[index] = doc
    out = []
    for position, analysis in enumerate(analyses):
        mine = by_position.get(position, {})
        out.append(_with_docs(analysis, mine, matchers) if mine or not analysis.confirmed else analysis)
    return out


def _with_docs(analysis: Analysis, docs: Mapping[int, Doc], matchers: _Matchers) -> Analysis:
    # Sentences without a new parse are kept as they are; the others are new values with theirs.
    sentences = tuple(_copy(s, doc=docs[s.index]) if s.index in docs else s for s in analysis.sentences)
    triggers = [t if t.sentence is sentences[t.sentence.index] else _copy(t, sentence=sentences[t.sentence.index])
                for t in analysis.triggers]
    if not analysis.confirmed:
        # a trigger the trained decision drops is not confirmed (its sentence was not parsed for it)
        kept = [t if not analysis.lexicon.needs_parse(t.entry) else
                None if analysis.vetoed(t.sentence.index, t.entry.label) else _confirmed(t, matchers) for t in triggers]
        triggers = _longest([t for t in kept if t is not None])
    return replace(analysis, sentences=tuple(sentences), triggers=tuple(triggers), confirmed=True)


_Item = TypeVar("_Item", Sentence, Trigger)


def _copy(item: _Item, **changes: Any) -> _Item:
    """A new sentence or trigger with ``changes``, as the next round's analysis is built. Cheaper
    than dataclasses.replace, which calls the frozen __init__ again for every field."""
    new = object.__new__(type(item))
    values = vars(new)
    values.update(vars(item))
    values.update(changes)
    return new


def analyse(recording: Recording, base: str | None = None, extra: tuple = (), spec: LexiconSpec | None = None) -> Analysis:
    """The cheap pass and the first parse round (the triggers confirmed), for one recording."""
    return fulfil(analyse_many([recording], base, extra, spec), [()], base, extra, spec)[0]


def parsed_sentences(analyses: Iterable[Analysis]) -> int:
    """How many sentences went through the parser (for benchmarks)."""
    return sum(1 for a in analyses for s in a.sentences if s.doc is not None)
