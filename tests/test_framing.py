"""Professional-opinion framing: the token patterns in rules/reflection/framing.jsonl.

One source of truth: R01 looks for them in the reflection, and P01/P02 leave a framed opinion
there alone. The patterns run on the tokenizer's output only (the cheap pass).
"""

from __future__ import annotations

import pytest

from qa_checker.nlp.analysis import analyse
from qa_checker.nlp.lexicon import load_framing, load_lexicon
from qa_checker.readers.text import parse_text
from qa_checker.resources import DataFileError
from qa_checker.splitter import split
from qa_checker.template import load_template


def _framed(body: str, heading: str = "REFLECTION/ANALYSIS") -> list[bool]:
    analysis = analyse(split(parse_text(f"{heading}\n{body}", "r.txt"), load_template()))
    return [s.framed for s in analysis.sentences]


def test_every_example_matches_its_own_pattern():
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("en")
    for frame in load_framing():
        matcher = Matcher(nlp.vocab)
        matcher.add(frame.id, [list(frame.pattern)])
        for example in frame.examples:
            assert matcher(nlp.make_doc(example)), (frame.id, example)


def test_the_phrasing_rules_use_the_same_patterns():
    assert load_lexicon().framing == load_framing()


@pytest.mark.parametrize("sentence", [
    "In my opinion as the supervisor, Mum kept Leo safe.",
    "My professional view is that the goodbye needs to be shorter.",
    "My view, having supervised six sessions, is that Dad is more confident.",
    "I would say that Mia was more settled this week.",
    "From what I observed, Amelia was calmer once Mum sat down, which suggests the routine helps.",
    "I observed that Mum waited for Leo to finish, which suggests she is learning to follow his lead.",
    "Mum's lateness is the main worry.",
    "It was felt that Tyler would benefit from a more structured ending.",
    "Her words tell me that leaving Mum is hard for her.",
])
def test_framed_in_unusual_but_valid_ways(sentence):
    assert _framed(sentence) == [True]


@pytest.mark.parametrize("sentence", [
    "Overall I feel this was a good contact.",
    "Mum said, \"In my opinion he is tired.\"",
    "I used my judgement because Nan was present.",
    "Mum told me she was worried.",
    "I saw Mum at 16:00.",
])
def test_not_framed(sentence):
    assert _framed(sentence) == [False]


def test_framing_is_looked_for_in_the_reflection_only():
    assert _framed("In my professional opinion Leo was tired.", "GOODBYE") == [False]


def test_a_pattern_needing_the_parse_is_refused(tmp_path, monkeypatch):
    from qa_checker.nlp import lexicon as module

    folder = tmp_path / "rules" / "reflection"
    folder.mkdir(parents=True)
    (folder / "framing.jsonl").write_text(
        '{"label": "R01", "id": "a", "pattern": [{"LOWER": "in"}], "examples": ["in"], "source": "s"}\n'
        '{"label": "R01", "id": "b", "pattern": [{"LEMMA": "opinion"}], "examples": ["opinions"], "source": "s"}\n',
        encoding="utf-8")
    monkeypatch.setattr(module, "packaged", lambda *parts: tmp_path.joinpath(*parts))
    module.load_framing.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"framing.jsonl: line 2: pattern: .*LEMMA"):
            module.load_framing()
    finally:
        module.load_framing.cache_clear()
