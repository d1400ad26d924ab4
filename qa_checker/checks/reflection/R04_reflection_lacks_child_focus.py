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
    a reflection sentence that judges or interprets: a framed sentence, the writer's own view
    anywhere in it ("which I think protected Maisie"), a judging word ("good
    for Kai", "hard for her", "Isla's needs"), "shows"/"suggests", or "for <child>" (word lists in
    rules/reflection/evaluation.toml). With several children, "the children" or "both children" do
    not count for each; a framed judgement of a group that names them all on purpose does ("In my
    professional opinion this was a warm session that all three children enjoyed", "each child";
    wave 4 of the independent recordings: both labellers passed such reflections as they are);
    with one child, "the child" does. A sentence naming the child also
    counts when it gives the grounds of the judgement before it ("This is based on Poppy
    laughing...") or is followed by a judgement of "he" or "she" ("A has cried at the last three
    goodbyes. My view is that he finds leaving hard"). A key the recording defines ("A = Alfie")
    names the child, and so does "the baby" for the one child under two ("(9 months)"). Otherwise
    pronouns are not followed: name the child once.

Source:
    Ofsted, "What makes an effective case record?" (analysis says what it meant for the child);
    recording template, REFLECTION/ANALYSIS ("analyse what this meant for the child in contact").
"""

import re
from collections.abc import Callable

from qa_checker.checks.reflection.data import load_evaluation
from qa_checker.checks.reflection.people import aliases
from qa_checker.checks.reflection.shared import heading_span, judgement, names_of, reflection_sentences
from qa_checker.nlp.cues import cue_list
from qa_checker.nlp.cues import tokens as words_of
from qa_checker.nlp.lemmas import could_have
from qa_checker.rule import Hit, Parsed, rule

_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
# Every child at once, said so on purpose: "all three children", "each child" (not "the
# children's needs": a possessive judges the needs, not what the session was for them).
_GROUP = re.compile(r"\b(?:all\s+(?:of\s+the\s+)?(?:(?P<n>two|three|four|five|six|[2-9])\s+)?children|"
                    r"each\s+(?:of\s+the\s+)?child(?:ren)?|every\s+child)\b(?!['’])", re.IGNORECASE)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _whole_group(sentence, count: int, words: frozenset[str]) -> bool:
    """A framed judgement of every child by a group that names them all ("In my professional
    opinion this was a warm session that all three children enjoyed"). "The children" and "both
    children" do not count, nor a group whose number is not the number of children."""
    if sentence.doc is None or not sentence.framed or not _evaluative(sentence, words):
        return False
    for match in _GROUP.finditer(sentence.text):
        n = match.group("n")
        said = None if n is None else int(n) if n.isdigit() else _COUNTS[n.lower()]
        if said is None or said == count:
            return True
    return False


def _evaluative(sentence, words: frozenset[str]) -> bool:
    """Framed, a judging word, or the writer's own view anywhere in it ("Mum's answer to her was
    kind, which I think protected Maisie from feeling it was anyone's fault": dev w28-04, passed
    as it is by a team leader and, once settled, both labellers)."""
    return (sentence.framed or judgement(sentence) is not None or any(t.lemma_.lower() in words for t in sentence.doc)
            or cue_list(load_evaluation().own_view).any(sentence))


def _mentions(sentence, names: frozenset[str], keys: set[str], single: bool) -> list:
    """Tokens naming the child outside quotes: a name, a key the recording defines ("A = Alfie";
    a one-letter key only where the parse says it is no article), with one child "the child"."""
    found = []
    for token in sentence.doc:
        if sentence.in_quote(sentence.start + token.idx, sentence.start + token.idx + 1):
            continue
        keyed = token.text in keys and not (len(token.text) == 1 and token.dep_ == "det")
        if token.lower_ in names or keyed or single and token.lemma_.lower() == "child" and token.tag_ == "NN":
            found.append(token)
    return found


def _about(sentence, names: frozenset[str], keys: set[str], single: bool, words: frozenset[str],
           grounds: Callable[[], bool]) -> bool:
    """A judgement naming the child, "for <child>" ("For Jayden, the session was a chance..."), or
    the grounds of the judgement before it naming them ("This is based on Poppy laughing...");
    ``grounds`` is asked last (it reads the sentences either side)."""
    mentions = _mentions(sentence, names, keys, single)
    return bool(mentions) and (any(t.head.lower_ == "for" for t in mentions) or _evaluative(sentence, words) or grounds())


def _grounding(sentence, before, words: frozenset[str]) -> bool:
    """A sentence giving the reason or evidence ("based on", "because", "shows") for a judgement
    in the sentence before it."""
    if before is None or before.doc is None or not _evaluative(before, words):
        return False
    return cue_list(load_evaluation().reasons).any(sentence) or any(
        t.lemma_.lower() in load_evaluation().grounding and t.pos_ in ("VERB", "AUX") for t in sentence.doc)


def _judged_next(sentence, after, words: frozenset[str]) -> bool:
    """What was seen of a child, then a judgement of "he" or "she" ("A has cried at the last 3
    goodbyes. My view is that he finds leaving hard..."): the pronoun is the child just named."""
    if after is None or after.doc is None or not _evaluative(after, words):
        return False
    return any(t.lower_ in _PRONOUNS for t in after.doc)


def _naming(parsed: Parsed) -> list:
    """Round 0: the reflection's sentences naming a child (or "the child", a key such as "A", or
    "all three children")."""
    recording = parsed.recording
    anyone = set().union(*(_names(parsed, c) for c in recording.children)) | {"child"}
    keys = set(aliases(recording))
    group = len(recording.children) > 1
    return [s for s in reflection_sentences(parsed)
            if any(t.lower_ in anyone for t in words_of(s)) or keys and any(t.text in keys for t in words_of(s))
            or group and _GROUP.search(s.text) is not None]


def _neighbours(parsed: Parsed) -> list:
    """Round 1, only while a child is not yet covered: the sentences either side of those naming
    a child (a judgement they ground, or one that goes on about "he" or "she")."""
    if _all_judged(parsed) or all(_covers(parsed, child) for child in parsed.recording.children):
        return []
    sentences = reflection_sentences(parsed)
    naming = {s.index for s in _naming(parsed)}
    grounding = load_evaluation().grounding
    wanted = []
    for i, s in enumerate(sentences):
        if s.index not in naming:
            continue
        # the judgement before (not yet parsed), only for a sentence that could give its grounds
        before = sentences[i - 1] if i else None
        if before is not None and before.index not in naming and before.doc is None and (
                cue_list(load_evaluation().reasons).any(s) or could_have(words_of(s), grounding, parsed.options.pipeline)):
            wanted.append(before)
        # the sentence after, only when it could be about "he" or "she"
        if i + 1 < len(sentences) and any(t.lower_ in _PRONOUNS for t in words_of(sentences[i + 1])):
            wanted.append(sentences[i + 1])
    return [s for s in wanted if s.index not in naming]


_INFANT = re.compile(r"\b(?:months?|weeks?|baby)\b|\bage[ds]?\s*[01]\b|\(\s*[01]\s*\)", re.IGNORECASE)


def _infant(parsed: Parsed, child) -> bool:
    """Said to be a baby in the header: "(9 months)", "(age 1)", "baby" after the name."""
    field = parsed.recording.header.get("child")
    found = re.search(re.escape(child.name) + r"\s*\(([^)]*)\)", field.value) if field is not None else None
    return bool(_INFANT.search(child.detail or "") or found and _INFANT.search(f"({found.group(1)})"))


def _names(parsed: Parsed, child) -> frozenset[str]:
    """The child's names; the one baby among the children is also "the baby" ("(9 months)")."""
    infants = [c for c in parsed.recording.children if _infant(parsed, c)]
    return names_of(child) | ({"baby"} if infants == [child] else set())


def _judging_words() -> frozenset[str]:
    evaluation = load_evaluation()
    return evaluation.adjectives | evaluation.verbs | evaluation.grounding | evaluation.nouns


def _all_judged(parsed: Parsed) -> bool:
    """A parsed, framed judgement of every child at once (:func:`_whole_group`): it covers each."""
    count = len(parsed.recording.children)
    words = _judging_words()
    return count > 1 and any(_whole_group(s, count, words) for s in reflection_sentences(parsed))


def _covers(parsed: Parsed, child) -> bool:
    """Whether a parsed reflection sentence names the child in a judgement, or as its grounds."""
    words = _judging_words()
    keys = {k for k, who in aliases(parsed.recording).items() if who == child.name}
    single = len(parsed.recording.children) == 1
    sentences = reflection_sentences(parsed)
    names = _names(parsed, child)
    for i, sentence in enumerate(sentences):
        if sentence.doc is None or not _mentions(sentence, names, keys, single):
            continue
        before, after = (sentences[i - 1] if i else None), (sentences[i + 1] if i + 1 < len(sentences) else None)
        def grounds(sentence=sentence, before=before, after=after) -> bool:
            return _grounding(sentence, before, words) or _judged_next(sentence, after, words)
        if _about(sentence, names, keys, single, words, grounds):
            return True
    return False


@rule("R04", "reflection-lacks-child-focus", "warning", reads=(_naming, _neighbours))
def check(parsed: Parsed):
    children = parsed.recording.children
    if not children or not reflection_sentences(parsed) or _all_judged(parsed):
        return
    for child in children:
        if _covers(parsed, child):
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
