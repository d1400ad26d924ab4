"""A concern raised earlier (a worry, an intervention, talk of court, a child's distress, an injury, someone not agreed) is not picked up in the reflection.

Why it matters:
    The template asks the reflection to address the concerns raised: whether the parent tried to
    discuss court proceedings, whether intervention was needed and whether it is a pattern, how
    the child presented. A worry recorded above and then left out of the analysis leaves the
    child's review without the supervisor's view of what it meant for the child.

Weak:
    Basic Needs, worried about: At 16:50 Sarah began to talk about her solicitor. I reminded her of the agreement.
    Reflection: In my professional opinion the session met both children's needs.

Better:
    Reflection: In my professional opinion the session met both children's needs.
    Sarah's comment about her solicitor was addressed at once; it is the first time I have needed to remind her.

Limitations:
    Concerns come from the four observed sections: each paragraph under "What are you worried
    about?" (not one that says there is nothing to worry about, such as "I have no worries about
    the goodbye because..."), and any sentence with a cue from rules/reflection/concerns.toml
    that the parse confirms (the supervisor or carer intervening, not a parent reminding a child
    and not a reminder phoned beforehand; a child crying, not a parent; a person falling, not a
    tower of bricks; nothing denied, as in "I did not need to intervene"). A reflection sentence
    picks a concern up when they share a content word (lemmas, and a few related words such as
    "ask" and "question"; the children's and parents' names, Mum, Dad and common words such as
    "session" do not count, another adult's name does), or both hold a cue of the same kind
    ("judge" and "court"), or, with a pipeline that has word vectors (en_core_web_md, not the
    default en_core_web_sm), when they are similar enough; a sentence naming only another child
    does not pick up a concern about this one. So a reflection that mentions the concern in
    passing clears it, and one that puts it in wholly different words does not.

Source:
    Recording template, REFLECTION/ANALYSIS ("address any concerns raised ... whether the parent
    was focused on contact or attempting to discuss any legal intervention such as court
    proceedings ... whether intervention has been required ... whether this is a pattern");
    Family Time Agreement (no discussion of legal issues or complaints; no one else attends
    unless agreed in advance). Cue words: rules/reflection/concerns.toml.
"""

from qa_checker.checks.agreement.data import parent_names
from qa_checker.checks.reflection.concerns import Concern, candidates, confirm
from qa_checker.checks.reflection.data import Concerns, load_concerns
from qa_checker.checks.reflection.shared import names_of, reflection_sentences
from qa_checker.nlp.analysis import parse
from qa_checker.nlp.cues import cue_list
from qa_checker.nlp.cues import tokens as words_of
from qa_checker.nlp.linking import content_lemmas, has_vectors, similarity
from qa_checker.rule import Hit, Parsed, rule


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


def _children_in(tokens, children: list[set[str]]) -> set[int]:
    words = {t.lower_ for t in tokens}
    return {i for i, names in enumerate(children) if names & words}


class _Linker:
    """Whether a reflection sentence picks a concern up (see the Limitations above)."""

    def __init__(self, parsed: Parsed, sentences) -> None:
        self.data = load_concerns()
        self.ignore = self.data.generic | _people_words(parsed)
        self.children = [names_of(c) for c in parsed.recording.children]
        self.sentences = sentences

    def _others(self, tokens, sentence) -> bool:
        """Jayden's tears do not pick up Amelia's."""
        about, named = _children_in(tokens, self.children), _children_in(words_of(sentence), self.children)
        return bool(about and named and not about & named)

    def same_words(self, concern: Concern) -> bool:
        """The cheap test, before anything is parsed: a word form in common."""
        tokens = [t for s in concern.sentences for t in words_of(s)]
        wanted = _surface(tokens, self.ignore)
        return any(wanted & _surface(words_of(s), self.ignore) for s in self.sentences if not self._others(tokens, s))

    def picked_up(self, concern: Concern) -> bool:
        """The full test on the parsed concern and reflection: lemmas, a cue of the same kind, or vectors."""
        tokens = [t for s in concern.sentences for t in s.doc]
        wanted = content_lemmas(tokens, self.ignore, self.data.canonical)
        vectors = has_vectors(tokens[0].vocab)
        for sentence in self.sentences:
            if self._others(tokens, sentence):
                continue
            if wanted & content_lemmas(sentence.doc, self.ignore, self.data.canonical):
                return True
            if concern.category is not None and cue_list(concern.category.words).any(sentence):
                return True
            if vectors and similarity(tokens, sentence.doc) >= self.data.similarity:
                return True
        return False


def _surface(tokens, ignore: frozenset[str]) -> set[str]:
    return {t.lower_ for t in tokens if t.is_alpha and not t.is_stop and len(t) > 2 and t.lower_ not in ignore}


@rule("R02", "unaddressed-concern", "warning")
def check(parsed: Parsed):
    sentences = reflection_sentences(parsed)
    if not sentences:
        return  # S01 and S02 report a missing or empty reflection
    linker = _Linker(parsed, sentences)
    unlinked = [c for c in candidates(parsed) if not linker.same_words(c)]
    # one parse for the reflection (R03 and R04 judge it too) and the concerns still unlinked
    parse(sentences + [s for c in unlinked for s in c.sentences])
    for concern in confirm(unlinked, parsed):
        if not linker.picked_up(concern):
            yield _hit(parsed, concern, linker.data)


def _hit(parsed: Parsed, concern: Concern, data: Concerns) -> Hit:
    first = concern.sentences[0]
    title = parsed.recording.template.section(concern.section).title
    where = f"{title} (under 'What are you worried about?')" if concern.worried else title
    kind = concern.category or data
    what = concern.category.describe if concern.category is not None else "a worry"
    return Hit(
        f"You recorded {what} in {where}, but the reflection does not pick it up. {kind.why}",
        section="reflection",
        span=(first.start, first.end),
        suggestion=f"Say in the reflection what it meant for the child and whether it is a pattern, e.g. '{kind.example}'",
    )
