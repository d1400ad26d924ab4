"""Whether the words after a score give its reason, say what would move it up, or both.

Each piece (the rest of the score's sentence, each following sentence before the next score, a
table cell) is parsed by spaCy. A next step starts at a cue phrase ("To move up the scale", "Next
time", "it would be higher if"), at a recommendation whose subject is a person ("Dad could set
out...", "Mum needs to...", "Dad would need to...": modal or need-verb, not negated, found in the
dependency parse), or at a directive ("Mum to bring...", "Dad not to discuss..."). What comes
before it is a reason when it says anything at all: "because"/"as" clauses and following
sentences alike ("Amelia: 8. She chatted to Mum throughout"), and a label ("Reason: ...",
"What would help: ...") says which it is when something follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa_checker.nlp.clues import WRITER, is_person, subject
from qa_checker.nlp.lexicon import Vocabulary
from qa_checker.scaling.cues import ScalingCues

_LABEL = re.compile(r"^\s*([A-Za-z][^:\n]{0,40}?)\s*:\s*(.*)$", re.DOTALL)
_CLAUSE_BREAK = {";", ":", ",", "–", "—", "-"}
_GROUP_WORDS = {"and", "&", "the", "both", "'s", "’s"}
_FUTURE_AUX = {"would", "will", "'ll", "'d", "may", "might", "could", "should", "must"}
# A clause under one of these tells what happened or was asked ("asked when she could go home").
_SUBORDINATE = {"when", "whenever", "where", "why", "how", "whether", "if", "that", "because", "as", "since",
                "until", "while", "although", "though", "so", "what", "who", "which"}


@dataclass(frozen=True)
class Verdict:
    reason: bool = False
    next_step: bool = False
    # The opening words of the next step ("To move Kayla up the scale"): they may name whose it is.
    opening: str = ""
    # What a piece points at for its words ("Same as overall, ..." -> "overall").
    refers: str = ""


@dataclass(frozen=True)
class Judge:
    cues: ScalingCues
    vocabulary: Vocabulary
    people: frozenset[str]
    prompt_bags: tuple[frozenset[str], ...]

    def piece(self, doc) -> Verdict:
        """The verdict on one piece of running text (a parsed ``Doc``)."""
        text = doc.text
        if not re.search(r"[A-Za-z]", text) or self._template_text(text):
            return Verdict()
        if self.cues.pointer_pattern.search(text):
            return Verdict()
        label = _LABEL.match(text)
        if label:
            verdict = self._labelled(label.group(1).lower(), label.group(2))
            if verdict is not None:
                return verdict
        refers = self.cues.refers_pattern.match(text)
        ref = refers.group("ref") if refers else ""
        start, cued = self._next_step_start(doc)
        if start is None:
            return Verdict(reason=self._says_something(doc, len(text)), refers=ref)
        opening = text[start:].split(",")[0][:80] if cued else ""
        return Verdict(reason=self._says_something(doc, start), next_step=True, opening=opening, refers=ref)

    def cell(self, kind: str, text: str, empty: bool) -> Verdict:
        """A table cell under a Reason or What-would-improve-it heading counts when it is filled in."""
        filled = not empty and bool(re.search(r"[A-Za-z]", text))
        return Verdict(reason=filled) if kind == "reason" else Verdict(next_step=filled, opening=text[:80])

    def _labelled(self, label: str, rest: str) -> Verdict | None:
        """'Reason: ...', 'Why not higher: ...' give a reason; 'What would help: ...' a next step."""
        filled = bool(re.search(r"[A-Za-z]", rest))
        reason = [w for w in self.cues.reasons.labels if _has_word(label, w)]
        if reason and label.startswith(tuple(reason)):
            return Verdict(reason=filled)
        if any(_has_word(label, word) for word in self.cues.next_steps.labels):
            return Verdict(next_step=filled)
        # "The same reason applies: consistency ... would move this to a 10" (dev w29-05) is a
        # sentence, not a field: judged whole, its next step too
        return None

    def _template_text(self, text: str) -> bool:
        """What is left of a template prompt ("Give individual scaling for EACH child at contact.")."""
        words = set(re.findall(r"[a-z0-9']+", text.lower()))
        return len(words) >= 5 and any(words <= bag for bag in self.prompt_bags)

    def _says_something(self, doc, upto: int) -> bool:
        words = [t for t in doc if t.idx < upto and t.is_alpha and t.lower_ not in self.cues.reasons.filler]
        return len(words) >= 2 and any(not t.is_stop for t in words)

    def _next_step_start(self, doc) -> tuple[int | None, bool]:
        """Where the next step begins, and whether a cue phrase begins it (rather than a clause)."""
        text = doc.text
        denied = [m.span() for m in self.cues.not_next_step_pattern.finditer(text)]
        cued = [m.start() + len(m.group()) - len(m.group().lstrip())
                for m in self.cues.next_step_pattern.finditer(text)
                if not any(s <= m.start() < e for s, e in denied)]
        clauses = [t.idx for t in self._recommendations(doc) + self._directives(doc)
                   if not any(s <= t.idx < e for s, e in denied)]
        if not cued and not clauses:
            return None, False
        start = min(cued + clauses)
        return start, start in cued

    def _person(self, token) -> bool:
        return token.lower_ not in WRITER and is_person(token, self.vocabulary, self.people)

    def _recommendations(self, doc) -> list:
        """Where '<person> could/should/needs to/would need to <do>' begins."""
        found = []
        steps = self.cues.next_steps
        for verb in doc:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            lemma = verb.lemma_.lower()
            auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
            modal = next((a for a in auxes if a in steps.modals), None)
            needs = lemma in steps.need_verbs and any(c.dep_ == "xcomp" for c in verb.children) and (
                verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VB" and any(a in _FUTURE_AUX for a in auxes))
            if not (modal and verb.tag_ == "VB" or needs):
                continue
            if any(c.dep_ == "neg" for c in verb.children) or _subordinate(verb):
                continue
            if modal == "could" and not needs and lemma in steps.narrative_after_could:
                continue
            actor = subject(verb)
            if actor is not None and self._person(actor):
                found.append(actor.left_edge)
        return found

    def _directives(self, doc) -> list:
        """Where '<person> (not) to <do>' opens a clause: "Dad to arrive by 14:00", "Mum not to..."."""
        found = []
        starts = [0] + [t.i + 1 for t in doc if t.text in _CLAUSE_BREAK]
        for start in starts:
            index, people = start, 0
            while index < len(doc) and index - start < 6 and (
                    self._person(doc[index]) or doc[index].lower_ in _GROUP_WORDS or doc[index].tag_ == "POS"):
                people += self._person(doc[index])
                index += 1
            if not people:
                continue
            if index < len(doc) and doc[index].lower_ == "not":
                index += 1
            if index + 1 < len(doc) and doc[index].lower_ == "to" and doc[index + 1].tag_ == "VB":
                found.append(doc[start])
        return found


def _subordinate(verb) -> bool:
    if verb.dep_ in ("relcl", "acl", "pcomp", "csubj"):
        return True
    return any(c.dep_ in ("mark", "advmod", "nsubj", "dobj") and c.lower_ in _SUBORDINATE for c in verb.children)


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None
