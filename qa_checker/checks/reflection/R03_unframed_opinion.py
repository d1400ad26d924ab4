"""A judgement in the reflection stated as fact ("Mum is not ready to have the children home.") with no framing or evidence.

Why it matters:
    A judgement written as fact ("Mum is not ready", "Dad's comment was not appropriate") can be
    quoted at the child's review or in court as if it were established. Framed as your opinion
    and tied to what you saw, the same judgement is fair to the parent and useful to the reader.

Weak:
    Mum is not ready to have the children home.

Better:
    In my professional opinion, Mum is not yet ready to care for the children full time.
    She needed my prompt three times today to watch Jayden near the stairs.

Limitations:
    A sentence counts as a judgement when a clause stated as fact has a judging complement
    ("is not ready", "was not appropriate", "is a good dad"), a judging verb in the present
    tense ("struggles", "enjoys", "does love"), or holds a judging adjective on what someone has
    or on a sentence without a verb ("have a good bond", "Difficult contact.") (word lists in
    rules/reflection/evaluation.toml). Suggestions ("it would be good if...") and
    recommendations ("Dad should bring a snack", "Mum needs to leave earlier": what needs to
    happen, which the reflection is for) are not statements of fact. It is grounded by framing
    (rules/reflection/framing.jsonl) in the sentence or in the one just before it in the same
    paragraph ("In my professional opinion Dad is warm with Toby. Toby clearly enjoys the
    football."; only the next sentence: the frame does not carry through a paragraph), quoted
    words, a count or time, "shows"/"suggests", a
    reason ("because", "for example") or someone's observed action in the sentence, or by
    observed behaviour in the very next sentence. A judgement after "I think" or "I feel" in
    its sentence is given as the writer's view (a hedge there is P01's business); one before it
    ("Dad always does well and I think ...") is not. A judgement the reflection already gave as the
    writer's view, framed or with "I think", is theirs when restated with the same judging word
    about the same named person ("I think Isla found it so hard to let go ..." and later "The
    goodbye was hard for Isla."). A sentence already flagged
    for speculation, an unevidenced label or vague wording (P01-P03) is left to those rules, since
    describing what was seen fixes both. A reflection sentence in which no pattern fired, that the
    trained decision (models/judge/) finds plainly weak and most likely an opinion stated as fact
    ("This is a pattern with Sarah."), is reported too, unframed in it or just before it and
    not a recommendation (no "should", "must" or "ought"), naming the words its score rests on.
    The score has learnt from the labellers that an age or a reason beside a judgement
    ("At 15, Jayden will decide ...") does not ground it, so the quoted-words-count-reason test
    above is not applied to these.

Source:
    Write Enough recording skills (fact, report and opinion kept apart); Iriss, "Writing analysis
    in social care" (any claim needs to be based on evidence); OpenLearn, "Effective writing in
    professional social work practice" 3.3-3.5. Words: rules/reflection/evaluation.toml.
"""

from qa_checker.checks.reflection.data import load_evaluation
from qa_checker.checks.reflection.shared import (
    could_judge,
    framed_just_before,
    grounded,
    grounded_by_next,
    grounded_cheaply,
    judgement,
    reflection_sentences,
)
from qa_checker.nlp.clues import WRITER
from qa_checker.nlp.cues import cue_list
from qa_checker.nlp.cues import tokens as words_of
from qa_checker.rule import Hit, Parsed, Reading, rule


def _candidates(parsed: Parsed) -> list:
    """The reflection's unframed sentences that could state a judgement (a judging word) and are
    not grounded by what the tokenizer alone sees (quotes, a count, "because"): what round 0
    found (carried forward by their indices), or found now."""
    carried = parsed.carry("R03")
    if carried is not None:
        sentences = parsed.language.sentences
        return [sentences[i] for i in carried if isinstance(i, int)]
    return [s for s in reflection_sentences(parsed)
            if not s.framed and not framed_just_before(s, parsed) and could_judge(s, parsed) and not grounded_cheaply(s)]


def _plan_candidates(parsed: Parsed) -> Reading:
    """Round 0: the candidates, to parse, carried forward to round 1 and the check."""
    found = _candidates(parsed)
    return Reading(tuple(found), tuple(s.index for s in found))


def _verdict(parsed: Parsed, sentence):
    """For a parsed candidate: the judging word, and whether the sentence itself grounds it."""
    judged = judgement(sentence)
    return judged, judged is not None and grounded(sentence, judged, parsed.language.lexicon.vocabulary)


def _after(parsed: Parsed) -> list:
    """Once the candidates are parsed: the sentence after each judgement they do not ground
    themselves, when it is one of the reflection's (it may ground it: grounded_by_next)."""
    listed = {s.index for s in reflection_sentences(parsed)}
    after = []
    for sentence in _candidates(parsed):
        following = parsed.language.after(sentence)
        if sentence.doc is None or following is None or following.index not in listed:
            continue
        judged, grounded_here = _verdict(parsed, sentence)
        if judged is not None and not grounded_here:
            after.append(following)
    return after


def _own_view_before(sentence, judged) -> bool:
    """The sentence gives the judgement as the writer's own view ("I feel this family clearly love
    each other and they are trying really hard": a hedge there is P01's); not a judgement before
    it ("Dad always does well in contact and I think it is clear that ...")."""
    at = sentence.start + judged.idx
    return any(cue.end <= at for cue in cue_list(load_evaluation().own_view).find(sentence))


def _restated(sentence, judged, parsed: Parsed) -> bool:
    """The reflection gave this view earlier as the writer's own: a framed sentence before it
    or one giving the writer's own view (``own_view`` in rules/reflection/evaluation.toml) holds
    the same judging word and names the same person ("I think Isla found it so hard to let go at
    the end, ..." and then "The goodbye was hard for Isla.")."""
    names = {t.lower_ for t in sentence.tree if t.i > 0 and t.is_alpha and t.text.istitle() and t.lower_ not in WRITER}
    word = {judged.lower_, judged.lemma_.lower()}
    own = cue_list(load_evaluation().own_view)
    for earlier in reflection_sentences(parsed):
        if earlier.index >= sentence.index:
            break
        if earlier.framed or framed_just_before(earlier, parsed) or own.any(earlier):
            forms = {t.lower_ for t in words_of(earlier)}
            if word & forms and names & forms:
                return True
    return False


# A finding of P01, P02 or P03 on the sentence already asks for what R03 asks for (what was seen).
@rule("R03", "unframed-opinion", "warning", reads=(_plan_candidates, _after), yields_to=("P01", "P02", "P03"))
def check(parsed: Parsed):
    vocabulary = parsed.language.lexicon.vocabulary
    reported: set[int] = set()
    for sentence in _candidates(parsed):
        judged, grounded_here = _verdict(parsed, sentence)
        if judged is None or grounded_here or grounded_by_next(sentence, parsed.language.after(sentence), judged, vocabulary) \
                or _own_view_before(sentence, judged) or _restated(sentence, judged, parsed):
            continue
        reported.add(sentence.index)
        yield Hit(
            f"'{judged.text}' states your judgement as a fact, with nothing in the sentence to show it is "
            f"your opinion or what it rests on; the child's review may read it as established.",
            section="reflection",
            span=(sentence.start, sentence.end),
            suggestion=_SUGGESTION,
        )
    yield from _proposed(parsed, reported)


_SUGGESTION = ("Say it is your view and what you saw, e.g. 'In my professional opinion, Mum is not yet "
               "ready to ..., because today she ...' rather than 'Mum is not ready to ...'.")


def _proposed(parsed: Parsed, reported: set[int]):
    """Reflection sentences the trained decision finds plainly weak, most likely as an opinion
    stated as fact, where no phrasing pattern fired: unframed (in the sentence or just before it),
    not already ``reported`` for a judging word, named by the words the score rests on. It
    overrules the lists' grounding: the labellers call weak 23 train and 1 dev sentences with a
    judging word that the lists leave alone ("Dad finds it hard too and is prolonging it by
    carrying him out ...")."""
    listed = {s.index for s in reflection_sentences(parsed)}
    modals = load_evaluation().modals
    text = parsed.recording.text
    for sentence, spans in parsed.language.proposed("unframed"):
        if sentence.index in reported or sentence.index not in listed or sentence.framed \
                or framed_just_before(sentence, parsed):
            continue
        if any(token.lower_ in modals for token in words_of(sentence)):
            continue  # a recommendation ("He should not be around the children"), as for the lists' words
        words = "', '".join(dict.fromkeys(text[s:e] for s, e in spans))
        yield Hit(
            f"'{words}': this reads as your judgement stated as a fact, with nothing in the sentence to show "
            f"it is your opinion or what it rests on (found by the trained check, not a word list).",
            section="reflection", span=(sentence.start, sentence.end), suggestion=_SUGGESTION, highlight=spans[0],
        )
