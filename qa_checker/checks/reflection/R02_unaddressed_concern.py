"""A concern raised earlier (a worry, an intervention, talk of court, a child's distress, an injury, someone not agreed) is not picked up in the reflection.

Why it matters:
    The template asks the reflection to address the concerns raised: whether the parent tried to
    discuss court proceedings, whether intervention was needed and whether it is a pattern, how
    the child presented. A worry recorded above and then left out of the analysis leaves the
    child's review without the supervisor's view of what it meant for the child.

Weak:
    BASIC NEEDS, What are you worried about? At 16:50 Sarah began to talk about her solicitor.
    I reminded her of the agreement and she changed the subject.
    REFLECTION/ANALYSIS: In my professional opinion the session met both children's needs.

Better:
    REFLECTION/ANALYSIS: In my professional opinion the session met both children's needs.
    Sarah's comment about her solicitor was addressed at once; it is the first time I have
    needed to remind her, so I do not see it as a pattern.

Limitations:
    Concerns come from the four observed sections: each paragraph under "What are you worried
    about?" (not one that says there is nothing to worry about, such as "I have no worries about
    the goodbye because..."), and any sentence with a cue from rules/reflection/concerns.toml
    that the parse confirms (the supervisor or carer intervening, not a parent reminding a child
    and not a reminder phoned beforehand; a child crying, not a parent; a person falling, not a
    tower of bricks; nothing denied, as in "I did not need to intervene"). A reflection sentence
    picks a concern up when they share a content word (lemmas, so "questions" matches "asked a
    question" only through "question"; names, Mum, Dad and common words such as "session" do not
    count), or both hold a cue of the same kind ("judge" and "court"), or, with a pipeline that
    has word vectors (en_core_web_md, not the default en_core_web_sm), when they are similar
    enough. So a reflection that mentions the concern in passing clears it, and one that puts it
    in wholly different words does not.

Source:
    Recording template, REFLECTION/ANALYSIS ("address any concerns raised ... whether the parent
    was focused on contact or attempting to discuss any legal intervention such as court
    proceedings ... whether intervention has been required ... whether this is a pattern");
    Family Time Agreement (no discussion of legal issues or complaints; no one else attends
    unless agreed in advance). Cue words: rules/reflection/concerns.toml.
"""

from qa_checker.checks.reflection.concerns import Concern, concerns
from qa_checker.checks.reflection.data import Concerns, load_concerns
from qa_checker.checks.reflection.shared import names_of, reflection
from qa_checker.nlp.cues import cue_list
from qa_checker.nlp.linking import content_lemmas, has_vectors, similarity
from qa_checker.rule import Hit, Parsed, rule


def _people_words(parsed: Parsed) -> frozenset[str]:
    """Names and person words: they say who, not what, so they link nothing."""
    recording = parsed.recording
    words = set(parsed.language.lexicon.vocabulary.person_nouns) | set(recording.template.address_words)
    for person in (*recording.children, *recording.present):
        words.update(w.lower().strip("“”\"'(),") for w in f"{person.name} {person.detail}".split())
    for key in ("supervised_by", "report_by"):
        field = recording.header.get(key)
        if field is not None:
            words.update(w.lower() for w in field.value.split() if w[:1].isupper())
    return frozenset(words)


def _children_in(tokens, children: list[set[str]]) -> set[int]:
    words = {t.lower_ for t in tokens}
    return {i for i, names in enumerate(children) if names & words}


def _picked_up(concern: Concern, sentences, ignore: frozenset[str], data: Concerns, children: list[set[str]]) -> bool:
    tokens = [t for s in concern.sentences for t in s.doc]
    wanted = content_lemmas(tokens, ignore, data.canonical)
    about = _children_in(tokens, children)
    vectors = has_vectors(tokens[0].vocab) if tokens else False
    for sentence in sentences:
        named = _children_in(sentence.doc, children)
        if about and named and not about & named:
            continue  # Jayden's tears do not pick up Amelia's
        if wanted & content_lemmas(sentence.doc, ignore, data.canonical):
            return True
        if concern.category is not None and cue_list(concern.category.words).any(sentence):
            return True
        if vectors and similarity(tokens, sentence.doc) >= data.similarity:
            return True
    return False


@rule("R02", "unaddressed-concern", "warning")
def check(parsed: Parsed):
    sentences = reflection(parsed)
    if not sentences:
        return  # S01 and S02 report a missing or empty reflection
    data = load_concerns()
    ignore = data.generic | _people_words(parsed)
    children = [names_of(c) for c in parsed.recording.children]
    for concern in concerns(parsed):
        if _picked_up(concern, sentences, ignore, data, children):
            continue
        first = concern.sentences[0]
        title = parsed.recording.template.section(concern.section).title
        where = f"{title} (under 'What are you worried about?')" if concern.worried else title
        what = concern.category.describe if concern.category is not None else "a worry"
        yield Hit(
            f"You recorded {what} in {where}, but the reflection does not pick it up. "
            f"{(concern.category or data).why}",
            section="reflection",
            span=(first.start, first.end),
            suggestion=f"Say in the reflection what it meant for the child and whether it is a pattern, "
                       f"e.g. '{(concern.category or data).example}'",
        )
