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
    the goodbye because..." or "Not really, Dad just needs to be firmer."), and any sentence
    outside "What is working well?" (which sums up what went well, when the section tells the
    session before it) with a cue from rules/reflection/concerns.toml
    that the parse confirms (the supervisor or carer intervening, not a parent reminding a child
    and not a reminder phoned beforehand or one to be there on time; a child crying, not a parent; a person falling, not a
    tower of bricks; nothing denied, as in "I did not need to intervene", "Nothing was said about court" or
    "There was no talk about court, care proceedings or ..."; not tears the same
    sentence says passed, as in "cried but settled quickly", or that an adult comforted at once, as
    in "cried, and Sarah gave her a cuddle" or in the next sentence, "Evie cried. Ryan picked Evie
    up"; not a food court). A reflection sentence
    picks a concern up when they share a content word (lemmas, and a few related words such as
    "ask" and "question"; the children's and parents' names, Mum, Dad and common words such as
    "session" do not count, another adult's name does, and "grandmother" names the "PGM" of
    "Present at contact"; a note naming nobody, "Not agreed with SW.", is about the other adult
    the sentence before it names), or both hold a cue of the same kind
    ("judge" and "court"; "should not have been there" for someone not agreed), or it names the
    same person and the same part of the session ("at the goodbye" for a worry under Goodbye)
    or a room its paragraph names ("in the corridor"; not the venue itself), or the worry only
    names someone ("Kayden.") whom the reflection discusses, or, with a pipeline that has word
    vectors (en_core_web_md, not the default en_core_web_sm), when they are similar enough. A
    line under "What are you worried about?" that sums up an incident ("The Christmas
    promise.") is read with the paragraphs of its section above it that share a word with it, and
    an intervention that names no topic of its own ("I reminded Mum kindly about this.") with
    the two sentences before it in its paragraph. A sentence naming only another child
    does not pick up a concern about this one. So a reflection that mentions the concern in
    passing clears it, and one that puts it in wholly different words does not. One incident
    gives one finding: concerns of one section that share a word, or a line under "What are you
    worried about?" and a cue sentence of its section that name the same child ("Leo screamed and
    kicked" and "Leo's reaction, Mum not comforting him"), are reported once, on the writer's own
    worried-about line when there is one.

Source:
    Recording template, REFLECTION/ANALYSIS ("address any concerns raised ... whether the parent
    was focused on contact or attempting to discuss any legal intervention such as court
    proceedings ... whether intervention has been required ... whether this is a pattern");
    Family Time Agreement (no discussion of legal issues or complaints; no one else attends
    unless agreed in advance). Cue words: rules/reflection/concerns.toml.
"""

from qa_checker.checks.reflection.concerns import Concern, candidates, confirm
from qa_checker.checks.reflection.data import Concerns, load_concerns
from qa_checker.checks.reflection.linker import Linker
from qa_checker.checks.reflection.shared import reflection_sentences
from qa_checker.nlp.cues import cue_list
from qa_checker.rule import Hit, Parsed, Reading, rule


def _unlinked(parsed: Parsed, linker: Linker) -> list[Concern]:
    """The possible concerns no reflection sentence shares a word form with (the cheap test):
    what round 0 found (carried forward), or found now."""
    carried = parsed.carry("R02")
    if carried is None:
        return [c for c in candidates(parsed) if not linker.same_words(c)]
    sentences = parsed.language.sentences
    return [Concern(section, worried, tuple(sentences[i] for i in indices))
            for section, worried, indices in carried]


def _concerns(parsed: Parsed) -> Reading:
    """Round 0: the sentences of the possible concerns still unlinked (the parse confirms them),
    the concerns carried forward by their sentences' indices."""
    sentences = reflection_sentences(parsed)
    found = _unlinked(parsed, Linker(parsed, sentences)) if sentences else []
    # and the sentence after each with a child's tears: an adult comforting the child there clears them
    comforted = cue_list(tuple(w for c in load_concerns().category if c.comforted_by for w in c.words))
    after = (parsed.language.after(c.sentences[-1]) for c in found
             if not c.worried and any(comforted.any(s) for s in c.sentences))
    return Reading(tuple(s for concern in found for s in concern.sentences) + tuple(s for s in after if s is not None),
                   tuple((c.section, c.worried, tuple(s.index for s in c.sentences)) for c in found))


def _reflection(parsed: Parsed) -> list:
    """Round 1: the reflection sentences that could pick up a confirmed concern (those that
    could share a lemma with it; all of them when the pipeline has word vectors)."""
    sentences = reflection_sentences(parsed)
    if not sentences:
        return []
    linker = Linker(parsed, sentences)
    return [s for concern in confirm(_unlinked(parsed, linker), parsed) for s in linker.to_read(concern)]


@rule("R02", "unaddressed-concern", "warning", reads=(_concerns, _reflection))
def check(parsed: Parsed):
    sentences = reflection_sentences(parsed)
    if not sentences:
        return  # S01 and S02 report a missing or empty reflection
    linker = Linker(parsed, sentences)
    reported: list[Concern] = []
    # the writer's own words under "What are you worried about?" first: one incident, one
    # finding, however many cues it has, and on the line that names the worry when there is one
    for concern in sorted(confirm(_unlinked(parsed, linker), parsed), key=lambda c: not c.worried):
        if linker.picked_up(concern) or any(linker.same_incident(concern, r) for r in reported):
            continue
        reported.append(concern)
    for concern in sorted(reported, key=lambda c: c.sentences[0].start):
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
