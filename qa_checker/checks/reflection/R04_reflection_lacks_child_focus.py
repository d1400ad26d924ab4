"""The reflection says nothing about what the contact meant for a child who was there (no judgement names them).

Why it matters:
    The child's review reads the reflection to learn how family time is for each child; Ofsted
    asks that analysis says what it meant for the child. A reflection about the parent alone, or
    about "the children" as one, leaves the review to guess how each child experienced it.

Weak:
    In my professional opinion, Mum met the children's needs and managed the goodbye well.

Better:
    In my professional opinion, Mum met the children's needs.
    For Jayden, the goodbye is still hard: he cried at the door for two minutes.
    Amelia's questions about home show that she needs a clear answer from the adults around her.

Limitations:
    One warning per child named in "Child's Name" who is not named (first name or nickname) in
    a reflection sentence that judges or interprets: a framed sentence, a judging word ("good
    for Kai", "hard for her", "Isla's needs"), "shows"/"suggests", or "for <child>" (word lists in
    rules/reflection/evaluation.toml). With several children, "both children" or "the children"
    does not count for each; with one child, "the child" does. Pronouns are not followed
    ("he", "she"): name the child once.

Source:
    Ofsted, "What makes an effective case record?" (analysis says what it meant for the child);
    recording template, REFLECTION/ANALYSIS ("analyse what this meant for the child in contact").
"""

from qa_checker.checks.reflection.data import load_evaluation
from qa_checker.checks.reflection.shared import heading_span, judgement, names_of, reflection_sentences
from qa_checker.nlp.cues import tokens as words_of
from qa_checker.rule import Hit, Parsed, rule


def _evaluative(sentence, words: frozenset[str]) -> bool:
    return sentence.framed or judgement(sentence) is not None or any(t.lemma_.lower() in words for t in sentence.doc)


def _mentions(sentence, names: set[str], single: bool) -> list:
    """Tokens naming the child outside quotes (with one child, "the child" too)."""
    found = []
    for token in sentence.doc:
        if sentence.in_quote(sentence.start + token.idx, sentence.start + token.idx + 1):
            continue
        if token.lower_ in names or single and token.lemma_.lower() == "child" and token.tag_ == "NN":
            found.append(token)
    return found


def _about(sentence, names: set[str], single: bool, words: frozenset[str]) -> bool:
    """A judgement naming the child, or "for <child>" ("For Jayden, the session was a chance...")."""
    mentions = _mentions(sentence, names, single)
    return bool(mentions) and (any(t.head.lower_ == "for" for t in mentions) or _evaluative(sentence, words))


def _naming(parsed: Parsed) -> list:
    """The reflection's sentences naming a child (or "the child"): only they can be about one."""
    anyone = set().union(*(names_of(c) for c in parsed.recording.children)) | {"child"}
    return [s for s in reflection_sentences(parsed) if any(t.lower_ in anyone for t in words_of(s))]


@rule("R04", "reflection-lacks-child-focus", "warning", reads=_naming)
def check(parsed: Parsed):
    children = parsed.recording.children
    if not children or not reflection_sentences(parsed):
        return
    naming = _naming(parsed)
    evaluation = load_evaluation()
    words = evaluation.adjectives | evaluation.verbs | evaluation.grounding | evaluation.nouns
    for child in children:
        if any(_about(s, names_of(child), len(children) == 1, words) for s in naming):
            continue
        first = child.name.split()[0]
        yield Hit(
            f"The reflection does not say what the session meant for {first}. The child's review reads it for "
            f"your analysis of each child's experience, not only the parent's.",
            section="reflection",
            child=child.name,
            span=heading_span(parsed),
            suggestion=f"Add a sentence naming {first}: what the session meant for them and what it rests on, "
                       f"e.g. 'For {first}, the goodbye was hard: they cried at the door, which suggests ...'.",
        )
