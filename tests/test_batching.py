"""The parse is spent where a rule must judge, in one batch per round: the rules' parse plans
(``Rule.reads``), the lemma guesses that let a rule skip a sentence, and the check's results
staying the same however recordings are batched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import GOOD_SPEC, TODAY, apply_edits

import qa_checker.checks.reflection.R03_unframed_opinion as r03
import qa_checker.checks.reflection.R04_reflection_lacks_child_focus as r04
from qa_checker import engine
from qa_checker.api import check_documents
from qa_checker.nlp.lemmas import could_have, guesser
from qa_checker.nlp.pipeline import load_pipeline
from qa_checker.readers import read_document
from qa_checker.readers.text import parse_text
from qa_checker.registry import all_rules
from qa_checker.rule import Parsed
from qa_checker.splitter import split
from qa_checker.template import load_template

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[str]:
    labelled = (ROOT / "tests/data/phrasing/labelled.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in labelled if line.strip()]
    texts += [line for f in sorted((ROOT / "samples").glob("*.*")) if f.suffix in (".txt", ".md")
              for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts + ["Me and him are gonna go, y'all. She'd've said nothin'. Let's c'mon, we gotta."]


def test_every_lemma_the_pipeline_gives_is_among_the_guesses():
    found = guesser()
    assert found.ok
    tokens = [t for doc in load_pipeline().pipe(_texts()) for t in doc]
    missed = [(t.text, t.lemma_) for t in tokens if t.lemma_.lower() not in found.of(t.lower_)]
    assert missed == [] and len(tokens) > 8000


@pytest.mark.parametrize("word, lemmas", [
    ("happier", {"happier", "happy"}), ("needs", {"need", "needs"}), ("me", {"me", "i"}),
    ("better", {"better", "well"}), ("ca", {"ca", "can"}), ("nothin'", {"nothin'", "nothing"}),
])
def test_lemma_guesses(word, lemmas):
    assert lemmas <= guesser().of(word)


def test_could_have():
    doc = load_pipeline().make_doc("Mum struggled to settle Amelia")
    assert could_have(doc, frozenset({"struggle"})) and not could_have(doc, frozenset({"need"}))
    assert could_have(doc, frozenset({"ask"}), canonical={"settle": "ask"})


REFLECTION = (
    "REFLECTION/ANALYSIS\n"
    "Mum is not ready to have the children home.\n"  # judging word: R03 parses it and the next one
    "Sarah read two stories to Amelia and Jayden at the table.\n"  # names the children: R04
    "The room was booked from four until half past five.\n"  # nothing any rule judges here
)


def _recording(reflection: str = REFLECTION):
    spec = GOOD_SPEC[:GOOD_SPEC.index("REFLECTION")] + reflection
    return split(parse_text(spec, "r.txt"), load_template())


def _parsed(recording, rounds: int | None = None) -> Parsed:
    return engine.view(recording, today=TODAY, rounds=rounds)


def test_the_reflection_rules_ask_only_for_the_sentences_they_judge():
    cheap = _parsed(_recording(), rounds=0)
    judged, after = "Mum is not ready to have the children home.", "Sarah read two stories to Amelia and Jayden at the table."
    wanted = {s.text for s in engine.wanted(cheap, all_rules(), 0) if s.section == "reflection"}
    assert wanted == {judged, after}  # R03's candidate, R04's sentences naming the children
    assert [s.text for s in r03._candidates(cheap)] == [judged]
    # R04 reads "the children" too (how they took the session may be said of them together)
    assert [s.text for s in r04._naming(cheap)] == [judged, after]
    assert r03._after(cheap) == []  # nothing parsed yet: nothing to judge
    # once parsed, the judgement is found ungrounded: R03 asks for the sentence after it too
    assert [s.text for s in r03._after(_parsed(_recording(), rounds=1))] == [after]
    assert all(s.doc is None for s in cheap.language.sentences)  # a round gives new values


def test_a_grounded_judgement_needs_no_next_sentence():
    grounded = "Mum is not ready to have the children home; she slept through the visit."
    parsed = _parsed(_recording(REFLECTION.replace("Mum is not ready to have the children home.", grounded)))
    assert [s.text for s in r03._candidates(parsed)] == [grounded]
    assert r03._after(parsed) == []  # her observed action grounds it


@pytest.mark.parametrize("ground", [", because she slept through the visit.", ' and said, "Not today."',
                                    " after 3 missed sessions."])
def test_a_judgement_grounded_in_words_the_tokenizer_sees_is_not_parsed(ground):
    parsed = _parsed(_recording(REFLECTION.replace("home.", "home" + ground)), rounds=0)
    assert r03._candidates(parsed) == []


def _documents():
    late = apply_edits(GOOD_SPEC, [["Sarah arrived at 15:50 and waited in reception.", "Sarah arrived at 16:45."]])
    documents = [parse_text(GOOD_SPEC, "a.txt"), parse_text(late, "b.txt")]
    return documents + [read_document(ROOT / "samples" / name) for name in
                        ("good-amelia-jayden-2025-03-12.docx", "flawed-text-export-leo-mia.txt",
                         "three-children-2026-09-17.docx")]


def test_every_sentence_a_rule_plans_to_read_is_parsed_when_it_checks(monkeypatch):
    """The rules read what they planned: in the final view every sentence any round asked for
    is parsed (the rules themselves never parse)."""
    unparsed: list[str] = []
    real = engine.run

    def spy(parsed, rules, *args, **kwargs):
        for number in range(max(len(r.reads) for r in rules)):
            unparsed.extend(s.text for s in engine.wanted(parsed, rules, number) if s.doc is None)
        return real(parsed, rules, *args, **kwargs)

    monkeypatch.setattr(engine, "run", spy)
    reports = check_documents(_documents(), today=TODAY)
    assert unparsed == [] and len(reports) == 5
    assert sum(len(r.findings) for r in reports) > 0


def test_findings_do_not_depend_on_the_batch():
    together = check_documents(_documents(), today=TODAY)
    alone = [check_documents([d], today=TODAY)[0] for d in _documents()]
    assert [r.model_dump() for r in together] == [r.model_dump() for r in alone]


def test_a_sentence_no_rule_judges_is_not_parsed(monkeypatch):
    seen = []
    real = engine.run

    def spy(parsed, *args, **kwargs):
        seen.extend(parsed.language.sentences)
        return real(parsed, *args, **kwargs)

    monkeypatch.setattr(engine, "run", spy)
    check_documents([parse_text(GOOD_SPEC[:GOOD_SPEC.index("REFLECTION")] + REFLECTION, "r.txt")], today=TODAY)
    room = next(s for s in seen if s.text.startswith("The room was booked"))
    judged = next(s for s in seen if s.text.startswith("Mum is not ready"))
    assert room.doc is None and judged.doc is not None


@pytest.mark.parametrize("basic_needs, parsed_after, flagged", [
    ("Mum seemed tired. She yawned twice. Dad left at 17:00.", ["Mum seemed tired.", "She yawned twice."], False),
    ("Mum seemed tired. Dad left at 17:00.", ["Mum seemed tired.", "Dad left at 17:00."], True),
    ("Mum seemed tired as she yawned twice. Dad left at 17:00.", ["Mum seemed tired as she yawned twice."], False),
])
def test_p01_parses_the_next_sentence_only_when_its_own_does_not_back_the_guess(monkeypatch, basic_needs, parsed_after, flagged):
    seen = []
    real = engine.run

    def spy(parsed, *args, **kwargs):
        seen.extend(s for s in parsed.language.sentences if s.section == "basic_needs")
        return real(parsed, *args, **kwargs)

    monkeypatch.setattr(engine, "run", spy)
    spec = apply_edits(GOOD_SPEC, [["At 16:30 Sarah gave the children sandwiches and apple slices she had brought, "
                                    "and cut Jayden's sandwich into squares.", basic_needs]])
    report, = check_documents([parse_text(spec, "r.txt")], today=TODAY)
    assert [s.text for s in seen if s.doc is not None] == parsed_after
    assert any(f.rule == "P01" and f.section == "basic_needs" for f in report.findings) is flagged
