"""Precision and recall of the phrasing rules on the labelled sentences (tests/data/phrasing).

Each item becomes a small recording (its section heading, the sentence and the one after it)
and goes through the same reader, splitter, NLP pass and rules as a real recording. A rule
"predicts" an item when it flags the item's own sentence.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data" / "phrasing" / "labelled.jsonl"
RULES = ("P01", "P02", "P03", "P04", "P05", "P06")
HEADINGS = {
    "introductions": "INTRODUCTIONS", "basic_needs": "BASIC NEEDS", "emotional_warmth": "EMOTIONAL WARMTH",
    "goodbye": "GOODBYE", "what_needs_to_happen": "WHAT NEEDS TO HAPPEN?", "reflection": "REFLECTION/ANALYSIS",
}


@dataclass
class Scores:
    tp: Counter
    fp: Counter
    fn: Counter
    mistakes: list

    def precision(self, rule: str) -> float:
        return self.tp[rule] / (self.tp[rule] + self.fp[rule]) if self.tp[rule] + self.fp[rule] else 1.0

    def recall(self, rule: str) -> float:
        return self.tp[rule] / (self.tp[rule] + self.fn[rule]) if self.tp[rule] + self.fn[rule] else 1.0

    def pooled(self, rules=RULES[:5]) -> tuple[float, float]:
        tp = sum(self.tp[r] for r in rules)
        fp = sum(self.fp[r] for r in rules)
        fn = sum(self.fn[r] for r in rules)
        return tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0


def load(split: str | None = None) -> list[dict]:
    items = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [i for i in items if split is None or i["split"] == split]


def predict(items: list[dict]) -> list[set[str]]:
    """The P rules that flag each item's sentence, all items analysed in one batch."""
    import datetime as dt

    from qa_checker import engine
    from qa_checker.policy import load_policy
    from qa_checker.readers.text import parse_text
    from qa_checker.registry import all_rules
    from qa_checker.splitter import split
    from qa_checker.template import load_template

    template, policy = load_template(), load_policy()
    rules = tuple(r for r in all_rules() if r.code in RULES)
    recordings, limits = [], []
    for item in items:
        heading = HEADINGS[item["section"]]
        body = item["text"] + (" " + item["next"] if item.get("next") else "")
        recordings.append(split(parse_text(f"{heading}\n{body}", item["id"]), template))
        limits.append(len(heading) + 1 + len(item["text"]))
    predicted = []
    views = engine.plan([engine.Job(r, policy, rules) for r in recordings], dt.date(2026, 11, 23))
    for parsed, limit in zip(views, limits):
        findings = engine.run(parsed, rules)
        predicted.append({f.rule for f in findings if f.start is not None and f.start < limit})
    return predicted


def score(items: list[dict]) -> Scores:
    scores = Scores(Counter(), Counter(), Counter(), [])
    for item, got in zip(items, predict(items)):
        gold = set(item["labels"])
        for rule in RULES:
            if rule in got and rule in gold:
                scores.tp[rule] += 1
            elif rule in got:
                scores.fp[rule] += 1
                scores.mistakes.append(("FP", rule, item))
            elif rule in gold:
                scores.fn[rule] += 1
                scores.mistakes.append(("FN", rule, item))
    return scores


def table(scores: Scores) -> str:
    lines = [f"{'rule':<6}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}"]
    for rule in RULES:
        lines.append(f"{rule:<6}{scores.tp[rule]:>5}{scores.fp[rule]:>5}{scores.fn[rule]:>5}"
                     f"{scores.precision(rule):>11.2f}{scores.recall(rule):>8.2f}")
    p, r = scores.pooled()
    lines.append(f"P01-P05 pooled: precision {p:.2f}, recall {r:.2f}")
    return "\n".join(lines)
