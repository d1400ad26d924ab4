"""The trained decision (qa_checker/nlp/judge.py, models/judge/, trained by `make train`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import sys
from pathlib import Path

from qa_checker import engine
from qa_checker.nlp.analysis import analyse_many
from qa_checker.nlp.judge import LABELS, feature_words, marker_words
from qa_checker.nlp.pipeline import pipeline_config
from qa_checker.readers.text import parse_text
from qa_checker.registry import lexicon_spec
from qa_checker.splitter import split
from qa_checker.template import load_template

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 12, 2)
HEAD = "Child's Name: Ruby Smith, Sam Smith\nBASIC NEEDS\nWhat is working well?\n"


def _recording(*sentences: str):
    return split(parse_text(HEAD + "\n".join(sentences) + "\n", "draft.txt"), load_template())


def _findings(view, **judge):
    """The phrasing findings of ``view`` with the decision's thresholds changed to ``judge``."""
    language = view.language
    changed = dataclasses.replace(language, judge=language.judge.model_copy(update=judge))
    return [(f.rule, f.text, f.message) for f in engine.run(dataclasses.replace(view, analysis=changed))
            if f.rule[0] == "P"]


def _train_module():
    spec = importlib.util.spec_from_file_location("train_judge", ROOT / "models" / "train_judge.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_judge"] = module
    spec.loader.exec_module(module)
    return module


def test_make_train_rebuilds_the_shipped_model(tmp_path):
    """Every file the same bytes but the weights, and each weight within float rounding of the
    shipped one: on 2026-12-04 a machine of another CPU family trained weights up to 3.6e-7 from
    those shipped (the vectorised sums differ in their last bits), so the weights cannot be
    compared byte for byte; another seed moved them by up to 0.27, and leaving out 50 of the
    training sentences by 0.40."""
    import numpy
    import spacy

    train = _train_module()
    examples = train.independent_examples("train") + train.phrasing_examples()
    train.train(examples, tmp_path / "judge")
    shipped = ROOT / "models" / "judge"
    files = sorted(p.relative_to(shipped) for p in shipped.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "judge") for p in (tmp_path / "judge").rglob("*") if p.is_file())
    weights = Path("textcat_multilabel") / "model"
    assert weights in files
    for name in files:
        if name != weights:
            assert (tmp_path / "judge" / name).read_bytes() == (shipped / name).read_bytes(), name
    models = [spacy.load(folder).get_pipe("textcat_multilabel").model for folder in (shipped, tmp_path / "judge")]
    layers = [[(node.name, node.get_param(p)) for node in model.walk() for p in node.param_names] for model in models]
    assert [name for name, _ in layers[0]] == [name for name, _ in layers[1]] and layers[0]
    for (name, ours), (_, rebuilt) in zip(*layers):
        assert ours.shape == rebuilt.shape and float(numpy.abs(ours - rebuilt).max()) < 1e-5, name


def test_training_never_reads_the_dev_or_test_recordings():
    train = _train_module()
    used = {ident.split(":")[0] for _, _, ident in train.independent_examples("train")}
    import json

    splits = json.loads((ROOT / "tests" / "data" / "independent" / "split.json").read_text(encoding="utf-8"))
    assert used and all(splits[rid] == "train" for rid in used)


def test_every_sentence_is_scored_in_the_cheap_pass_without_a_parse():
    (analysis,) = analyse_many([_recording("Ruby ate her toast.", "Mum seemed tired.")], spec=lexicon_spec())
    assert len(analysis.judged) == len(analysis.sentences) == 2
    assert all(set(scores) == set(LABELS) and all(0.0 <= v <= 1.0 for v in scores.values()) for scores in analysis.judged)
    assert all(s.doc is None for s in analysis.sentences)
    (unjudged,) = analyse_many([_recording("Ruby ate her toast.")], spec=lexicon_spec(), judged=False)
    assert unjudged.judged == () and unjudged.judge is None


def test_the_classifier_reads_no_names_or_numbers():
    marks = marker_words("goodbye", False, True, [("P03", "vague_quantity")])
    words = feature_words(["Ruby", "cried", "at", "16:05", "for", "2", "minutes"], frozenset({"ruby"}), marks)
    assert words == ["§section:goodbye", "§quoted", "§P03", "§P03:vague_quantity",
                     "§person", "cried", "at", "§number", "for", "§number", "minutes"]


def test_a_proposal_the_decision_finds_plainly_fine_is_dropped_but_a_loaded_label_never_is():
    view = engine.view(_recording("Lots of singing.", "Sam kicked off at the door."), today=TODAY)
    kept = _findings(view, veto=0.0)
    assert [(rule, text) for rule, text, _ in kept] == [("P03", "Lots of singing."), ("P05", "Sam kicked off at the door.")]
    vetoed = _findings(view, veto=1.0)
    assert [(rule, text) for rule, text, _ in vetoed] == [("P05", "Sam kicked off at the door.")]


def test_a_sentence_no_pattern_caught_is_proposed_naming_the_words_it_rests_on():
    view = engine.view(_recording("Jayden is not bothered about contact."), today=TODAY)
    assert view.language.triggers == ()
    assert view.language.judged[0]["weak"] >= pipeline_config().judge.propose
    ((rule, text, message),) = _findings(view)
    assert (rule, text) == ("P01", "Jayden is not bothered about contact.")
    assert message.startswith("'bothered', 'contact': this reads as a guess") and "trained check" in message


def test_the_shipped_thresholds_drop_and_propose_something():
    judge = pipeline_config().judge
    assert judge.enabled and 0.0 < judge.veto < judge.propose < 1.0


def test_the_fast_scoring_gives_exactly_what_the_text_categoriser_predicts():
    from qa_checker.nlp.judge import load_judge, load_judge_pipeline, score, score_by_docs

    train = _train_module()
    features = [words for words, _, _ in train.independent_examples("dev")]
    features.append(["§section:basic_needs", "prep", "§number", "§number", "."])  # a predefined string, repeats
    # the model built from the saved files alone scores as the saved pipeline's own predict does
    assert score(load_judge(), features) == score_by_docs(load_judge_pipeline(), features)


def test_a_sentence_is_not_parsed_for_a_proposal_the_decision_drops():
    from qa_checker.nlp.analysis import fulfil

    (analysis,) = analyse_many([_recording("Mum was lovely with Ruby.")], spec=lexicon_spec())
    waiting = [t for t in analysis.triggers if analysis.lexicon.needs_parse(t.entry)]
    assert {t.entry.label for t in waiting} <= {"P02", "P03", "P04"} and waiting
    kept, dropped = (dataclasses.replace(analysis, judge=analysis.judge.model_copy(update={"veto": v})) for v in (0.0, 1.0))
    assert {s.text for s in kept.awaiting_parse} == {"Mum was lovely with Ruby."} and dropped.awaiting_parse == []
    (after,) = fulfil([dropped], [()], spec=lexicon_spec())
    assert after.sentences[0].doc is None and not [t for t in after.triggers if t in waiting]
    (after,) = fulfil([kept], [()], spec=lexicon_spec())
    assert after.sentences[0].doc is not None and "lovely" in [t.words for t in after.for_rule("P02")]


def test_the_keys_read_from_token_arrays_are_the_feature_words_keys():
    """The cheap path (each distinct word form turned into its feature word once) gives exactly the
    keys of the words training reads (judge_features), sentence by sentence."""
    from qa_checker.nlp.analysis import judge_features, judge_keys
    from qa_checker.nlp.judge import key_of

    recording = _recording("Ruby cried at 16:05 for 2 minutes.", "Mum seemed tired and Ruby said \"prep\".", "",
                           "Dad was lovely with Ruby.")
    (analysis,) = analyse_many([recording], spec=lexicon_spec())
    keys, lengths = judge_keys(analysis)
    features = judge_features(analysis)
    assert lengths == [len(f) for f in features]
    assert keys.tolist() == [key_of(w) for f in features for w in f]
