"""P06: what counts as an abbreviation's expansion (issue 14)."""

import pytest

from qa_checker.checks.phrasing.P06_unexplained_abbreviation import _explained, _fits


@pytest.mark.parametrize(("abbreviation", "words", "fits"), [
    ("SW", ["social", "worker"], True),
    ("SW", ["Jo", "Patel"], False),
    ("FC", ["Sam"], False),
    ("CIC", ["child", "in", "care"], True),
    ("IRO", ["independent", "reviewing", "officer"], True),
    ("LADO", ["local", "authority", "designated", "officer"], True),
    ("T/C", ["telephone", "call"], True),
    ("S20", ["section", "20"], True),
    ("Tel", ["telephone"], True),
    ("FSW", ["family", "worker"], False),
])
def test_initials_or_first_letters_fit(abbreviation, words, fits):
    assert _fits(abbreviation, words) is fits


@pytest.mark.parametrize(("text", "explained"), [
    ("I rang the SW (Jo Patel) at 09:00.", False),
    ("The FC (Sam) brought Leo.", False),
    ("I rang the social worker (SW) at 09:00.", True),
    ("I rang the SW (social worker) at 09:00.", True),
    ("Abbreviations: SW = social worker; FC = foster carer.", True),
    ("I rang Jo Patel (SW) at 09:00.", False),
])
def test_the_expansion_must_be_given_with_it(text, explained):
    assert _explained("SW" if "SW" in text else "FC", text) is explained
