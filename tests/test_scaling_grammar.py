"""The cheap half of the scaling parser, without spaCy: which numbers are scores and whose."""

from __future__ import annotations

import pytest

from qa_checker.resources import DataFileError
from qa_checker.scaling.cues import load_cues, phrase_pattern
from qa_checker.scaling.grammar import Grammar, Subject
from qa_checker.scaling.numbers import find_numbers
from qa_checker.scaling.roster import Child, Roster

ROSTER = Roster(
    children=(Child("Amelia Smith", ("amelia smith", "amelia")), Child("Jayden Smith", ("jayden smith", "jayden", "jay")),
              Child("Ellie-Mae Smith", ("ellie-mae smith", "ellie-mae"))),
    people=frozenset({"amelia", "jayden", "jay", "ellie-mae", "sarah"}),
)
GRAMMAR = Grammar(load_cues(), ROSTER)


def _mentions(sentence: str) -> list[tuple]:
    out = []
    for m in GRAMMAR.mentions(sentence, 0, len(sentence)):
        who = None if m.subject is None else m.subject.name if m.subject.kind in ("child", "unknown") else m.subject.kind
        out.append((who, m.value, sentence[m.lead_start:m.end]))
    return out


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Overall: 6/10 because Sarah was on time.", [("overall", 6, "Overall: 6/10")]),
    ("Scaling – overall 5, Amelia 6, Jay 4.", [("overall", 5, "Scaling – overall 5"), ("Amelia Smith", 6, "Amelia 6"),
                                               ("Jayden Smith", 4, "Jay 4")]),
    ("So overall 6/10, Amelia 7/10, Jayden 5/10.", [("overall", 6, "overall 6/10"), ("Amelia Smith", 7, "Amelia 7/10"),
                                                     ("Jayden Smith", 5, "Jayden 5/10")]),
    ("Ellie-Mae's scaling – 4. Reason: she cried.", [("Ellie-Mae Smith", 4, "Ellie-Mae's scaling – 4")]),
    ("I would scale Amelia's contact at 5 because she cried.", [("Amelia Smith", 5, "I would scale Amelia's contact at 5")]),
    ("The overall scaling for today's contact is 7/10.", [("overall", 7, "The overall scaling for today's contact is 7/10")]),
    ("Amelia = 7 / 10 and Jayden = seven out of ten.", [("Amelia Smith", 7, "Amelia = 7 / 10"),
                                                         ("Jayden Smith", 7, "Jayden = seven out of ten")]),
    ("7/10 overall.", [("overall", 7, "7/10")]),
    ("Both children 7/10 because they played together.", [("group", 7, "Both children 7/10")]),
    ("Jay: the same.", [("Jayden Smith", None, "Jay: the same")]),
    ("Maya: 5/10 – she was tired.", [("Maya", 5, "Maya: 5/10")]),
    # a condition about scoring itself, or a time, leaves a score a score
    ("If I had to score this session I would give it a 7 because Amelia laughed.",
     [("overall", 7, "If I had to score this session I would give it a 7")]),
    ("When Amelia arrived she was quiet, so I would scale the contact at 6.",
     [("overall", 6, "When Amelia arrived she was quiet, so I would scale the contact at 6")]),
    ("If Sarah is late again the session will end early, but today I would scale the contact at 7.",
     [("overall", 7, "If Sarah is late again the session will end early, but today I would scale the contact at 7")]),
])
def test_scores_and_their_subjects(sentence, expected):
    assert _mentions(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Contact on 12.03.2024 from 10:00 to 11:30 in Room 4.",
    "Amelia is 7 and Jayden (4) played for 20 minutes.",
    "Amelia, who is 9, showed Sarah her Year 4 project and 2 games of Connect 4.",
    "To reach a 9, Sarah could bring snacks. It would be a seven if Sarah arrived on time.",
    "For this to be an 8/10, Sarah needs to arrive on time.",
    "It is not a 10 because Jayden cried at the goodbye.",
    "Dad has made progress since the last 2 sessions, when I scaled contact at 4.",
    "Amelia's score is up from a 5/10 last week.",
    "On a scale of 0 – 10 where 0 is very difficult and 10 is very well managed.",
    "Amelia: one of her best sessions; she turned 8th in the race on 21st June.",
    "Jayden asked for 3 stickers at 16:05 and ate two biscuits.",
    # the score it would get, on a condition (wave 6, dev w27-02 and w27-04)
    "If Sarah kept court out of the sessions I would score at least 7.",
    "If Sarah keeps her phone put away and sessions continue like this, I would score 10.",
    "I would scale Amelia at 8 if Sarah arrives on time next week.",
    "Without these I would score it at 8.",  # dev w29-06: read as a scaling for "Without"
    "I have not put 10 because Amelia cried.",
    "I haven't given it a 10 as Jayden was upset.",
])
def test_numbers_that_are_not_scores(sentence):
    assert _mentions(sentence) == []


def test_number_forms():
    words = load_cues().numbers.words
    text = "6.5/10, 7½/10, 5 / 10, six and a half, 8 (out of 10), twelve out of ten, -1, minus two, 12/10/2025, 14:20"
    found = [(text[n.start:n.end], n.value, n.strong) for n in find_numbers(text, 0, len(text), words)]
    assert found == [("6.5/10", 6.5, True), ("7½/10", 7.5, True), ("5 / 10", 5, True), ("six and a half", 6.5, False),
                     ("8 (out of 10)", 8, True), ("twelve out of ten", 12, True), ("-1", -1, False),
                     ("minus two", -2, False)]


def test_phrase_patterns_take_any_word_and_clause_starts():
    pattern = phrase_pattern(("to move * up", "^to increase"))
    assert pattern.search("To move Kayla up the scale, Dad could...")
    assert pattern.search("Amelia: 6 – to increase this, Sarah could...")
    assert not pattern.search("She wanted to increase the volume.")


def test_cue_file_is_validated(tmp_path):
    from importlib import resources

    source = resources.files("qa_checker").joinpath("rules", "scaling.toml").read_text(encoding="utf-8")
    bad = tmp_path / "scaling.toml"
    bad.write_text(source.replace("[pointers]", "[pointers]\nsee_also = [\"x\"]"), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_cues(str(bad))
    assert str(bad) in str(info.value) and "pointers.see_also" in str(info.value)
    bad.write_text(source.replace("nought = 0", "nought = 30"), encoding="utf-8")
    with pytest.raises(DataFileError, match="numbers.words"):
        load_cues(str(bad))


def test_a_name_that_is_an_everyday_word_needs_its_capital():
    roster = Roster(children=(Child("Will Brown", ("will brown", "will")),), people=frozenset({"will"}))
    grammar = Grammar(load_cues(), roster)
    text = "I will give 7/10 as Mum will bring snacks. Will: 6/10 because he laughed."
    found = [(m.subject, m.value, text[m.lead_start:m.end]) for m in grammar.mentions(text, 0, len(text))]
    assert found == [(None, 7, "I will give 7/10"), (Subject("child", "Will Brown"), 6, "Will: 6/10")]


def test_relationship_words_are_not_unknown_children():
    roster = Roster(children=ROSTER.children, people=ROSTER.people, not_names=frozenset({"foster carer", "carer", "foster"}))
    grammar = Grammar(load_cues(), roster)
    text = "Foster: 8/10 because the handover was calm."
    assert [m.subject for m in grammar.mentions(text, 0, len(text))] == [None]
