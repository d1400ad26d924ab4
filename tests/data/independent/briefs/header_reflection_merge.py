"""Merge the two blind header/reflection labellers' files into header-reflection.jsonl and report
their agreement (Cohen's kappa).

    python header_reflection_merge.py FIRST.jsonl [FIRST.jsonl ...] --second SECOND.jsonl [...] --out header-reflection.jsonl

Each labeller's file has one line per recording (see header-reflection-task.txt). Items are
matched between labellers by the first word of a child's or a person's name (lower case); an item
only one labeller lists is counted apart, not in kappa.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent


def _rows(paths: list[str]) -> dict[str, dict]:
    rows = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["rid"]] = {k: v for k, v in row.items() if k != "rid"}
    return rows


def _key(name: str) -> str:
    return (re.findall(r"[a-z]+", name.lower()) or [name.lower()])[0]


def kappa(pairs: list[tuple[bool, bool]]) -> tuple[float, float, int]:
    """Cohen's kappa, raw agreement and the number of items."""
    n = len(pairs)
    if not n:
        return float("nan"), float("nan"), 0
    observed = sum(a == b for a, b in pairs) / n
    p1, p2 = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    expected = p1 * p2 + (1 - p1) * (1 - p2)
    return ((observed - expected) / (1 - expected) if expected < 1 else 1.0), observed, n


def agreement(merged: list[dict]) -> dict[str, tuple]:
    """Kappa per label over the items both labellers list, and the items only one lists."""
    items: dict[str, list] = {"relationship_given": [], "addressed": [], "time_ok": [], "blank": []}
    only_one = {"present": 0, "children": 0}
    for row in merged:
        first, second = row["first"], row["second"]
        items["time_ok"].append((first["time_ok"], second["time_ok"]))
        fields = {re.sub(r"[^a-z]", "", b.lower()) for b in first["blank_fields"] + second["blank_fields"] if b.strip()}
        for field in fields | {"childsname", "presentatcontact", "dateofcontact", "time", "supervisedby", "reportby"}:
            items["blank"].append(tuple(any(re.sub(r"[^a-z]", "", b.lower()) == field for b in lab["blank_fields"])
                                        for lab in (first, second)))
        for kind, key, label in (("present", "who", "relationship_given"), ("children", "child", "addressed")):
            source = "present" if kind == "present" else "reflection_child"
            a = {_key(p[key]): p[label] for p in first[source]}
            b = {_key(p[key]): p[label] for p in second[source]}
            items[label] += [(a[k], b[k]) for k in a.keys() & b.keys()]
            only_one[kind] += len(a.keys() ^ b.keys())
    out = {name: kappa(pairs) for name, pairs in items.items()}
    out["only one labeller lists (people / children)"] = (only_one["present"], only_one["children"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("first", nargs="+")
    parser.add_argument("--second", nargs="+", required=True)
    parser.add_argument("--out", default=str(DATA / "header-reflection.jsonl"))
    args = parser.parse_args()
    first, second = _rows(args.first), _rows(args.second)
    split = {json.loads(line)["rid"]: json.loads(line)["split"]
             for line in (DATA / "recordings.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    merged = [{"rid": rid, "split": split[rid], "first": first[rid], "second": second[rid]}
              for rid in sorted(first.keys() & second.keys(), key=lambda r: (split[r], r))]
    Path(args.out).write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in merged), encoding="utf-8")
    print(f"{len(merged)} recordings; missing from one labeller: {sorted(first.keys() ^ second.keys())}")
    for name, value in agreement(merged).items():
        print(f"  {name}: " + (f"kappa {value[0]:.3f}, raw {value[1]:.3f}, n {value[2]}" if len(value) == 3 else str(value)))


if __name__ == "__main__":
    main()
