"""Per-rule precision of the structure, reflection, Agreement and scaling rules on the independent
recordings, judged against both labellers' recording-level labels.

    .venv/bin/python bench/recording_eval.py [--split train|dev|test] [--writers w25,w26]   (default dev, every writer)

The data (tests/data/independent/, see its README.md): ``recordings.jsonl`` holds each
labeller's labels for a recording (``first`` and ``second``, not adjudicated). A finding is
right for a labeller when it matches one of their labels:

- R02: the finding is about a worry the labeller lists with ``addressed_in_reflection``
  false: the finding's paragraph (the lines its sentence spans) holds the worry's sentence (by
  its ``sid`` in ``sentences.jsonl``), or, for a line under "What are you worried about?"
  (which sums up what was seen above it, where the labellers anchor the worry), a worry of
  the same section whose description shares a content word's lemma with the line (stop words, Mum,
  Dad and "session" aside); when no worry of the section does, a worry of another section
  that shares such a word other than a name from the header (a line under Emotional Warmth
  may sum up what the labellers anchored in Basic Needs). A finding on a worry they call addressed, or on no worry of
  theirs, is wrong. Recall: the unaddressed worries some R02 finding is about.
- R01: ``unframed_reflection`` is true. R03: the finding overlaps a sentence whose gold
  classes (``sentences.jsonl``, adjudicated, so the same for both) include ``unframed``.
- A01: ``late_arrival_continued_without_reason`` is true. A03: a person in
  ``unagreed_attendee`` named in the finding's message (any word of the label but "the", "mum",
  "man" and the like), a grandparent the header names by shorthand ("PGM" for "Nan"), or named
  within two words of the last word of the header's description in the recording ("mums
  boyfriend" for "Dean": "Mums new boyfriend Dean then came in"; not "Dadi and Chacha"). Since
  2026-12-04; before, the label's first word had to be in the message, which counted wrong 2
  of train's 14 and 2 of dev's 7 findings that name the person by a relationship or shorthand;
  train w23-03 ("Dadi", where both labellers name Chacha) is wrong either way.
- SC02: the child is in ``missing_child_scaling``. SC04 / SC05: the labeller's ``scaling``
  entry for the finding's child (or "overall") has ``reason`` / ``next_step`` false.
- W01 / W02: ``missing_parts`` holds "<section>/working_well empty" / "<section>/worried_about
  empty". S03: ``missing_parts`` holds "<section> ... prompts".
- H01, H03, H05, R04: against ``header-reflection.jsonl`` (a second pair of blind labellers per
  split; its ``first`` and ``second`` fill the same columns): H01 right when the field it names
  is in ``blank_fields``, H03 when ``time_ok`` is false, H05 when a person of ``present`` whose
  first word it names has ``relationship_given`` false, R04 when its child's
  ``reflection_child`` entry has ``addressed`` false. Recall: what they mark missing that a
  finding is about.
- Any other rule (SC06, H02, ...): no label; its findings are counted and need reading.

R02 is scored a third time against the worries settled (``worries-settled.jsonl``): those both
labellers list at the same sentence with the same verdict, and, for each worry they differ on
(only one lists it, or they differ on whether the reflection weighs it), a third session's
ruling, made blind to who said what from the template, the Agreement and the recording only:
whether it is a worry at all (if not, it is dropped) and whether the reflection addresses it.

Also: the findings (warnings and errors) of every rule on each recording a team leader would
pass as it is (the goal is none): both labellers pass it, or they differ and a third session's
ruling (``pass_settled``) passes it. Phrasing rules P01-P07 are scored sentence by sentence in
bench/independent_eval.py and only counted here. More recordings may be added to the data in
the same formats: everything is read from the files. Prints; never fails. The test split is
frozen: run ``--split test`` only when the lead asks for a milestone's score.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from independent_eval import by_writer, jsonl, locate, passes  # noqa: E402

DATA = ROOT / "tests" / "data" / "independent"
HEADER_LABELS = DATA / "header-reflection.jsonl"
TODAY = dt.date(2026, 12, 2)
LABELLERS = ("first", "second")
SCORED = ("R01", "R02", "R03", "A01", "A03", "SC02", "SC04", "SC05", "W01", "W02", "S03", "H01", "H03", "H05", "R04")
# Header and reflection labels from a second pair of blind labellers (header-reflection.jsonl).
HEADER_RULES = ("H01", "H03", "H05", "R04")


def _first_word(name: str) -> str:
    return (re.findall(r"[a-z]+", name.lower()) or [""])[0]


def _header_right(finding, label: dict | None) -> bool | None:
    """H01 / H03 / H05 / R04 against one header labeller (None: the recording has no such label).
    H01: the field the finding names is in ``blank_fields``; H03: ``time_ok`` is false; H05: a
    person of ``present`` whose first word the finding names has ``relationship_given`` false;
    R04: the finding's child is in ``reflection_child`` with ``addressed`` false."""
    if label is None:
        return None
    rule, message = finding.rule, finding.message
    if rule == "H01":
        field = re.search(r"'([^']+)'", message)
        wanted = re.sub(r"[^a-z]", "", field.group(1).lower()) if field else "?"
        return any(wanted in re.sub(r"[^a-z]", "", b.lower()) or re.sub(r"[^a-z]", "", b.lower()) in wanted
                   for b in label["blank_fields"] if b.strip())
    if rule == "H03":
        return not label["time_ok"]
    if rule == "H05":
        named = re.search(r"lists (.+?) without saying", message)
        who = _first_word(named.group(1)) if named else "?"
        return any(not p["relationship_given"] and who in re.findall(r"[a-z]+", p["who"].lower()) for p in label["present"])
    if rule == "R04":
        return any(not c["addressed"] and _first_word(c["child"]) == _first_word(finding.child or "") for c in label["reflection_child"])
    return None


def _header_gaps(label: dict) -> Counter:
    """What one header labeller marks as missing, by the rule that owns it."""
    return Counter({"H01": sum(1 for b in label["blank_fields"] if b.strip()), "H03": int(not label["time_ok"]),
                    "H05": sum(not p["relationship_given"] for p in label["present"]),
                    "R04": sum(not c["addressed"] for c in label["reflection_child"])})


def _recording_path(rid: str) -> Path | None:
    found = sorted(p for p in (DATA / "recordings").glob(f"{rid}.*") if p.suffix in (".txt", ".md", ".docx"))
    return found[0] if found else None


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) + 1 or len(text) + 1) - 1


def _who(finding) -> str:
    return (finding.child or "overall").split()[0].lower()


@functools.lru_cache(maxsize=4096)
def _content(words: str) -> frozenset[str]:
    """The content words' lemmas ("Phones." and "Mum using her phone" share "phone")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from qa_checker.nlp.pipeline import load_pipeline

    found = {t.lemma_.lower() for t in load_pipeline()(words.lower())}
    found = {w for w in found if re.fullmatch(r"[a-z£0-9]+", w) and len(w) > 2 and w not in STOP_WORDS}
    return frozenset(found - {"mum", "dad", "mother", "father", "session"})


def _worries_of(finding, label: dict, text: str, spans: dict, sections: dict) -> list[dict]:
    """The labeller's worries an R02 finding is about: those whose sentence is in the finding's
    paragraph; for a finding on a line under "What are you worried about?" (a summary of what
    was seen above it), else the worries of its section sharing a content word with the line."""
    lo, hi = _paragraph(text, finding.start, finding.end)
    inside = [w for w in label["worries"] if lo <= spans.get(w["sid"], (-1, -1))[0] < hi]
    if inside or "What are you worried about" not in finding.message:
        return inside
    # R02 reports in the reflection: the concern's section is its sentence's
    section = next((sections[sid] for sid, (start, end) in spans.items() if start <= finding.start < end), None)
    words = _content(text[lo:hi])
    found = [w for w in label["worries"] if sections.get(w["sid"]) == section and words & _content(w["what"])]
    if found:
        return found
    # a note about one person ("Mum upset.") sums up the worry of its section about that person
    # ("Mum cried at the goodbye"), when its other words are not the labellers'
    people = {w.lower() for w in re.findall(r"[A-Za-z]+", text[lo:hi])} & (_header_names(text) | _PARENTS)
    found = [w for w in label["worries"] if sections.get(w["sid"]) == section
             and people & {x.lower() for x in re.findall(r"[A-Za-z]+", w["what"])}]
    if found:
        return found
    # a line summing up something the labellers anchored in another section: a shared word,
    # not only a name ("Relationship between Tia and Dad is poor." and "...; poor relationship")
    words -= _header_names(text)
    return [w for w in label["worries"] if words & _content(w["what"])]


_PARENTS = frozenset({"mum", "dad", "mother", "father"})


def _header_names(text: str) -> frozenset[str]:
    """The lower-case words of the header's "Child's Name" and "Present" lines."""
    lines = re.findall(r"(?im)^(?:child\S*\s+name|present)[^:\n]*:([^\n]*)", text)
    return frozenset(w for line in lines for w in re.findall(r"[a-z]+", line.lower()))


# Shorthand a finding may name an attendee by, and the words a labeller may use for them.
_KIN = {"pgm": ("nan", "nana", "nanny", "gran", "granny", "grandma", "grandmother"),
        "mgm": ("nan", "nana", "nanny", "gran", "granny", "grandma", "grandmother"),
        "pgf": ("grandad", "grandpa", "grandfather"), "mgf": ("grandad", "grandpa", "grandfather")}


def _attendee_right(finding, label: dict, text: str) -> bool:
    """A03 names the attendee as the header lists them ("PGM", "mums boyfriend"); the labeller may
    name them otherwise ("Nan", "Dean"). Right when the labeller's name is in the message, is a
    word for the header's shorthand, or shares a sentence of the recording with the last word of
    the header's description ("Mums new boyfriend Dean then came in ...")."""
    message = finding.message.lower()
    who = message.split(" was at contact")[0].strip()
    last = (re.findall(r"[a-z]+", who) or [""])[-1]
    sentences = [s.lower() for s in re.split(r"(?<=[.!?])\s+|\n", text)]
    for attendee in label["unagreed_attendee"]:
        for name in (w for w in re.findall(r"[a-z]+", attendee.lower()) if len(w) > 2 and w not in _NOT_NAMES):
            if re.search(rf"\b{name}\b", message) or name in _KIN.get(who, ()):
                return True
            if len(last) > 3 and any(_beside(name, last, s) for s in sentences):
                return True
    return False


def _beside(name: str, word: str, sentence: str) -> bool:
    """``name`` within two words of ``word``, with no "and" between ("boyfriend Dean", "Shaz
    (Mum's friend)"; not "Dadi and Chacha")."""
    words = re.findall(r"[a-z&]+", sentence)
    for i, w in enumerate(words):
        if w != name:
            continue
        for j in range(max(0, i - 2), min(len(words), i + 3)):
            between = words[min(i, j) + 1:max(i, j)]
            if words[j] == word and not {"and", "&"} & set(between):
                return True
    return False


# Words of a labeller's description that name nobody in particular ("the man in the park").
_NOT_NAMES = frozenset({"the", "and", "his", "her", "their", "mum", "mums", "dad", "dads", "from", "with", "who",
                        "not", "was", "man", "woman", "lad", "park", "work", "agreed", "someone", "friend"})


def _right(finding, label: dict, text: str, spans: dict[str, tuple[int, int]], unframed: list,
           sections: dict[str, str]) -> bool | None:
    """Whether one labeller's labels agree with a finding (None: the rule has no label)."""
    rule = finding.rule
    if rule == "R02":
        return any(not w["addressed_in_reflection"] for w in _worries_of(finding, label, text, spans, sections))
    if rule == "R01":
        return bool(label["unframed_reflection"])
    if rule == "R03":
        return any(s < finding.end and finding.start < e for s, e in unframed)
    if rule == "A01":
        return bool(label["late_arrival_continued_without_reason"])
    if rule == "A03":
        return _attendee_right(finding, label, text)
    if rule == "SC02":
        return any(c.split()[0].lower() == _who(finding) for c in label["missing_child_scaling"])
    if rule in ("SC04", "SC05"):
        key = "reason" if rule == "SC04" else "next_step"
        return any(s["who"].split()[0].lower() == _who(finding) and not s[key] for s in label["scaling"])
    if rule in ("W01", "W02"):
        part = "working_well" if rule == "W01" else "worried_about"
        return f"{finding.section}/{part} empty" in label["missing_parts"]
    if rule == "S03":
        return any(m.startswith(finding.section or "?") and "prompts" in m for m in label["missing_parts"])
    return None


def _settled(row: dict, rulings: list[dict]) -> dict:
    """The settled worries of a recording: those both labellers list at one sentence with the
    same verdict, and the third session's ruling on the others (a ruling of no worry drops it)."""
    first, second = ({w["sid"]: w for w in row[k]["worries"]} for k in LABELLERS)
    # a worry both list is described by both, as a ruled one is ("Food." sums up one labeller's
    # "sugary food" as well as the other's "lots of sugar")
    worries = [{**w, "what": f"{w['what']}; {second[sid]['what']}"} for sid, w in first.items()
               if sid in second and w["addressed_in_reflection"] == second[sid]["addressed_in_reflection"]]
    for ruling in rulings:
        if ruling["is_worry"]:
            what = "; ".join(w["what"] for w in (first.get(ruling["sid"]), second.get(ruling["sid"])) if w)
            worries.append({"sid": ruling["sid"], "what": what, "addressed_in_reflection": ruling["addressed"]})
    return {"worries": worries}


def evaluate(split: str, writers: frozenset[str] = frozenset()) -> tuple[dict, dict, dict, dict]:
    """Per rule: [findings, right for first, right for second, right for both, right for the
    settled worries (R02 only)]; the findings on each recording both labellers pass; the
    labelled unaddressed worries per labeller (and settled); and the findings on each recording
    a separate team-leader session passed (``pass_team_leader``, wave 6 on)."""
    from qa_checker import check_file
    from qa_checker.readers import read_document
    from qa_checker.settings import Settings

    labels = [r for r in jsonl(DATA / "recordings.jsonl") if r["split"] == split and by_writer(r["rid"], writers)]
    sentences = defaultdict(list)
    for s in jsonl(DATA / "sentences.jsonl"):
        if s["split"] == split:
            sentences[s["rid"]].append(s)
    rulings = defaultdict(list)
    for ruling in jsonl(DATA / "worries-settled.jsonl"):
        rulings[ruling["rid"]].append(ruling)
    headers = {h["rid"]: h for h in jsonl(HEADER_LABELS)} if HEADER_LABELS.exists() else {}
    scores: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    on_passing: dict[str, Counter] = {}
    on_team_leader: dict[str, Counter] = {}
    worries = Counter()
    for row in sorted(labels, key=lambda r: r["rid"]):
        path = _recording_path(row["rid"])
        if path is None:
            print(f"  {row['rid']}: no recording file, skipped")
            continue
        text = read_document(path).text
        spans = {s["sid"]: locate(text, s["text"]) for s in sentences[row["rid"]]}
        unframed = [spans[s["sid"]] for s in sentences[row["rid"]] if "unframed" in s["classes"]]
        sections = {s["sid"]: s["section"] for s in sentences[row["rid"]]}
        findings = [f for f in check_file(path, today=TODAY, settings=Settings()).findings
                    if f.severity.value != "info"]
        if passes(row):
            on_passing[row["rid"]] = Counter(f.rule for f in findings)
        if row.get("pass_team_leader") is True:
            on_team_leader[row["rid"]] = Counter(f.rule for f in findings)
        r02 = [f for f in findings if f.rule == "R02"]
        row = {**row, "settled": _settled(row, rulings[row["rid"]])}
        for k in (*LABELLERS, "settled"):
            found = {w["sid"] for f in r02 for w in _worries_of(f, row[k], text, spans, sections)}
            open_worries = [w for w in row[k]["worries"] if not w["addressed_in_reflection"]]
            worries[k] += len(open_worries)
            worries[k + " found"] += sum(w["sid"] in found for w in open_worries)
        header = headers.get(row["rid"])
        if header is not None:
            worries["header labels"] += 1
            for k in LABELLERS:
                gaps = _header_gaps(header[k])
                for rule in HEADER_RULES:
                    worries[f"{rule} {k}"] += gaps[rule]
                    worries[f"{rule} {k} found"] += min(gaps[rule], sum(
                        bool(_header_right(f, header[k])) for f in findings if f.rule == rule))
        for f in findings:
            if f.rule.startswith("P"):
                continue
            if f.rule in HEADER_RULES:
                verdicts = [_header_right(f, header[k] if header else None) for k in LABELLERS]
            else:
                verdicts = [_right(f, row[k], text, spans, unframed, sections) for k in LABELLERS]
            counts = scores[f.rule]
            counts[0] += 1
            if verdicts[0] is not None:
                counts[1] += verdicts[0]
                counts[2] += verdicts[1]
                counts[3] += verdicts[0] and verdicts[1]
            if f.rule == "R02":
                counts[4] += bool(_right(f, row["settled"], text, spans, unframed, sections))
    return scores, on_passing, worries, on_team_leader


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    parser.add_argument("--writers", default="", help="comma-separated writer ids (w25,w26): only their recordings")
    args = parser.parse_args()
    writers = frozenset(w.strip() for w in args.writers.split(",") if w.strip())
    try:
        scores, on_passing, worries, on_team_leader = evaluate(args.split, writers)
    except Exception as error:  # a bench prints; it never fails
        print(f"recording_eval: {type(error).__name__}: {error}", file=sys.stderr)
        return
    print(f"{args.split}{' (' + ', '.join(sorted(writers)) + ')' if writers else ''}: per-rule precision against both labellers (first / second / both agree;"
          " settled: R02 against the settled worries)")
    print(f"  {'rule':<6} {'findings':>8} {'first':>12} {'second':>12} {'both':>12} {'settled':>12}")
    for rule in sorted(scores):
        n, first, second, both, settled = scores[rule]
        if rule not in SCORED or (rule in HEADER_RULES and not worries["header labels"]):
            print(f"  {rule:<6} {n:>8}   no label: needs reading")
            continue
        cells = " ".join(f"{c:>3}/{n:<3} {c / n:4.2f}" for c in (first, second, both))
        if rule == "R02":
            cells += f" {settled:>3}/{n:<3} {settled / n:4.2f}"
        print(f"  {rule:<6} {n:>8} {cells}")
    print("  R02 recall, worries the reflection does not weigh that a finding is about: "
          + ", ".join(f"{k} {worries[k + ' found']}/{worries[k]}" for k in (*LABELLERS, "settled")))
    if worries["header labels"]:
        print("  H01, H03, H05, R04 are judged against header-reflection.jsonl (a second pair of blind labellers);"
              " recall, what they mark missing that a finding is about: "
              + "; ".join(f"{rule} " + ", ".join(f"{k} {worries[f'{rule} {k} found']}/{worries[f'{rule} {k}']}" for k in LABELLERS)
                          for rule in HEADER_RULES))
    print(f"recordings a team leader would pass as they are (both labellers, or the settled ruling): {len(on_passing)}; warnings and errors on each:")
    for rid, counts in sorted(on_passing.items()):
        print(f"  {rid}: {sum(counts.values())} {dict(sorted(counts.items()))}")
    if on_team_leader:
        print(f"recordings a separate team-leader session passed as they are (pass_team_leader): {len(on_team_leader)}; warnings and errors on each:")
        for rid, counts in sorted(on_team_leader.items()):
            print(f"  {rid}: {sum(counts.values())} {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
