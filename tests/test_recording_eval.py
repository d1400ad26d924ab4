"""bench/recording_eval.py's scoring of H01, H03, H05 and R04 against the header and reflection
labels, and the labels' merge (kappa): what the reported precision and recall rest on."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests" / "data" / "independent" / "briefs"))

import header_reflection_merge as merge  # noqa: E402
import recording_eval  # noqa: E402

LABEL = {
    "children": ["Lily-Mae", "Kai"],
    "present": [{"who": "Shane", "relationship_given": False}, {"who": "Mum (Kerry Quinn)", "relationship_given": True}],
    "blank_fields": ["Report by"],
    "time_ok": False,
    "reflection_child": [{"child": "Lily-Mae", "addressed": False, "quote": ""},
                         {"child": "Kai", "addressed": True, "quote": "Kai was fine"}],
}


def _finding(rule: str, message: str, child: str | None = None):
    return SimpleNamespace(rule=rule, message=message, child=child)


@pytest.mark.parametrize(("finding", "right"), [
    (_finding("H05", "'Present at contact' lists Shane without saying who they are to the child."), True),
    # the labeller gives Kerry her relationship ("Mum (Kerry Quinn)"): a finding naming her is wrong
    (_finding("H05", "'Present at contact' lists Kerry Quinn without saying who they are to the child."), False),
    (_finding("H05", "'Present at contact' lists Angela Price without saying who they are to the child."), False),
    # a hyphenated first name is matched whole or by its first part, as the labellers write it
    (_finding("R04", "The reflection does not say what the session meant for Lily-Mae.", "Lily-Mae Quinn"), True),
    (_finding("R04", "The reflection does not say what the session meant for Kai.", "Kai Quinn"), False),
    (_finding("H01", "'Report by' in the header is blank. Fill it in, e.g. 'Report by: Jo Patel'."), True),
    (_finding("H01", "'Supervised by' in the header is blank. Fill it in."), False),
    (_finding("H03", "The session time is not right: '4ish - 5.30' is not a time range."), True),
])
def test_a_finding_is_right_when_the_labeller_marks_that_gap(finding, right):
    assert recording_eval._header_right(finding, LABEL) is right


def test_no_label_gives_no_verdict():
    assert recording_eval._header_right(_finding("H05", "lists Shane without saying"), None) is None
    assert recording_eval._header_right(_finding("SC05", "no next step"), LABEL) is None


def test_what_a_labeller_marks_missing_by_rule():
    assert recording_eval._header_gaps(LABEL) == {"H01": 1, "H03": 1, "H05": 1, "R04": 1}


def test_kappa():
    assert merge.kappa([(True, True), (False, False)] * 5)[:2] == (1.0, 1.0)
    # 8 of 10 agree; each labeller says True 5 times: expected agreement 0.5, kappa 0.6
    pairs = [(True, True)] * 4 + [(False, False)] * 4 + [(True, False), (False, True)]
    value, raw, n = merge.kappa(pairs)
    assert (round(value, 3), raw, n) == (0.6, 0.8, 10)


def test_agreement_matches_people_and_children_by_first_word():
    second = {**LABEL, "present": [{"who": "Shane (Mum's friend)", "relationship_given": True}],
              "reflection_child": [{"child": "Lily-Mae Quinn", "addressed": False, "quote": ""}]}
    out = merge.agreement([{"rid": "w1-01", "first": LABEL, "second": second}])
    assert out["relationship_given"][2] == 1 and out["relationship_given"][1] == 0.0
    assert out["addressed"][2] == 1 and out["addressed"][1] == 1.0
    assert out["only one labeller lists (people / children)"] == (1, 1)
