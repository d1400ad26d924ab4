"""Generate realistic recordings for benchmarks (never committed: written under bench/out/).

Each recording follows the template (header, the four headed sections with their two
subsections, what needs to happen, scaling, reflection) and is filled with sentences drawn, by
section, from the bundled samples' own writing (80%) and from the labelled phrasing set (20%).
The labelled set alone is far denser in weak and tricky wording than real recordings (most of
its sentences hold a trigger word), so `--dense` uses it alone as a worst case.

Usage: python bench/generate_recordings.py [COUNT] [WORDS] [--dense]
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "recordings"
SECTIONS = [("introductions", "INTRODUCTIONS"), ("basic_needs", "BASIC NEEDS"),
            ("emotional_warmth", "EMOTIONAL WARMTH"), ("goodbye", "GOODBYE")]
CHILDREN = ["Amelia", "Jayden", "Leo", "Mia", "Harper", "Kai", "Ruby", "Noah", "Freya", "Archie", "Isla", "Ella"]
SUPERVISORS = ["Jo Patel", "Sian Okafor", "Hannah Kowalczyk", "Priya Shah", "Tom Reilly"]


def _labelled() -> dict[str, list[str]]:
    pool: dict[str, list[str]] = {}
    path = ROOT / "tests" / "data" / "phrasing" / "labelled.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        pool.setdefault(item["section"], []).append(item["text"])
    return pool


def _from_samples() -> dict[str, list[str]]:
    """The samples' sentences by section (through qa-checker's own reader, splitter and sentences)."""
    from qa_checker.nlp.analysis import analyse_many
    from qa_checker.readers import read_document
    from qa_checker.splitter import split
    from qa_checker.template import load_template

    files = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in {".docx", ".txt", ".md"})
    recordings = [split(read_document(p), load_template()) for p in files]
    pool: dict[str, list[str]] = {}
    for analysis in analyse_many(recordings):
        for sentence in analysis.sentences:
            if len(sentence.text.split()) >= 4:
                pool.setdefault(sentence.section, []).append(sentence.text)
    return pool


class _Pool:
    """Draws a section's sentence: from the samples with probability ``share``, else labelled."""

    def __init__(self, rng: random.Random, dense: bool) -> None:
        self.rng = rng
        self.labelled = _labelled()
        self.samples = {} if dense else _from_samples()
        self.share = 0.0 if dense else 0.8

    def draw(self, section: str) -> str:
        use_samples = self.samples.get(section) and self.rng.random() < self.share
        return self.rng.choice(self.samples[section] if use_samples else self.labelled[section])


def recording(rng: random.Random, pool: _Pool, words: int) -> str:
    child = rng.choice(CHILDREN)
    day = rng.randint(1, 28)
    lines = [
        "Supervised Family Time Recording",
        f"Child's Name: {child} Smith ({rng.randint(2, 12)})",
        f"Present at contact: Sarah Smith (mother), {child}",
        f"Date of Contact: {day:02d}/0{rng.randint(1, 9)}/2025",
        "Time: 16:00 to 17:30",
        f"Supervised by: {rng.choice(SUPERVISORS)}, Family Time Supervisor",
        "Report by: the supervisor above",
    ]
    budget = max(1, words // (14 * 12))  # sentences of about 14 words each, across 12 parts
    for name, title in SECTIONS:
        lines.append(title)
        for label in ("What is working well?", "What are you worried about?"):
            lines.append(label)
            lines.append(" ".join(pool.draw(name) for _ in range(budget)))
    lines += ["WHAT NEEDS TO HAPPEN?", " ".join(pool.draw("what_needs_to_happen") for _ in range(budget))]
    lines += ["SCALING", f"Overall: {rng.randint(4, 9)}/10 because Sarah met {child}'s needs. "
              f"{child}: {rng.randint(4, 9)}/10 because {child} played with Sarah for most of the session."]
    lines += ["REFLECTION/ANALYSIS", " ".join(pool.draw("reflection") for _ in range(budget * 2))]
    return "\n".join(lines) + "\n"


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    dense = "--dense" in sys.argv
    count = int(args[0]) if args else 200
    words = int(args[1]) if len(args) > 1 else 1500
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    rng = random.Random(20261123)
    pool = _Pool(rng, dense)
    total = 0
    for number in range(count):
        text = recording(rng, pool, words)
        total += len(text.split())
        (OUT / f"recording-{number:03d}.txt").write_text(text, encoding="utf-8")
    print(f"{count} {'dense ' if dense else ''}recordings, {total:,} words, in {OUT}")


if __name__ == "__main__":
    main()
