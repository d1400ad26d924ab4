"""A guess about what someone felt or thought ("seemed upset", "I think", "probably"), with nothing observed behind it.

Why it matters:
    A recording is read by the child's review, the parents' solicitors, sometimes a judge, and
    one day the child. A cautious claim is good practice when it rests on what was seen; on its
    own, "seemed upset" tells the reader only the writer's impression, which cannot be checked.

Weak:
    Leo seemed upset at the end.

Better:
    Leo seemed upset at the end: he cried and held on to Mum's sleeve until 17:05.

Limitations:
    Evidence counts when it is in the same sentence (an observed action, the person's own words
    in quotes, a body part: "her face was red") or when the next sentence describes the same
    person's behaviour, including after ", as" ("I think Dad was tired, as he rubbed his eyes and
    said he had worked a night shift"); a context or supposed reason is not ("because he had not
    seen her for a year"). Hedges on actions and claims count too ("seems to have forgotten",
    "shows signs of", "it came across that"). Words inside quoted speech, or in a framed
    professional opinion in the reflection, are not flagged; nor, in the reflection, the writer
    owning a view ("I think a set routine would help", "It may be that joint calls are not
    meeting Ruby's needs", "it seemed to me"): the template asks for opinion there ("seemed",
    "probably" and "likely" are still flagged). Negation does not help: "did not seem
    upset" is still a guess. A sentence with no hedge that the trained decision (models/judge)
    finds a plain guess ("Dad does not want to be there") is proposed, naming the words it rests on.

Source:
    Write Enough recording skills (fact, report and opinion kept apart); Iriss, "Writing analysis
    in social care" (any claim needs evidence). Patterns: rules/phrasing/P01.jsonl.
"""

from qa_checker.checks.phrasing.shared import Proposal, busy_tokens, framed_reflection, hits, known_names
from qa_checker.nlp.clues import evidence, inside, is_person, predicate_root, seen_before_guess, subject
from qa_checker.nlp.lexicon import RuleWords
from qa_checker.rule import Parsed, Reading, rule


def _judged(trigger):
    """The guessed-at predicate, who it is about, and the tokens that belong to it."""
    root = predicate_root(trigger.tokens)
    head = root.head if root.dep_ in ("advmod", "acomp") and root.head.i != root.i else root
    # "It seemed that he was upset", "He was tired, I think": the clause guessed at, not one seen
    # before it ("..., Brooke seemed very close to mum"; dev, w24-02)
    claim = next((c for c in head.children if c.dep_ == "ccomp" and not seen_before_guess(c, head)), head)
    who = subject(claim)
    if who is not None and who.lower_ == "it":
        inner = next((c for c in claim.children if c.dep_ == "ccomp"), None)
        who = subject(inner) if inner is not None else None
    seen = {t.i for c in head.children if seen_before_guess(c, head) for t in c.subtree}
    excluded = (inside(head) | inside(claim)) - seen
    if who is not None and who.lower_ in ("which", "that") and who.tag_ == "WDT":
        # "Mr Reid let Tyler join in his own time, which I think helped Tyler to stay" (dev
        # w27-04): the guess is about what the clause it hangs on tells, whoever did it; only that
        # clause's verb can back it ("Aaliyah is harder to reach at the moment, which is probably
        # her age, and Dad let it go": "is harder to reach" shows nothing, and Dad's "let" is after)
        who = None
        anchor = _anchor(_relative_clause(claim))
        excluded = {t.i for t in root.doc if anchor is None or t.i != anchor.i}
    return who, excluded


def _relative_clause(token):
    """The relative clause a token belongs to ("which I think helped ...": "think")."""
    current = token
    while current.dep_ != "relcl" and current.head.i != current.i:
        current = current.head
    return current


def _anchor(relative):
    """The verb of the clause a relative clause hangs on, past "hard to reach" (an adjective's
    complement tells no action): "let Tyler join ... without pressure, which" -> "join"."""
    if relative.dep_ != "relcl":
        return None
    current = relative.head
    for _ in range(8):
        if current.pos_ == "VERB" and not (current.dep_ == "xcomp" and current.head.pos_ == "ADJ"):
            return current
        if current.pos_ == "AUX" or current.head.i == current.i:
            return None
        current = current.head
    return None


# The writer's own view, in the words of rules/phrasing/P01.jsonl's entries "own-view" ("I think",
# "I feel") and "it-may-be" ("it may be that"): in the reflection, where the template asks for the
# writer's opinion, that is the opinion owned, not a guess passed off as fact (the independent
# train recordings: of 24 such reflection sentences P01 reported, both labellers called 17 fine,
# on recordings they passed as they are too). "Seemed", "probably", "likely" stay guesses there.
_OWN_VIEW = frozenset({"own-view", "it-may-be"})


def _own_view(trigger, parsed: Parsed) -> bool:
    """In the reflection, a sentence where the writer owns the view ("I think they probably show
    the parents are anxious"): every hedge in it is theirs."""
    if trigger.sentence.section != "reflection":
        return False
    index = trigger.sentence.index
    if any(t.entry.id in _OWN_VIEW for t in parsed.language.for_rule("P01") if t.sentence.index == index):
        return True
    # "Theo's tears at the end seemed to me to be about missing his mum" (dev w25-04, not weak for
    # either labeller): "seemed to me" owns the view as "I think" does
    after = parsed.recording.text[trigger.end:trigger.end + 8].lower()
    return trigger.entry.id == "seem" and after.lstrip().startswith("to me")


def _backed_here(trigger, parsed: Parsed):
    """Whether the guess is backed in its own sentence (or framed as opinion in the reflection,
    or the writer's own view there), and who it is about."""
    if framed_reflection(trigger) or _own_view(trigger, parsed):
        return True, None
    who, excluded = _judged(trigger)
    vocabulary = parsed.language.lexicon.vocabulary
    return evidence(trigger.sentence, excluded, who, vocabulary, busy_tokens(trigger, parsed)), who


def _next_needed(trigger, parsed: Parsed, names, backed, who) -> bool:
    """The sentence after may back a guess about a person that its own sentence does not."""
    vocabulary = parsed.language.lexicon.vocabulary
    return not backed and parsed.language.after(trigger.sentence) is not None and who is not None and is_person(who, vocabulary, names)


def _verdicts(parsed: Parsed) -> dict:
    """Each parsed trigger's verdict, by its span: whether its own sentence backs it, and who it
    is about (a token of the sentence's parse), as round 1 carried them forward, or worked out now."""
    carried = parsed.carry("P01")
    verdicts = {}
    for trigger in parsed.language.for_rule("P01"):
        if trigger.sentence.doc is None:
            continue
        if carried is not None:
            backed, who = next(((b, w) for s, e, b, w in carried if (s, e) == (trigger.start, trigger.end)), (False, None))
            verdicts[trigger.start, trigger.end] = backed, trigger.sentence.doc[who] if who is not None else None
        else:
            verdicts[trigger.start, trigger.end] = _backed_here(trigger, parsed)
    return verdicts


def _next_sentences(parsed: Parsed) -> Reading:
    """Once the triggers are parsed and confirmed: the sentences after those that need one; the
    verdicts carried forward to the check."""
    names = known_names(parsed)
    verdicts = _verdicts(parsed)
    wanted = [parsed.language.after(t.sentence) for t in parsed.language.for_rule("P01")
              if (t.start, t.end) in verdicts and _next_needed(t, parsed, names, *verdicts[t.start, t.end])]
    carry = tuple((start, end, backed, who.i if who is not None else None) for (start, end), (backed, who) in verdicts.items())
    return Reading(tuple(s for s in wanted if s is not None), carry)


def _nothing(parsed: Parsed) -> list:
    """Round 0: the triggers' own sentences are parsed for their confirmation anyway."""
    return []


_WORDS = RuleWords(parsed=frozenset({"hedge"}), team_kind="hedge")


_PROPOSAL = Proposal(
    "'{words}': this reads as a guess at what someone felt, thought or meant, with nothing observed "
    "given for it (found by the trained check, not a word list).",
    "Describe what you saw or heard that shows it: what they did, what they said (in quotes), how their body looked.",
)


@rule("P01", "speculative-phrasing", "warning", reads=(_nothing, _next_sentences), words=_WORDS)
def check(parsed: Parsed):
    vocabulary = parsed.language.lexicon.vocabulary
    names = known_names(parsed)
    verdicts = _verdicts(parsed)

    def flagged(trigger) -> bool:
        backed, who = verdicts.get((trigger.start, trigger.end)) or _backed_here(trigger, parsed)
        if not _next_needed(trigger, parsed, names, backed, who):
            return not backed
        return not evidence(parsed.language.after(trigger.sentence), set(), who, vocabulary, quotes=False, needs_actor=True)

    yield from hits(parsed, "P01", flagged, _PROPOSAL)
