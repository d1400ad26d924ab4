"""The concerns a recording raises before its reflection (R02).

A concern is a paragraph under "What are you worried about?" (unless it says there is nothing to
worry about), or a sentence anywhere in the observed sections with a cue from
``rules/reflection/concerns.toml`` that the parse confirms: the supervisor or carer intervening,
talk of court or complaints, a child's distress, an injury or accident, someone not agreed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qa_checker.checks.reflection.data import Category, Concerns, load_concerns
from qa_checker.checks.reflection.shared import names_of
from qa_checker.nlp.analysis import Sentence
from qa_checker.nlp.clues import PRONOUNS, WRITER, is_person, predicate_root, subject
from qa_checker.nlp.cues import cue_list, negated
from qa_checker.rule import Parsed
from qa_checker.template import is_empty_answer

_CHILD_NOUNS = {"child", "children", "baby", "boy", "girl", "toddler", "brother", "sister", "son", "daughter", "twin"}
_ROLES = {"carer", "supervisor", "worker"}


@dataclass(frozen=True)
class Concern:
    section: str
    worried: bool  # written under "What are you worried about?"
    sentences: tuple[Sentence, ...]
    category: Category | None = None


def candidates(parsed: Parsed) -> list[Concern]:
    """What may be a concern, from the cheap pass alone: every worried-about paragraph that does
    not say there is nothing to worry about, and every paragraph elsewhere with a concern word
    (see :func:`confirm`)."""
    data = load_concerns()
    found: list[Concern] = []
    for name, sentences in _observed_sections(parsed).items():
        settled: set[int] = set()
        for paragraph in _worried_paragraphs(parsed, name, sentences):
            settled.update(id(s) for s in paragraph)
            kept = _worries_in(paragraph, data)
            if kept:
                found.append(Concern(name, True, tuple(kept)))
        settled.update(id(s) for s in _working_well(parsed, name, sentences, settled))
        found += _cue_units(name, [s for s in sentences if id(s) not in settled], data, parsed.recording.text)
    return sorted(found, key=lambda c: c.sentences[0].start)


def confirm(units: list[Concern], parsed: Parsed) -> list[Concern]:
    """The concerns among parsed units (R02 asks for their parse): each worry, and each other
    unit whose concern word the parse confirms (a child crying, the supervisor intervening...),
    with the category found."""
    data = load_concerns()
    found = [replace(u, category=next((c for s in u.sentences if (c := category_of(s, parsed, data))), None))
             for u in units]
    return [u for u in found if u.worried or u.category is not None]


def _observed_sections(parsed: Parsed) -> dict[str, list[Sentence]]:
    names = [s.name for s in parsed.recording.template.sections if "worried_about" in s.subsections]
    grouped: dict[str, list[Sentence]] = {n: [] for n in names if n in parsed.recording.sections}
    for sentence in parsed.language.sentences:
        if sentence.section in grouped:
            grouped[sentence.section].append(sentence)
    return grouped


def _worried_paragraphs(parsed: Parsed, name: str, sentences: list[Sentence]) -> list[list[Sentence]]:
    recording = parsed.recording
    part = recording.sections[name].subsections.get("worried_about")
    if part is None:
        return []
    out = []
    for start, end in part.content:
        paragraph = [s for s in sentences if start <= s.start < end]
        if paragraph and not is_empty_answer(recording.text[start:end], recording.template):
            out.append(paragraph)
    return out


def _working_well(parsed: Parsed, name: str, sentences: list[Sentence], settled: set[int]) -> list[Sentence]:
    """The sentences under "What is working well?" when the section tells what happened elsewhere
    (before the prompts): what the writer sums up there as going well ("Both parents listened
    when I stepped in") raises no concern of its own. A writer who tells the whole session under
    "What is working well?" still has its concerns read."""
    part = parsed.recording.sections[name].subsections.get("working_well")
    if part is None:
        return []
    inside = [s for s in sentences if any(start <= s.start < end for start, end in part.content)]
    skipped = settled | {id(s) for s in inside}
    told_elsewhere = any(id(s) not in skipped for s in sentences)
    return inside if told_elsewhere else []


# "Nothing at this point.", "Nothing from me in this section today.", "None.": a short answer
# led by "nothing" or "none" with no verb after it ("Nothing was done to stop it" is a worry);
# "Not really, Dad just needs to be a bit firmer.", "No - ...": an answer led by a no.
_NOTHING = re.compile(r"^\W*(?:nothing|none|nil)\b(?!\s+(?:was|were|is|has|had|did|happened|could|would|will|"
                      r"seemed|of\s+(?:the|this|these|his|her|their)\b))", re.IGNORECASE)
_NO = re.compile(r"^\W*(?:not\s+really|no)\s*[,.;:!–-]", re.IGNORECASE)
# "None here; all three children sought Liam out...": the answer, then its reason.
_ANSWER_FIRST = re.compile(r"^\W*\w+(?:\s+[\w'’]+){0,3}?\s*[,.;:!–-](?:\s|$)")


def _says_nothing(sentence: Sentence) -> bool:
    text = sentence.text
    words = len(text.split())
    if _NOTHING.match(text) is not None and (words <= 10 or words <= 30 and _ANSWER_FIRST.match(text) is not None):
        return True
    return words <= 20 and _NO.match(text) is not None


def _worries_in(paragraph: list[Sentence], data: Concerns) -> list[Sentence]:
    """The sentences that raise a worry: none when the paragraph says there is nothing to worry about."""
    calm = [s for s in paragraph if cue_list(data.no_worries).any(s) or _says_nothing(s)]
    if calm and not any(cue_list(data.worries).any(s) for s in paragraph):
        return []
    calm_ids = {id(s) for s in calm}
    return [s for s in paragraph if id(s) not in calm_ids]


def _cue_units(name: str, sentences: list[Sentence], data: Concerns, text: str) -> list[Concern]:
    """Sentences with a concern word; those in one paragraph form one unit (one incident)."""
    words = tuple(w for c in data.category for w in c.words)
    groups: list[list[Sentence]] = []
    for sentence in sentences:
        if not cue_list(words).any(sentence):
            continue
        last = groups[-1][-1] if groups else None
        if last is not None and last.end <= sentence.start and "\n" not in text[last.end:sentence.start]:
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    return [Concern(name, False, tuple(group)) for group in groups]


def category_of(sentence: Sentence, parsed: Parsed, data: Concerns | None = None) -> Category | None:
    """The first category with a cue in the sentence whose parse fits (who did it, not denied)."""
    data = data or load_concerns()
    for category in data.category:
        if category.routine and cue_list(category.routine).any(sentence):
            continue
        for cue in cue_list(category.words).find(sentence):
            tokens = sentence.tokens(cue.start, cue.end)
            if not tokens or _near(tokens, category.not_with):
                continue
            if any(t.dep_ in ("xcomp", "dobj") and t.head.lemma_.lower() in category.ended_by for t in tokens):
                continue
            # "not agreed" is itself the concern: its own "not" does not deny it
            denies = not any(t.dep_ == "neg" or t.lower_ in ("without", "no") for t in tokens)
            root = predicate_root(tokens)
            if _fits(root, category, parsed, denies) and not _passes(tokens, root, category.passes_after) \
                    and not _comforted(tokens, category.comforted_by) \
                    and not _comforted_next(sentence, parsed, category.comforted_by, _actor(root)):
                return category
    return None


def _passes(tokens, root, conjunctions: tuple[str, ...]) -> bool:
    """The same person goes straight on with something else after one of ``conjunctions``: "cried
    but settled quickly", "was upset but soon calmed down" (not "cried but Dad ignored him",
    "cried but they kept arguing", "cried but did not want to go", "was crying but nobody came").
    A pronoun after "but" may be someone else ("cried but she ignored him"), so it does not count."""
    if not conjunctions:
        return False
    own = _actor(root)
    for head in {tokens[-1], tokens[-1].head, root}:
        if not any(c.dep_ == "cc" and c.lower_ in conjunctions and c.i > tokens[-1].i for c in head.children):
            continue
        for then in (c for c in head.children if c.dep_ == "conj" and c.i > tokens[-1].i):
            who = subject(then)
            same = who is None or own is not None and who.lower_ == own.lower_ and who.lower_ not in PRONOUNS
            if same and not negated(then) and not any(t.lower_ in ("nobody", "noone", "nothing") for t in then.subtree):
                return True
    return False


def _comforted(tokens, lemmas: tuple[str, ...]) -> bool:
    """An adult comforting the child after "and", later in the same sentence ("Kai cried and Ryan
    carried him back and gave him a cuddle"), not denied ("and nobody comforted him")."""
    if not lemmas:
        return False
    # to the end of the writer's sentence (the parse may end one at a closing quote: 'Mum said
    # "Look, you got seven!" and Maisie cheered up.')
    after = tokens[0].doc[tokens[-1].i + 1:]
    if not any(t.lower_ == "and" for t in after):
        return False
    return any(_comforts(t, lemmas) and not negated(t) for t in after)


def _comforts(token, lemmas: tuple[str, ...]) -> bool:
    """A comforting verb: one of ``lemmas``, or a verb and particle among them ("picked her up")."""
    lemma = token.lemma_.lower()
    if lemma in lemmas:
        return True
    return any(f"{lemma} {c.lower_}" in lemmas for c in token.children if c.dep_ == "prt")


def _comforted_next(sentence: Sentence, parsed: Parsed, lemmas: tuple[str, ...], child) -> bool:
    """The next sentence of the paragraph tells an adult comforting the child ("Evie cried. Ryan
    picked Evie up and checked her arm."): a comforting verb outside quotes, not denied, whose
    subject is someone other than the child who cried (and not the writer)."""
    if not lemmas:
        return False
    after = parsed.language.after(sentence)
    if after is None or after.doc is None or "\n" in parsed.recording.text[sentence.end:after.start]:
        return False
    for verb in after.doc:
        if verb.pos_ != "VERB" or not _comforts(verb, lemmas) or negated(verb):
            continue
        who = subject(verb)
        start = after.start + verb.idx
        if who is not None and who.lower_ not in WRITER and (child is None or who.lower_ != child.lower_) \
                and not after.in_quote(start, start + len(verb)):
            return True
    return False


def _near(tokens, words) -> bool:
    """One of ``words`` within three tokens either side of the cue ("fell asleep", "screamed with
    laughter", "laughing and screaming", "a fist bump")."""
    doc = tokens[0].doc
    around = doc[max(0, tokens[0].i - 3):tokens[0].i].text.lower().split() + doc[tokens[-1].i + 1:tokens[-1].i + 4].text.lower().split()
    return any(w.strip(".,;:!?") in words for w in around)


def _fits(token, category: Category, parsed: Parsed, denies: bool = True) -> bool:
    if denies and negated(token):
        return False
    vocabulary = parsed.language.lexicon.vocabulary
    if token.dep_ in ("acl", "relcl") and not (token.head.lower_ in PRONOUNS or is_person(token.head, vocabulary)):
        return False  # "she did not promise something not agreed": said of a thing, not of someone
    if category.who == "anyone":
        return True
    actor = _actor(token)
    if category.who == "writer":
        spoken = token.tag_ in ("VBD", "VBN") or token.tag_ == "VB" and token.head.lemma_ in ("have", "need")
        passive = any(c.dep_ == "auxpass" for c in token.children)
        return spoken and (passive or actor is not None and (actor.lower_ in WRITER or actor.lemma_.lower() in _ROLES))
    if actor is None:
        return True
    if category.who == "child":
        names = set().union(*(names_of(c) for c in parsed.recording.children))
        return actor.lower_ in names | PRONOUNS or actor.lemma_.lower() in _CHILD_NOUNS
    return actor.lower_ in PRONOUNS or is_person(actor, vocabulary)


def _actor(token):
    """Who cried, fell or intervened: a possessor ("his tears"), the person a note's adjective
    is said of ("Mum upset."), or the clause's subject."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if token.dep_ == "amod" and token.head.pos_ in ("PROPN", "NOUN") and token.head.dep_ == "ROOT":
        return token.head
    current = token
    for _ in range(6):
        found = subject(current)
        if found is not None or current.head.i == current.i:
            return found
        current = current.head
    return None
