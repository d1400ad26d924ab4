"""Start a new rule: its module, its data file (for a rule with word lists) and its fixture file.

    python -m qa_checker.scaffold P07 unattributed-claim --family phrasing --severity warning \\
        --summary 'A claim about events nobody is named as the source of ("apparently Dad has moved").'

Writes, and refuses to overwrite:
- ``qa_checker/checks/<family>/<CODE>_<slug>.py``: the docstring with its fixed parts to fill in,
  the ``@rule`` metadata and a check (for a phrasing rule: one finding per sentence holding a
  word from its list, the shared way);
- ``rules/phrasing/<CODE>.jsonl`` (phrasing rules): one entry to replace with the real ones;
- ``tests/fixtures/rules/<CODE>.toml``: a failing and a passing case on the good base recording.

Then: fill in each ``TODO``, run ``python -m qa_checker.docs README.md`` to regenerate the
README's rule table and ``make test``. Nothing else needs to change: the registry finds the rule,
the NLP layer takes its word lists and kinds from it. See CONTRIBUTING.md.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_CODE = re.compile(r"[A-Z]{1,3}\d{2}")
_NAME = re.compile(r"[a-z]+(-[a-z]+)*")

_MODULE = '''"""{summary}

Why it matters:
    TODO: what the child's review or court loses when a recording does this.

Weak:
    TODO: a weak sentence.

Better:
    TODO: the same observation written well.

Limitations:
    TODO: what the rule does not catch, and what it leaves alone on purpose.

Source:
    TODO: the guidance this rests on (docs/sources/...).{data_note}
"""

{imports}


@rule("{code}", "{name}", "{severity}"{words})
def check(parsed: Parsed):
{body}
'''

_PHRASING_BODY = '''    yield from hits(parsed, "{code}", lambda trigger: True)'''
_OTHER_BODY = '''    # TODO: read parsed.recording (sections, header) and parsed.language (sentences); yield a
    # Hit(message, section=..., span=(start, end)) for each problem. To judge a sentence on its
    # parse, declare it in the parse plan: @rule(..., reads=function returning the sentences).
    return
    yield'''

_FIXTURE = '''rule = "{code}"

[[case]]
id = "flagged"
# TODO: an edit of tests/fixtures/good_recording.txt that this rule flags, and its exact finding
edits = [["At 16:30 Sarah gave the children sandwiches", "{example} At 16:30 Sarah gave the children sandwiches"]]
expect = [{{section = "basic_needs", text = "{example}"}}]

[[case]]
id = "clean"
# TODO: a near miss the rule must leave alone
edits = []
expect = []
'''


def scaffold(code: str, name: str, family: str, severity: str, summary: str, *, root: Path = ROOT,
             example: str = "TODO: a weak sentence.") -> list[Path]:
    """Create the rule's files under ``root``; returns them. Raises ValueError on a bad or taken code."""
    if not _CODE.fullmatch(code):
        raise ValueError(f"{code!r} is not a rule code (letters then two digits, e.g. P07)")
    if not _NAME.fullmatch(name):
        raise ValueError(f"{name!r} is not a kebab-case name naming the problem (e.g. unattributed-claim)")
    if severity not in ("error", "warning", "info"):
        raise ValueError("severity is error, warning or info")
    folder = root / "qa_checker" / "checks" / family
    if not folder.is_dir():
        families = sorted(p.name for p in folder.parent.iterdir() if p.is_dir() and not p.name.startswith("_"))
        raise ValueError(f"no family {family!r}; the families are {', '.join(families)}")
    taken = [p for p in (root / "qa_checker" / "checks").rglob(f"{code}_*.py")]
    if taken:
        raise ValueError(f"{code} is taken: {taken[0].relative_to(root)}")
    phrasing = family == "phrasing"
    module = folder / f"{code}_{name.replace('-', '_')}.py"
    files = {module: _MODULE.format(
        summary=summary, code=code, name=name, severity=severity,
        data_note=f" Patterns: rules/phrasing/{code}.jsonl." if phrasing else "",
        imports=("from qa_checker.checks.phrasing.shared import hits\nfrom qa_checker.nlp.lexicon import RuleWords\n"
                 "from qa_checker.rule import Parsed, rule") if phrasing else "from qa_checker.rule import Hit, Parsed, rule",
        words=(', words=RuleWords(lexical=frozenset({"' + name.replace("-", "_") + '"}), team_kind="'
               + name.replace("-", "_") + '")') if phrasing else "",
        body=(_PHRASING_BODY if phrasing else _OTHER_BODY).format(code=code),
    )}
    if phrasing:
        entry = {"label": code, "id": name, "kind": name.replace("-", "_"), "phrases": ["TODO"],
                 "message": "'{words}' TODO: what is wrong, addressed to the supervisor.",
                 "suggestion": "TODO: what to write instead, with an example.", "source": "TODO: docs/sources/..."}
        files[root / "rules" / "phrasing" / f"{code}.jsonl"] = json.dumps(entry, ensure_ascii=False) + "\n"
    files[root / "tests" / "fixtures" / "rules" / f"{code}.toml"] = _FIXTURE.format(code=code, example=example)
    existing = [p for p in files if p.exists()]
    if existing:
        raise ValueError(f"{existing[0].relative_to(root)} exists already")
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return list(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qa_checker.scaffold", description=__doc__.splitlines()[0])
    parser.add_argument("code")
    parser.add_argument("name")
    parser.add_argument("--family", required=True)
    parser.add_argument("--severity", default="warning")
    parser.add_argument("--summary", default="TODO: the problem in one line, with an example in brackets.")
    args = parser.parse_args(argv)
    try:
        written = scaffold(args.code, args.name, args.family, args.severity, args.summary)
    except ValueError as exc:
        print(f"qa_checker.scaffold: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    print("next: fill in each TODO, run `python -m qa_checker.docs README.md`, then `make test`")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
