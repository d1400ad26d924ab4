"""Whether the reflection picks up a concern (R02): word forms first, before any parse; then
lemmas, related words, a cue of the same kind, and word vectors where the pipeline has them."""

from __future__ import annotations

import re
import weakref

from qa_checker.checks.agreement.data import parent_names
from qa_checker.checks.reflection.concerns import Concern
from qa_checker.checks.reflection.data import load_concerns
from qa_checker.checks.reflection.related import Related
from qa_checker.checks.reflection.shared import before_in_paragraph, names_of, paragraph
from qa_checker.nlp.cues import cue_list
from qa_checker.nlp.cues import tokens as words_of
from qa_checker.nlp.lemmas import could_have
from qa_checker.nlp.linking import content_lemmas, has_vectors, similarity
from qa_checker.rule import Parsed


def _people_words(parsed: Parsed) -> frozenset[str]:
    """The children's, parents' and writer's names and person words (Mum, the carer): they are in
    almost every sentence, so they link nothing. Another adult's name (a partner's) does."""
    recording = parsed.recording
    words = set(parsed.language.lexicon.vocabulary.person_nouns) | set(recording.template.address_words)
    words |= parent_names(recording.present) | set().union(*(names_of(c) for c in recording.children))
    words |= {w.lower() for c in recording.children for w in c.name.split()}
    for key in ("supervised_by", "report_by"):
        field = recording.header.get(key)
        if field is not None:
            words.update(w.lower() for w in field.value.split() if w[:1].isupper())
    return frozenset(words)


def _children_in(tokens, children: list[frozenset[str]]) -> set[int]:
    words = {t.lower_ for t in tokens}
    return {i for i, names in enumerate(children) if names & words}


class _Words:
    """What the linker reads of a recording's words, whichever round asks: the same for every
    parse round (the words do not change, only which sentences have a parse), so worked out once."""

    def __init__(self, parsed: Parsed, sentences) -> None:
        self.ignore = load_concerns().generic | _people_words(parsed)
        self.children = [names_of(c) for c in parsed.recording.children]
        self.related = Related(parsed.recording, parsed.language.sentences)
        # per reflection sentence (by index): the children it names, and its content word forms
        self.sentences = sentences
        self.named = {s.index: _children_in(words_of(s), self.children) for s in sentences}
        self.surface = {s.index: _surface(words_of(s), self.ignore) for s in sentences}
        # the recording's text and all its sentences (by index)
        self.text, self.all_sentences = parsed.recording.text, parsed.language.sentences
        self.intervention = next((c.words for c in load_concerns().category if c.name == "intervention"), ())
        self._paragraphs: dict[str, list[tuple[int, set[str]]]] = {}
        self._everywhere: dict[str, frozenset[str]] = {}

    def everywhere(self, what: str) -> frozenset[str]:
        """The reflection's content words ("surface"), synonym groups or people, all sentences together."""
        if what not in self._everywhere:
            if what == "surface":
                self._everywhere[what] = frozenset().union(*self.surface.values())
            else:
                read = self.related.synonyms if what == "synonyms" else self.related.names
                self._everywhere[what] = read(self.sentences)
        return self._everywhere[what]

    def paragraphs(self, section: str) -> list[tuple[int, set[str]]]:
        """A section's paragraphs: each one's start and content word forms, in order (worked out
        when a worry of the section first asks)."""
        if section not in self._paragraphs:
            starts = sorted({self.text.rfind("\n", 0, s.start) + 1 for s in self.all_sentences if s.section == section})
            self._paragraphs[section] = [
                (start, _surface_text(self.text[slice(*paragraph(self.text, start))], self.ignore)) for start in starts]
        return self._paragraphs[section]


# One _Words per recording (and set of team words) while it is checked: R02 reads in two parse
# rounds and its check. Dropped when the recording is.
_WORDS: dict[tuple[int, int], tuple[weakref.ref, object, _Words]] = {}


def _words_of(parsed: Parsed, sentences) -> _Words:
    recording, lexicon = parsed.recording, parsed.language.lexicon
    key = (id(recording), id(lexicon))
    found = _WORDS.get(key)
    if found is not None and found[0]() is recording and found[1] is lexicon:
        return found[2]
    words = _Words(parsed, sentences)
    if found is None:
        weakref.finalize(recording, _WORDS.pop, key, None)
    _WORDS[key] = (weakref.ref(recording), lexicon, words)
    return words


class Linker:
    """Whether a reflection sentence picks a concern up (see the Limitations above)."""

    def __init__(self, parsed: Parsed, sentences) -> None:
        self.data = load_concerns()
        words = _words_of(parsed, sentences)
        self.ignore, self.children, self.related = words.ignore, words.children, words.related
        self.named, self.surface, self.words = words.named, words.surface, words
        self.sentences = sentences
        self.pipeline = parsed.options.pipeline

    def _others(self, about: set[int], sentence) -> bool:
        """Jayden's tears do not pick up Amelia's (``about``: the children the concern names)."""
        named = self.named[sentence.index]
        return bool(about and named and not about & named)

    def same_words(self, concern: Concern) -> bool:
        """The cheap test, before anything is parsed: a word form in common (with the concern or,
        for a worry, the account of the incident it sums up: :meth:`_account`), a synonym, the
        same kind of event of the same person, or a plan for them (:class:`Related`)."""
        tokens = [t for s in concern.sentences for t in words_of(s)]
        about = _children_in(tokens, self.children)
        own = _surface(tokens, self.ignore)
        if concern.worried and not own and self.related.names(concern.sentences):
            # a worry that only names someone ("Kayden."): picked up where the reflection discusses them
            return any(self.related.names(concern.sentences) & self.related.names([s]) for s in self.sentences)
        wanted = own | self._account(concern, own) | self._prompted_by(concern)
        related = self.related
        if not (wanted & self.words.everywhere("surface")
                or related.synonyms(concern.sentences) & self.words.everywhere("synonyms")
                or related.concern_names(concern.sentences) & self.words.everywhere("people")):
            return False  # nothing in common with the whole reflection: no need to compare sentence by sentence
        return any(wanted & self.surface[s.index] or related.links(concern.sentences, s, concern.section)
                   for s in self.sentences if not self._others(about, s))

    def _account(self, concern: Concern, own: set[str]) -> set[str]:
        """The words of the incident a line under "What are you worried about?" sums up ("The
        Christmas promise."): those of the paragraphs of its section above it that share a word
        (``own``) with it. (The rest of a cue sentence's own paragraph was tried too: on the
        independent train and dev recordings it removed as many right findings as wrong ones.)"""
        if not concern.worried or not own:
            return set()
        first = concern.sentences[0].start
        found: set[str] = set()
        for start, words in self.words.paragraphs(concern.section):
            if start < first and own & words:
                found |= words
        return found

    def _prompted_by(self, concern: Concern) -> set[str]:
        """The words of what prompted an intervention: the two sentences before it in its paragraph
        ("Sarah told Amelia that her foster carer buys the wrong cereal. I reminded Sarah about
        this." is picked up by "Sarah's remark about the cereal"). Only for an intervention:
        the rest of a cue sentence's paragraph in general removed right findings (see :meth:`_account`)."""
        if concern.worried:
            return set()
        first = concern.sentences[0]
        cues = cue_list(self.words.intervention)
        if not cues.any(first):
            return set()
        tokens = words_of(first)
        # only when the intervention does not name its own topic ("I reminded Mum not to discuss
        # the court case"), or points back to it ("about this", "kept picking it up")
        cue_words = {w for cue in cues.find(first) for w in cue.words.lower().split()}
        if _surface(tokens, self.ignore) - cue_words and not any(t.lower_ in ("this", "it") for t in tokens):
            return set()
        found: set[str] = set()
        before = before_in_paragraph(first, self.words.all_sentences, self.words.text)
        for _ in range(2):
            if before is None:
                break
            found |= _surface(words_of(before), self.ignore)
            before = before_in_paragraph(before, self.words.all_sentences, self.words.text)
        return found

    def same_incident(self, concern: Concern, other: Concern) -> bool:
        """Two concerns of one section about one incident ("I reminded Sarah to put her phone
        away" and, under the worries, "Sarah on her phone"): a word form in common or in other
        words, not merely a cue of the same kind."""
        if concern.section != other.section:
            return False
        mine_tokens = [t for s in concern.sentences for t in words_of(s)]
        their_tokens = [t for s in other.sentences for t in words_of(s)]
        if concern.worried != other.worried and _children_in(mine_tokens, self.children) & _children_in(their_tokens, self.children):
            # the line under "What are you worried about?" sums up what the section told of the
            # same child ("Leo screamed and kicked" and "Leo's reaction, Mum not comforting him")
            return True
        mine = _surface(mine_tokens, self.ignore)
        theirs = _surface(their_tokens, self.ignore)
        return bool(mine & theirs) or any(self.related.links(concern.sentences, s, concern.section) for s in other.sentences)

    def to_read(self, concern: Concern) -> list:
        """The reflection sentences :meth:`picked_up` reads on their parse for a parsed concern:
        those that could share a lemma with it (all of them when the pipeline has word vectors)."""
        tokens = [t for s in concern.sentences for t in s.tree]
        wanted = content_lemmas(tokens, self.ignore, self.data.canonical)
        vectors = has_vectors(tokens[0].vocab)
        about = _children_in(tokens, self.children)
        return [s for s in self.sentences if not self._others(about, s)
                and (vectors or could_have(words_of(s), wanted, self.pipeline, self.data.canonical))]

    def picked_up(self, concern: Concern) -> bool:
        """The full test on the parsed concern and reflection: lemmas, a cue of the same kind, or
        vectors (on the sentences :meth:`to_read` asked to have parsed, and any other parsed)."""
        tokens = [t for s in concern.sentences for t in s.tree]
        canonical = self.data.canonical
        wanted = content_lemmas(tokens, self.ignore, canonical)
        vectors = has_vectors(tokens[0].vocab)
        about = _children_in(tokens, self.children)
        category = concern.category
        cues = cue_list(category.words + category.picked_up_by) if category is not None else None
        for sentence in (s for s in self.sentences if not self._others(about, s)):
            if sentence.doc is not None and wanted & content_lemmas(sentence.doc, self.ignore, canonical):
                return True
            if cues is not None and cues.any(sentence):
                return True
            if vectors and sentence.doc is not None and similarity(tokens, sentence.doc) >= self.data.similarity:
                return True
        return False


def _surface_text(text: str, ignore: frozenset[str]) -> set[str]:
    """:func:`_surface` of a text read without the tokenizer (a paragraph of a worry's section)."""
    from spacy.lang.en.stop_words import STOP_WORDS  # not at import: see qa_checker/parallel.py

    return {w for w in re.findall(r"[a-z0-9]+", text.lower())
            if len(w) > 2 and not w.isdigit() and w not in STOP_WORDS and w not in ignore}


def _surface(tokens, ignore: frozenset[str]) -> set[str]:
    """Content word forms ("PS5" too), without stop words and the words in ``ignore``."""
    return {t.lower_ for t in tokens if (t.is_alpha or t.text.isalnum() and not t.is_digit)
            and not t.is_stop and len(t) > 2 and t.lower_ not in ignore}
