"""The reflection rules' parts: concern cues confirmed by the parse, judgements, linking, data files."""

from __future__ import annotations

import pytest
from conftest import TODAY

from qa_checker.checks.reflection.concerns import Concern, category_of
from qa_checker.checks.reflection.shared import judgement
from qa_checker.nlp.analysis import analyse_many, fulfil
from qa_checker.policy import load_policy
from qa_checker.readers.text import parse_text
from qa_checker.registry import lexicon_spec
from qa_checker.resources import DataFileError
from qa_checker.rule import Parsed
from qa_checker.splitter import split
from qa_checker.template import load_template

HEADER = "Child's Name: Amelia Smith (7) and Jayden Smith (4)\nPresent at contact: Sarah Smith (mother), Amelia, Jayden\n"


def _parsed(body: str, heading: str = "BASIC NEEDS") -> Parsed:
    recording = split(parse_text(f"{HEADER}{heading}\n{body}\nREFLECTION/ANALYSIS\nIn my view it went to plan.", "r.txt"),
                      load_template())
    return Parsed(recording=recording, policy=load_policy(), today=TODAY, analysis=_every_sentence_parsed(recording))


def _every_sentence_parsed(recording):
    spec = lexicon_spec()
    analysis, = analyse_many([recording], spec=spec)
    return fulfil([analysis], [analysis.sentences], spec=spec)[0]


def _first(parsed: Parsed):
    return parsed.language.sentences[0]


@pytest.mark.parametrize(("sentence", "category"), [
    ("I reminded Sarah of the agreement.", "intervention"),
    ("I had to step in and take Jayden to the carer.", "intervention"),
    ("Sarah was reminded about her phone.", "intervention"),
    ("I rang Sarah on Monday to remind her of the time.", None),
    ("Sarah reminded Jayden to wash his hands.", None),
    ("I did not need to intervene.", None),
    ("Sarah said her solicitor had not rung her back.", "legal"),
    ("Sarah complained about the social worker's decision.", "legal"),
    ("Sarah did not mention court.", None),
    ("Jayden cried at the door.", "distress"),
    ("Jayden started crying when the carer arrived.", "distress"),
    ("Sarah started crying when she said goodbye.", None),
    ("Amelia went to the carer without any upset.", None),
    ("Jayden fell and grazed his knee.", "injury"),
    ("The tower of bricks fell down.", None),
    ("Sarah's friend came too, which had not been agreed.", "unexpected-person"),
    ("Mum brought her friend, who was not agreed.", "unexpected-person"),
    ("Sarah did not promise something not agreed.", None),
    ("Sarah said, \"Don't cry, I'll see you next week.\"", None),
    # the same child going straight on with something else after "but": the moment passed
    ("Jayden cried at the door but settled quickly.", None),
    ("Jayden was tearful at first but soon smiled when Sarah hugged him.", None),
    ("Jayden cried but they kept arguing.", "distress"),
    ("Jayden cried but she ignored him.", "distress"),
    ("Jayden had tears walking to the car but was telling Sarah about his boots.", None),
    ("Jayden cried but Sarah ignored him.", "distress"),
    ("Jayden cried at the door but did not want to go back to his carer.", "distress"),
    ("Jayden was crying but nobody came.", "distress"),
    # issue 14: denied, or a friendly gesture rather than an injury
    ("Nobody cried at the goodbye.", None),
    ("There were no injuries or accidents in the session.", None),
    ("Amelia and Sarah did a high five when the puzzle was finished.", None),
    ("Jayden bumped fists with Sarah after the race.", None),
])
def test_a_concern_word_counts_when_the_parse_fits(sentence, category):
    parsed = _parsed(sentence)
    found = category_of(_first(parsed), parsed)
    assert (found.name if found else None) == category


@pytest.mark.parametrize(("sentence", "judged"), [
    ("Mum is not ready to have the children home.", "ready"),
    ("Dad's comment about the carers was not appropriate.", "appropriate"),
    # recommendations are what the reflection should hold (what needs to happen), not judgements
    ("Mum needs support with goodbyes.", None),
    ("Dad should bring a book next week.", None),
    ("Dad must be more consistent about times.", None),
    ("T is getting too old for soft play and needs something else.", None),
    ("M does love the children but she needs to focus on them in contact.", "love"),
    ("Leo enjoys the football.", "enjoys"),
    ("Mum met Isla's needs well.", "well"),
    ("Dad is a good dad.", "dad"),
    ("Archie needed a prompt from me.", None),
    ("It would be good if Dad brought a ball.", None),
    ("I am confident that Mum will be on time.", None),
    ("Mum and Dad played football as well.", None),
    ("Mum arrived at 15:45 and waited in reception.", None),
])
def test_judgement_stated_as_fact(sentence, judged):
    parsed = _parsed(sentence, "REFLECTION/ANALYSIS")
    sentence = next(s for s in parsed.language.sentences if s.section == "reflection")
    found = judgement(sentence)
    assert (found.text if found is not None else None) == judged


def test_the_default_pipeline_has_no_word_vectors_so_similarity_is_never_used():
    from qa_checker.nlp.linking import has_vectors
    from qa_checker.nlp.pipeline import load_pipeline

    assert not has_vectors(load_pipeline().vocab)


def _with_vectors():
    import numpy
    import spacy

    nlp = spacy.blank("en")
    for word, vector in {"sobbing": (1.0, 0.1, 0.0), "tears": (0.9, 0.2, 0.0), "wept": (0.95, 0.1, 0.05),
                         "coke": (0.0, 0.1, 1.0), "fizzy": (0.0, 0.2, 0.9)}.items():
        nlp.vocab.set_vector(word, numpy.asarray(vector, dtype="float32"))
    return nlp


def test_similarity_of_mean_word_vectors():
    from qa_checker.nlp.linking import has_vectors, similarity

    nlp = _with_vectors()
    assert has_vectors(nlp.vocab)
    assert similarity(nlp("Amelia was sobbing."), nlp("Her tears show it was hard.")) == pytest.approx(0.92 / (1.01 ** 0.5 * 0.85 ** 0.5), abs=1e-6)
    assert similarity(nlp("Amelia was sobbing."), nlp("The fizzy coke.")) < 0.2
    assert similarity(nlp("Amelia was sobbing."), nlp("Nothing known here.")) == 0.0


def test_with_word_vectors_a_concern_in_other_words_is_picked_up():
    """What a trust with en_core_web_md gets: a reflection in wholly other words picks the concern up."""
    from dataclasses import replace

    from qa_checker.checks.reflection.linker import Linker

    parsed = _parsed("Amelia was sobbing.")
    nlp = _with_vectors()
    first = parsed.language.sentences[0]
    concern = Concern("basic_needs", True, (replace(first, doc=nlp(first.text)),))
    reflection = next(s for s in parsed.language.sentences if s.section == "reflection")
    assert Linker(parsed, [replace(reflection, doc=nlp("Her tears show it was hard."))]).picked_up(concern)
    assert not Linker(parsed, [replace(reflection, doc=nlp("The fizzy coke."))]).picked_up(concern)


def test_related_words_stand_for_each_other():
    from qa_checker.checks.reflection.data import load_concerns
    from qa_checker.nlp.linking import content_lemmas

    parsed = _parsed("Archie asked when Mum would come.", "REFLECTION/ANALYSIS")
    sentence = _first(parsed)
    canonical = load_concerns().canonical
    assert "ask" in content_lemmas(sentence.doc, frozenset(), canonical)
    other = _first(_parsed("His questions matter.", "REFLECTION/ANALYSIS"))
    assert content_lemmas(other.doc, frozenset(), canonical) & {"ask"}


@pytest.mark.parametrize(("loader", "parts", "old", "new", "key"), [
    ("qa_checker.checks.reflection.data:load_concerns", ("rules", "reflection", "concerns.toml"),
     'who = "child"', 'who = "parent"', "category.2.who"),
    ("qa_checker.checks.reflection.data:load_related", ("rules", "reflection", "related.toml"),
     'name = "feeding"', 'title = "feeding"', "synonyms.2.title"),
    ("qa_checker.checks.reflection.data:load_evaluation", ("rules", "reflection", "evaluation.toml"),
     "modals = [", "modal_verbs = [", "modal_verbs"),
    ("qa_checker.checks.agreement.data:load_wording", ("rules", "agreement", "wording.toml"),
     "[attendees]", "[attendee]", "attendee"),
])
def test_a_bad_word_list_names_file_and_key(tmp_path, loader, parts, old, new, key):
    import importlib

    from qa_checker.resources import packaged

    module, name = loader.split(":")
    load = getattr(importlib.import_module(module), name)
    source = packaged(*parts).read_text(encoding="utf-8")
    assert old in source
    bad = tmp_path / parts[-1]
    bad.write_text(source.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load(str(bad))
    assert str(bad) in str(info.value) and key in str(info.value)


def test_the_rules_parse_with_the_teams_pipeline(monkeypatch):
    """A team's pipeline (qa-checker.toml) parses what the reflection and Agreement rules judge,
    as it does the phrasing rules' sentences; with word vectors, R02 then uses them."""
    import qa_checker.nlp.analysis as analysis
    from qa_checker import engine
    from qa_checker.rule import RuleOptions

    real = analysis.load_pipeline
    asked = []

    def recorded(base=None):
        asked.append(base)
        return real(None)

    from qa_checker.nlp import pipeline

    monkeypatch.setattr(analysis, "load_pipeline", recorded)
    monkeypatch.setattr(pipeline, "load_pipeline", recorded)  # the scaling parser's pieces too
    monkeypatch.setattr(analysis, "_matchers", analysis._matchers.__wrapped__)  # no cached matchers for "trust_md"
    body = "Mum arrived at 16:40.\nREFLECTION/ANALYSIS\nIn my view Amelia was glad to see Mum."
    recording = split(parse_text(f"{HEADER}Time: 16:00 to 17:00\nINTRODUCTIONS\n{body}", "r.txt"), load_template())
    view = engine.view(recording, options=RuleOptions(pipeline="trust_md"), today=TODAY)
    assert set(asked) == {"trust_md"}
    assert next(s for s in view.language.sentences if s.text == "Mum arrived at 16:40.").doc is not None


def test_a_parents_name_in_brackets_is_a_name_of_the_parent():
    """'Samantha (Sam) Nance - mother': R02 does not link a concern to the reflection by 'Sam'
    any more than by 'Samantha' (wave 3, w3-06); a role in the detail is not a name."""
    from qa_checker.checks.agreement.data import parent_names
    from qa_checker.splitter.model import Person

    assert parent_names([Person("Samantha Nance", "Sam by video call from her home mother")]) == {"samantha", "nance", "sam"}
    assert parent_names([Person("Sarah Smith", "mother, with Social Worker approval")]) == {"sarah", "smith"}
    assert parent_names([Person("Kelly", "Ryan's partner")]) == set()
