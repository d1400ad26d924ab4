"""The reflection never frames its analysis as the writer's view ("In my professional opinion...", "My view is...", "I think...").

Why it matters:
    The reflection is where the child's review reads the supervisor's own judgement. Framed as
    opinion, it is kept apart from the facts recorded above it, and the reader knows whose view
    it is and can weigh it; unframed, an opinion reads as established fact.

Weak:
    Overall this was a good contact. Dad is good with the children.

Better:
    In my professional opinion, Dad met both children's needs: he shared the football and comforted Mia.
    From what I observed, Leo finds it hard when Mia gets Dad's attention, which suggests he needs time alone with Dad.

Limitations:
    Framing is recognised by the spaCy token patterns in rules/reflection/framing.jsonl
    (in my (professional) opinion/view/assessment, my view ... is, it is my view, I would say,
    I consider, I am of the view, from what I observed, from my observations, based on what I
    saw, I observed ... which suggests, it was felt that, ... tells me, I am worried that, the
    main worry is, on reflection), in any word order the patterns allow, or by the writer owning
    a view ("I think", "I feel", "I felt", "it seems to me": ``own_view`` in
    rules/reflection/evaluation.toml), which R03 and P01 already read as the writer's view there.
    Since 2026-12-04: on the independent train and dev recordings, 4 of R01's 19 errors were on
    reflections that say "I think" or "I felt" and that both labellers call framed, and 1 (train
    w16-06) on one they both call unframed. Words inside quoted speech do not count. One framed
    sentence is enough; R03 looks at the others.

Source:
    Recording template, REFLECTION/ANALYSIS ("Include your interpretation of the contact, using
    phrases such as 'In my professional opinion…' 'It was felt that…'"); Write Enough recording
    skills (fact, report and opinion kept apart). Patterns: rules/reflection/framing.jsonl.
"""

from qa_checker.checks.reflection.data import load_evaluation
from qa_checker.nlp.cues import cue_list
from qa_checker.rule import Hit, Parsed, rule


@rule("R01", "no-professional-opinion-framing", "error")
def check(parsed: Parsed):
    section = parsed.recording.sections.get("reflection")
    if section is None or not section.content:
        return  # S01 and S02 report a missing or empty reflection
    reflection = [s for s in parsed.language.sentences if s.section == "reflection"]
    own_view = cue_list(load_evaluation().own_view)
    if any(s.framed or own_view.any(s) for s in reflection):
        return
    yield Hit(
        "The reflection does not frame your analysis as your professional opinion, so the child's "
        "review cannot tell your judgement from the facts recorded above it.",
        section="reflection",
        span=section.heading,
        suggestion="Open your analysis with whose view it is and what it rests on, e.g. 'In my professional "
                   "opinion, ... because ...' or 'From what I observed, ... which suggests ...'.",
    )
