"""Write rules/phrasing/P02-subjective.jsonl: the open-class candidates for P02 (unevidenced judgement)
from a general subjectivity lexicon, alongside the team's own lists (rules/phrasing/P02.jsonl).

    .venv/bin/pip install -e '.[train]' && .venv/bin/python models/make_subjective.py

The lexicon is TextBlob's adjective lexicon (textblob 0.20.1, textblob/en/en-sentiment.xml: the
Pattern subjectivity lexicon by De Smedt and Daelemans, released under the PDDL). An adjective is
taken when its senses average subjectivity >= 0.6 and |polarity| >= 0.2 (an evaluation, not a
description), unless one of the team's phrasing lists already holds it or it is on FACTUAL below (words that,
said of a person, report what was seen: "late", "sick", "crying"). The rule still judges each
match after a linking verb ("was", "is", "seemed"...) on its parse (only when it is said of a
person or their conduct, and no observed behaviour is in the sentence) and the trained decision
may drop it. Nothing is read at run time but the
JSONL this writes.
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "phrasing" / "P02-subjective.jsonl"
SUBJECTIVITY, POLARITY = 0.6, 0.2
FACTUAL = {
    "late", "behind", "hot", "thin", "own", "latest", "true", "free", "light", "fast", "dried", "dusty", "filled",
    "crying", "ill", "sick", "blind", "numb", "sure", "welcome", "unnoticed", "secret", "rare", "static", "original",
    "affirmative", "approximate", "accurate", "detailed", "precise", "huge", "cheap", "expensive", "important",
    "relevant", "irrelevant", "significant", "wealthy", "catching", "confirmed", "ungraded", "unsalted",
    "uncut", "apportioned", "calculable", "convex", "extinct", "artesian", "coriaceous", "aeriform", "algid",
    "diaphanous", "legible", "lyric", "rose", "fly", "base", "elect", "captive", "chicken", "bootleg", "collectible",
    "consecrated", "dialectal", "ecological", "economical", "frostbitten", "naturalistic", "pleonastic", "unilateral",
    "untraceable", "unplayable", "prolix", "fringy", "battleful", "advertent", "sorry", "exhausted", "satisfied",
}


def lexicon() -> Path:
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("textblob is not installed: .venv/bin/pip install -e '.[train]'")
    return Path(next(iter(spec.submodule_search_locations))) / "en" / "en-sentiment.xml"


def adjectives(path: Path) -> list[str]:
    senses: dict[str, list[tuple[float, float]]] = {}
    for word in ET.parse(path).getroot().iter("word"):
        if word.get("pos") == "JJ":
            senses.setdefault(word.get("form", "").lower(), []).append(
                (float(word.get("subjectivity", 0)), float(word.get("polarity", 0))))
    team = {p for path in sorted((ROOT / "rules" / "phrasing").glob("P0*.jsonl")) if path != OUT
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip() for p in json.loads(line)["phrases"]}
    chosen = []
    for form, values in senses.items():
        subjectivity = statistics.mean(v[0] for v in values)
        polarity = statistics.mean(v[1] for v in values)
        if subjectivity >= SUBJECTIVITY and abs(polarity) >= POLARITY and form.isalpha() and form not in team | FACTUAL:
            chosen.append(form)
    return sorted(chosen)


def main() -> None:
    words = adjectives(lexicon())
    entry = {
        "label": "P02", "id": "subjective-adjective", "kind": "person_label", "phrases": words,
        # only after a linking verb ("was careless", "is very rude"): the parse, which judges who it
        # is said of, is the dear part, and "a beautiful drawing" is never about a person
        "context": {"before": "linking_forms", "window": 3},
        "message": "'{words}' judges a person or their conduct without the behaviour you saw that shows it.",
        "suggestion": "Describe what they did or said instead, with times: e.g. 'Dad stayed on his phone from 15:10 "
                      "to 15:25 while Tyler talked about school' rather than 'Dad was careless'.",
        "source": "TextBlob 0.20.1 adjective lexicon (Pattern, De Smedt and Daelemans, PDDL): subjectivity >= 0.6, "
                  "|polarity| >= 0.2; made by models/make_subjective.py",
    }
    OUT.write_text(json.dumps(entry, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(words)} adjectives")


if __name__ == "__main__":
    main()
