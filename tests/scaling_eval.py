"""How many scores, reasons and next steps the scaling parser finds on the labelled items
(tests/data/scaling/labelled.jsonl).

Each item becomes a recording with its children in the header ("Jayden (Jay)" for a nickname)
and its SCALING (and REFLECTION/ANALYSIS) text, read, split and analysed like any other. A
Word table in an item (cells exported with tabs or " | ") becomes a table the reader gives as
cells, as it would from the .docx.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data" / "scaling" / "labelled.jsonl"


def load(split: str | None = None) -> list[dict]:
    items = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [i for i in items if split is None or i["split"] == split]


def _child_list(item: dict) -> list[str]:
    nick = {canonical: short for short, canonical in item["nicknames"].items()}
    return [f"{c} ({nick[c]})" if c in nick else c for c in item["children"]]


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _body(text: str) -> tuple[str, bool]:
    """The scaling text, with a table's rows as Markdown table rows (then read as Markdown)."""
    lines = text.split("\n")
    table = any("\t" in line or " | " in line for line in lines)
    if not table:
        return text, False
    out = []
    for line in lines:
        cells = line.split("\t") if "\t" in line else line.split(" | ") if " | " in line else None
        out.append("| " + " | ".join(c.strip() for c in cells) + " |" if cells else line)
    return "\n".join(out), True


def recording_text(item: dict) -> tuple[str, bool]:
    """The item as a whole recording (header, SCALING, REFLECTION/ANALYSIS); True for Markdown."""
    names = _child_list(item)
    body, markdown = _body(item["scaling_text"])
    heading = "## " if markdown else ""
    reflection = item["reflection_text"] or "In my professional opinion the session met the children's needs."
    return "\n".join([
        f"Child's Name: {_join(names)}",
        f"Present at contact: Sarah Smith (mother), {', '.join(names)}",
        "Date of Contact: 12/03/2025",
        "Time: 16:00 to 17:30",
        "Supervised by: Jo Patel, Family Time Supervisor",
        "Report by: Jo Patel, Family Time Supervisor",
        f"{heading}SCALING", body,
        f"{heading}REFLECTION/ANALYSIS", reflection,
    ]) + "\n", markdown


def predict(items: list[dict]):
    """The parser's result for each item, all items analysed in one batch."""
    from qa_checker.nlp.analysis import analyse_many
    from qa_checker.nlp.pipeline import text_parsers
    from qa_checker.readers.text import parse_text
    from qa_checker.scaling import parse_scaling
    from qa_checker.splitter import split
    from qa_checker.template import load_template

    template = load_template()
    recordings = []
    for item in items:
        text, markdown = recording_text(item)
        recordings.append(split(parse_text(text, item["id"], markdown=markdown), template))
    parsers = text_parsers()
    return [parse_scaling(r, a, parsers) for r, a in zip(recordings, analyse_many(recordings))]


@dataclass
class Scores:
    items: int = 0
    entries: int = 0
    scores: int = 0          # (child, score) found exactly
    extra: int = 0           # scalings found that are not in the labels
    reasons: int = 0         # has_reason right, over every labelled entry (a missed entry counts wrong)
    next_steps: int = 0      # has_next_step right, likewise
    lists: int = 0           # items whose missing children and unknown names are exactly right
    mistakes: list = field(default_factory=list)

    def rate(self, name: str) -> float:
        whole = self.items if name == "lists" else self.entries
        return getattr(self, name) / whole if whole else 1.0


def score(items: list[dict]) -> Scores:
    scores = Scores()
    for item, result in zip(items, predict(items)):
        scores.items += 1
        found = {(f.child.lower() if f.child and not f.known else f.child): f for f in result.found}
        expected_keys = set()
        for entry in item["expected"]:
            key = entry["child"].lower() if entry["child"] and entry["child"] in item["unknown_names"] else entry["child"]
            expected_keys.add(key)
            scores.entries += 1
            got = found.get(key)
            if got is not None and got.score == entry["score"]:
                scores.scores += 1
            else:
                scores.mistakes.append((item["id"], "score", entry["child"], entry["score"], got and got.score))
            for flag, counter in (("has_reason", "reasons"), ("has_next_step", "next_steps")):
                if got is not None and getattr(got, flag) == entry[flag]:
                    setattr(scores, counter, getattr(scores, counter) + 1)
                else:
                    scores.mistakes.append((item["id"], flag, entry["child"], entry[flag], got and getattr(got, flag)))
        for key, got in found.items():
            if key not in expected_keys:
                scores.extra += 1
                scores.mistakes.append((item["id"], "extra", got.child, got.score, None))
        missing = [c.name for c in result.missing]
        unknown = [f.child for f in result.unknown]
        if missing == item["missing_children"] and unknown == item["unknown_names"]:
            scores.lists += 1
        else:
            scores.mistakes.append((item["id"], "lists", (missing, unknown), (item["missing_children"], item["unknown_names"]), None))
    return scores


def table(scores: Scores) -> str:
    rows = [
        ("scores (child and value)", scores.scores, scores.entries),
        ("reasons (has_reason right)", scores.reasons, scores.entries),
        ("next steps (has_next_step right)", scores.next_steps, scores.entries),
        ("missing/unknown children exact", scores.lists, scores.items),
    ]
    lines = [f"{'':34}{'right':>6}{'of':>5}{'rate':>7}"]
    lines += [f"{name:<34}{right:>6}{whole:>5}{right / whole if whole else 1:>7.2f}" for name, right, whole in rows]
    lines.append(f"scalings found that are not in the labels: {scores.extra}")
    return "\n".join(lines)
