"""Train the trained decision (models/judge/): `make train`, or

    .venv/bin/python models/train_judge.py [--out models/judge] [--eval dev]

The examples are sentences in context, labelled by people who never saw the rules:
- the independent recordings' train split (tests/data/independent/, split.json): each sentence
  the cheap pass finds in the writer's content, labelled with the classes of the gold sentences
  it overlaps (two blind labellers, disagreements adjudicated);
- the dev half of the older single-sentence set (tests/data/phrasing/labelled.jsonl, ids not
  divisible by 3; its held-out third is kept for the README's old-set figures), each sentence put
  under its section's heading. Its labels name rules; they map to the classes (P01 guess, P02
  label, P03 vague, P04 sweeping, P05 loaded).
Never the independent dev or test splits: dev chooses the thresholds in models/pipeline.toml and
test is scored once per milestone.

The features are what qa-checker computes at run time (qa_checker.nlp.analysis.judge_features):
the sentence's words with the patterns' proposals and the section as extra words. spaCy's
bag-of-words text categoriser learns from them with a fixed seed on one thread, so a rerun gives
the same model bytes (tests/test_judge.py checks it).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from independent_eval import jsonl, locate  # noqa: E402  (one reading of the independent data)

INDEPENDENT = ROOT / "tests" / "data" / "independent"
PHRASING = ROOT / "tests" / "data" / "phrasing" / "labelled.jsonl"
RULE_CLASS = {"P01": "guess", "P02": "label", "P03": "vague", "P04": "sweeping", "P05": "loaded"}
HEADINGS = {
    "introductions": "INTRODUCTIONS\nWhat is working well?", "basic_needs": "BASIC NEEDS\nWhat is working well?",
    "emotional_warmth": "EMOTIONAL WARMTH\nWhat is working well?", "goodbye": "GOODBYE\nWhat is working well?",
    "what_needs_to_happen": "What needs to happen?", "reflection": "REFLECTION/ANALYSIS",
}
SEED = 1
EPOCHS = 12
BATCH = 16
# Hashed feature table: 2**16 rows x 8 labels of float32 (about 2 MB on disk).
LENGTH = 65536


def _analyses(documents):
    from qa_checker.nlp.analysis import analyse_many
    from qa_checker.registry import lexicon_spec
    from qa_checker.splitter import split
    from qa_checker.template import load_template

    template = load_template()
    return analyse_many([split(d, template) for d in documents], spec=lexicon_spec(), judged=False)


def _cats(classes: set[str]) -> dict[str, float]:
    from qa_checker.nlp.judge import CLASSES

    return {"weak": float(bool(classes & set(CLASSES))), **{c: float(c in classes) for c in CLASSES}}


def independent_examples(split: str) -> list[tuple[list[str], dict[str, float], str]]:
    """(feature words, labels, sentence id) for each writer's sentence of the recordings in ``split``."""
    from qa_checker.nlp.analysis import judge_features
    from qa_checker.readers import read_document

    splits = json.loads((INDEPENDENT / "split.json").read_text(encoding="utf-8"))
    rids = sorted(rid for rid, s in splits.items() if s == split)
    gold: dict[str, list[dict]] = {}
    for row in jsonl(INDEPENDENT / "sentences.jsonl"):
        if row["rid"] in rids:
            gold.setdefault(row["rid"], []).append(row)
    documents = [read_document(INDEPENDENT / "recordings" / f"{rid}.txt") for rid in rids]
    out = []
    for rid, document, analysis in zip(rids, documents, _analyses(documents)):
        spans, cursor = [], 0
        for row in gold[rid]:
            start, end = locate(document.text, row["text"], cursor)
            if start >= 0:
                cursor = end
                spans.append((start, end, row))
        for sentence, words in zip(analysis.sentences, judge_features(analysis)):
            rows = [r for s, e, r in spans if s < sentence.end and sentence.start < e]
            if not rows:
                continue
            classes = {c for r in rows for c in r["classes"]}
            out.append((words, _cats(classes), f"{rid}:{sentence.index}"))
    return out


def phrasing_examples() -> list[tuple[list[str], dict[str, float], str]]:
    from qa_checker.nlp.analysis import judge_features
    from qa_checker.readers.text import parse_text

    rows = [r for r in jsonl(PHRASING) if int(r["id"].split("-")[1]) % 3]
    documents = [parse_text(f"{HEADINGS[r['section']]}\n{r['text']}\n", r["id"]) for r in rows]
    out = []
    for row, analysis in zip(rows, _analyses(documents)):
        classes = {RULE_CLASS[label] for label in row["labels"] if label in RULE_CLASS}
        for words in judge_features(analysis):
            out.append((words, _cats(classes), row["id"]))
    return out


def train(examples, out: Path) -> None:
    import spacy
    from spacy.tokens import Doc
    from spacy.training import Example
    from spacy.util import fix_random_seed

    from qa_checker.nlp.judge import LABELS

    fix_random_seed(SEED)
    nlp = spacy.blank("en")
    textcat: Any = nlp.add_pipe("textcat_multilabel", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2,
        "no_output_layer": False, "length": LENGTH,
    }})
    for label in LABELS:
        textcat.add_label(label)
    data = [Example(Doc(nlp.vocab, words=words), Doc(nlp.vocab, words=words)) for words, _, _ in examples]
    for example, (_, cats, _) in zip(data, examples):
        example.reference.cats = cats
    optimizer = nlp.initialize(lambda: data)
    rng = random.Random(SEED)
    order = list(range(len(data)))
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for at in range(0, len(order), BATCH):
            nlp.update([data[i] for i in order[at:at + BATCH]], sgd=optimizer, drop=0.0)
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)


def digest(folder: Path) -> str:
    """One hash over the model's files (for the same-bytes check)."""
    sha = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        sha.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "models" / "judge")
    args = parser.parse_args()
    examples = independent_examples("train") + phrasing_examples()
    weak = sum(c["weak"] for _, c, _ in examples)
    train(examples, args.out)
    print(f"trained on {len(examples)} sentences ({int(weak)} weak); model {args.out} sha256 {digest(args.out)[:16]}")


if __name__ == "__main__":
    main()
