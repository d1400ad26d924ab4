"""Idioms in every tense (qa_checker/nlp/inflect.py; ``inflect`` in a phrasing entry)."""

from __future__ import annotations

import pytest

from qa_checker import check_text
from qa_checker.nlp.inflect import IRREGULAR, inflected, verb_forms


@pytest.mark.parametrize(("verb", "forms"), [
    ("kick", ("kick", "kicks", "kicked", "kicking")),
    ("strop", ("strop", "strops", "stropped", "stropping")),
    ("cry", ("cry", "cries", "cried", "crying")),
    ("lose", ("lose", "loses", "lost", "losing")),
    ("throw", ("throw", "throws", "threw", "thrown", "throwing")),
    ("mouth", ("mouth", "mouths", "mouthed", "mouthing")),
    ("push", ("push", "pushes", "pushed", "pushing")),
])
def test_verb_forms(verb, forms):
    assert verb_forms(verb) == forms


def test_every_irregular_verb_has_a_past_and_an_ing_form():
    for verb, forms in IRREGULAR.items():
        assert any(f.endswith("ing") for f in forms), verb
        assert len(forms) >= 2, verb


def test_a_phrase_is_inflected_on_its_first_word_only():
    assert inflected(("take the mick",)) == ("take the mick", "takes the mick", "took the mick", "taken the mick",
                                               "taking the mick")


@pytest.mark.parametrize("sentence", ["Sam throws a wobbly at home time.", "Sam threw a wobbly at home time.",
                                      "Sam was throwing a wobbly at home time.", "Sam has thrown a wobbly."])
def test_an_idiom_is_found_in_every_tense(sentence):
    report = check_text("BASIC NEEDS\nWhat is working well?\n" + sentence + "\n")
    assert [f.rule for f in report.findings if f.rule == "P05"] == ["P05"]
