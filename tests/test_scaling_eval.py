"""Scores, reasons and next steps found on the labelled scaling items (tests/data/scaling).

The parser was built on the dev items only; the held-out items were run once when it was done
(50 of 50 scores, reasons and next steps right; 16 of 16 items with exactly the right missing
and unknown children). The floors leave room for a slip or two, not for a regression. The
numbers are printed by `bench/scaling_eval.py`.
"""

from __future__ import annotations

import pytest
from scaling_eval import load, score


@pytest.fixture(scope="module")
def dev():
    return score(load("dev"))


@pytest.fixture(scope="module")
def held_out():
    return score(load("held_out"))


def test_labelled_set_is_big_enough():
    items = load()
    assert (len(items), sum(len(i["expected"]) for i in items)) == (50, 140)
    assert sum(len(i["expected"]) for i in load("held_out")) >= 20


@pytest.mark.parametrize(("name", "floor"), [("scores", 0.97), ("reasons", 0.97), ("next_steps", 0.97), ("lists", 0.97)])
def test_dev_floors(dev, name, floor):
    assert dev.rate(name) >= floor, dev.mistakes


@pytest.mark.parametrize(("name", "floor"), [("scores", 0.96), ("reasons", 0.94), ("next_steps", 0.94), ("lists", 0.93)])
def test_held_out_floors(held_out, name, floor):
    assert held_out.rate(name) >= floor, held_out.mistakes


def test_few_scalings_found_that_are_not_there(dev, held_out):
    assert dev.extra + held_out.extra <= 2, dev.mistakes + held_out.mistakes
