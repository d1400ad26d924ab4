"""How the phrasing and reflection rules judge writing nobody on the team tuned to.

    .venv/bin/python bench/independent_eval.py [--split train|dev|test|guidance] [--seed 1] [--writers w25,w26]

The data (tests/data/independent/, see its README.md): 24 recordings written by four helper
sessions in eight voices from the template and the published principles only (never the rules,
their word lists or DOMAIN.md), every sentence labelled by two blind labellers (Cohen's kappa
0.91 on weak / not weak) and their 74 disagreements settled by a third. Split by recording into
train (10), dev (6) and test (8). Tune on train and dev; the test split is frozen: read its
scores once per milestone (``--split test``), never its sentences.

A sentence is flagged when a finding of P01-P07 or R03 overlaps it; a label class maps to the
rule that owns it (guess P01, label P02, vague P03, sweeping P04, loaded P05, abbreviation P06,
hearsay P07, unframed R03). Precision and recall come with 95% intervals from a
bootstrap over recordings (sentences of one recording are not independent). Also: findings on
the recordings both labellers would pass as they are (the goal is none). Prints; never fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "independent"
JUDGING = ("P01", "P02", "P03", "P04", "P05", "P06", "P07", "R03")
TODAY = dt.date(2026, 12, 2)


def jsonl(path: Path) -> list[dict]:
    """One JSON object per non-blank line (the independent data's .jsonl files)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def by_writer(rid: str, writers: frozenset[str]) -> bool:
    """True when ``writers`` is empty or names the writer of recording ``rid`` ("w25-03" -> "w25")."""
    return not writers or rid.split("-")[0] in writers


def passes(row: dict) -> bool:
    """A recording a team leader would pass as it is: both labellers pass it, or, where they
    differ, a third session's ruling (``pass_settled``, blind to who said what) passes it."""
    first, second = row["first"]["pass_as_is"], row["second"]["pass_as_is"]
    return bool(first and second) or (first != second and row.get("pass_settled") is True)


def findings_by_sentence(split: str, writers: frozenset[str] = frozenset()) -> tuple[list[dict], dict[str, int]]:
    """Each gold sentence of ``split`` with the rules whose findings overlap it; and the count of
    findings (warning or error) on each recording both labellers would pass as it is. ``writers``
    (e.g. {"w25", "w26"}), when given, keeps only those writers' recordings."""
    from qa_checker import check_file
    from qa_checker.readers import read_document
    from qa_checker.settings import Settings

    gold = [g for g in jsonl(DATA / "sentences.jsonl") if g["split"] == split and by_writer(g["rid"], writers)]
    passing = {r["rid"] for r in jsonl(DATA / "recordings.jsonl") if r["split"] == split and passes(r)}
    by_rid: dict[str, list[dict]] = {}
    for g in gold:
        by_rid.setdefault(g["rid"], []).append(g)
    out, on_passing = [], {}
    for rid, sentences in sorted(by_rid.items()):
        path = DATA / "recordings" / f"{rid}.txt"
        text = read_document(path).text
        report = check_file(path, today=TODAY, settings=Settings())
        if rid in passing:
            on_passing[rid] = sum(1 for f in report.findings if f.severity.value != "info")
        cursor = 0
        for g in sentences:
            start, end = locate(text, g["text"], cursor)
            if start >= 0:
                cursor = end
            rules = {f.rule for f in report.findings if f.rule in JUDGING and f.start is not None and f.end is not None
                     and start >= 0 and f.start < end and start < f.end}
            out.append({**g, "found": start >= 0, "rules": sorted(rules)})
    return out, on_passing


def locate(text: str, sentence: str, cursor: int = 0) -> tuple[int, int]:
    """Where a labelled sentence is in the extracted text (whitespace and bullets may differ): the
    first match from ``cursor`` on, else the first anywhere. Shared with bench/recording_eval.py
    and models/train_judge.py."""
    words = re.findall(r"\S+", sentence.strip().lstrip("-*•–").strip())
    if not words:
        return -1, -1
    pattern = re.compile(r"\s*".join(re.escape(w) for w in words))
    found = pattern.search(text, cursor) or pattern.search(text)
    return (found.start(), found.end()) if found else (-1, -1)


def _prf(items: list[dict], truth, predicted) -> tuple[float, float, int, int, int]:
    tp = sum(1 for i in items if truth(i) and predicted(i))
    fp = sum(1 for i in items if not truth(i) and predicted(i))
    fn = sum(1 for i in items if truth(i) and not predicted(i))
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    return precision, recall, tp, fp, fn


def _interval(items: list[dict], truth, predicted, seed: int, runs: int = 1000) -> tuple[tuple, tuple]:
    """95% bootstrap intervals for precision and recall, resampling recordings."""
    rng = random.Random(seed)
    by_rid: dict[str, list[dict]] = {}
    for i in items:
        by_rid.setdefault(i["rid"], []).append(i)
    rids = sorted(by_rid)
    ps, rs = [], []
    for _ in range(runs):
        sample = [i for rid in (rng.choice(rids) for _ in rids) for i in by_rid[rid]]
        p, r, *_ = _prf(sample, truth, predicted)
        if p == p:
            ps.append(p)
        if r == r:
            rs.append(r)

    def bounds(values: list[float]) -> tuple:
        values.sort()
        return (values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1]) if values else (float("nan"),) * 2

    return bounds(ps), bounds(rs)


def guidance() -> None:
    """The sentences quoted from published guidance (guidance.jsonl), each checked on its own in
    an observed section and in the reflection: how many the guidance calls weak are flagged, and
    how many it gives as the better version are not."""
    from qa_checker import check_text
    from qa_checker.settings import Settings

    rows = jsonl(DATA / "guidance.jsonl")
    for heading in ("BASIC NEEDS\nWhat is working well?", "REFLECTION/ANALYSIS"):
        flagged = {}
        for row in rows:
            report = check_text(f"{heading}\n{row['text']}\n", row["id"], today=TODAY, settings=Settings())
            flagged[row["id"]] = sorted({f.rule for f in report.findings if f.rule in JUDGING})
        weak = [r for r in rows if r["verdict"] == "weak"]
        ok = [r for r in rows if r["verdict"] == "ok"]
        name = heading.split("\n")[0].title()
        print(f"guidance sentences in {name}: weak flagged {sum(bool(flagged[r['id']]) for r in weak)}/{len(weak)}, "
              f"ok left alone {sum(not flagged[r['id']] for r in ok)}/{len(ok)}")


# What each rule's finding is right about (precision): the classes its fix covers. P02 reports a
# feeling stated as fact, which the labellers call a guess; P05's loaded words are labels too.
CLASSES_OF_RULE = {"P01": ("guess",), "P02": ("label", "guess"), "P03": ("vague",), "P04": ("sweeping",),
                   "P05": ("loaded", "label"), "P06": ("abbreviation",), "P07": ("hearsay",), "R03": ("unframed",)}
# Which rules find a class (recall). R03 yields to P01-P03 by design (rewording fixes both), so an
# unframed judgement they report counts as found.
RULES_OF_CLASS = {"guess": ("P01", "P02"), "label": ("P02", "P05"), "vague": ("P03",), "sweeping": ("P04",),
                  "loaded": ("P05",), "abbreviation": ("P06",), "hearsay": ("P07",), "unframed": ("R03", "P01", "P02", "P03")}
POOLED = ("P01", "P02", "P03", "P04", "P05")
POOLED_CLASSES = ("guess", "label", "vague", "sweeping", "loaded")


def table(items: list[dict], seed: int) -> list[str]:
    """The figures: pooled P01-P05, each rule's precision (of its classes, and of weak at all) and
    recall (of its classes), each class's recall, with 95% bootstrap intervals over recordings."""
    out = [f"  {'':<34} {'precision':>18} {'recall':>18}   tp  fp  fn"]

    def row(name, truth, predicted, recall_only: bool = False) -> None:
        p, r, tp, fp, fn = _prf(items, truth, predicted)
        (p_lo, p_hi), (r_lo, r_hi) = _interval(items, truth, predicted, seed)
        precision = f"{'':>18}" if recall_only else f"{p:5.2f} [{p_lo:4.2f}, {p_hi:4.2f}]"
        out.append(f"  {name:<34} {precision}  {r:5.2f} [{r_lo:4.2f}, {r_hi:4.2f}]  "
                   + (f"{tp:3d}     {fn:3d}" if recall_only else f"{tp:3d} {fp:3d} {fn:3d}"))

    row("weak, any rule (P01-P07, R03)", lambda i: i["weak"], lambda i: bool(set(i["rules"]) & set(JUDGING)))
    row("pooled P01-P05 (their classes)", lambda i: bool(set(i["classes"]) & set(POOLED_CLASSES)),
        lambda i: bool(set(i["rules"]) & set(POOLED)))
    out.append("  each rule: right on its classes; in brackets, right that the sentence is weak at all")
    for rule, classes in CLASSES_OF_RULE.items():
        p_weak, *_ = _prf(items, lambda i: i["weak"], lambda i, rule=rule: rule in i["rules"])
        row(f"{rule} ({', '.join(classes)}) [weak {p_weak:4.2f}]", lambda i, c=classes: bool(set(i["classes"]) & set(c)),
            lambda i, rule=rule: rule in i["rules"])
    out.append("  each class: found by the rules that own it (recall only: a rule's precision is above)")
    for label, rules in RULES_OF_CLASS.items():
        row(f"{label} ({'/'.join(rules)})", lambda i, label=label: label in i["classes"],
            lambda i, rules=rules: bool(set(i["rules"]) & set(rules)), recall_only=True)
    return out


_ABBREVIATION = re.compile(r"\b[A-Z][A-Z/&]*[A-Z](?=s?\b)")


def abbreviations(items: list[dict]) -> tuple[int, int]:
    """P06 reports an abbreviation once, at its first use (spelling it out there mends every
    later use), where the labellers mark every sentence that uses it: so also counted by
    abbreviation, each recording's abbreviations of two or more capitals that some sentence is
    labelled weak for, found when a sentence of that recording holding it has a P06 finding."""
    wanted = {(i["rid"], word) for i in items if "abbreviation" in i["classes"]
              for word in _ABBREVIATION.findall(i.get("words") or "")}
    found = sum(1 for rid, word in wanted if any(
        j["rid"] == rid and "P06" in j["rules"] and re.search(rf"\b{re.escape(word)}", j["text"]) for j in items))
    return found, len(wanted)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev", choices=("train", "dev", "test", "guidance"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--writers", default="", help="comma-separated writer ids (w25,w26): only their recordings")
    args = parser.parse_args()
    writers = frozenset(w.strip() for w in args.writers.split(",") if w.strip())
    if args.split == "guidance":
        guidance()
        return
    items, on_passing = findings_by_sentence(args.split, writers)
    missing = sum(1 for i in items if not i["found"])
    print(f"{args.split}{' (' + ', '.join(sorted(writers)) + ')' if writers else ''}: {len({i['rid'] for i in items})} recordings, {len(items)} sentences "
          f"({sum(i['weak'] for i in items)} weak; {missing} not found in the extracted text)")
    print("\n".join(table(items, args.seed)))
    found, wanted = abbreviations(items)
    print(f"  P06 by abbreviation (each recording's, reported once): {found}/{wanted}")
    wrong = Counter(r for i in items if not i["weak"] for r in i["rules"])
    print(f"  findings on sentences labelled not weak, by rule: {dict(sorted(wrong.items()))}")
    print(f"  recordings a team leader would pass as they are (both labellers, or the settled ruling): {len(on_passing)}; warnings and errors on each: "
          f"{dict(sorted(on_passing.items()))}")


if __name__ == "__main__":
    main()
