"""The speed-ups change the process they run in, so they are opt-in: a program importing
qa-checker and checking a file keeps its process as it was (thinc's ops, sys.modules, the garbage
collector, spaCy's classes); the command line and pool workers enable them, with the same results."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

_PROBE = """
import gc, json, sys
import spacy, holidays
from thinc.api import get_current_ops
before_ops = get_current_ops()
before_modules = set(sys.modules)
import qa_checker
ENABLE
report = qa_checker.check_file(sys.argv[1])
from qa_checker.nlp.pipeline import load_pipeline
nlp = load_pipeline()
# a module imported without its package: what a stand-in leaves behind
added = sorted(m for m in set(sys.modules) - before_modules if "." in m and m.rsplit(".", 1)[0] not in sys.modules)
print(json.dumps({
    "same_ops": get_current_ops() is before_ops,
    "freeze_count": gc.get_freeze_count(),
    "orphans": added,
    "lemmatizer": type(nlp.get_pipe("lemmatizer")).__module__.split(".")[0],
    "ruler_patched": "match" in vars(nlp.get_pipe("attribute_ruler")),
    "findings": [f.model_dump(mode="json") for f in report.findings],
}))
"""


def _probe(enable: str) -> dict:
    run = subprocess.run([sys.executable, "-c", _PROBE.replace("ENABLE", enable), str(SAMPLES / "good-harper-2025-06-12.txt")],
                         capture_output=True, text=True, check=True, timeout=300)
    return json.loads(run.stdout)


def test_importing_and_checking_leave_the_host_process_as_it_was():
    plain = _probe("")
    assert plain["same_ops"] and plain["freeze_count"] == 0
    assert plain["lemmatizer"] == "spacy" and not plain["ruler_patched"]
    assert plain["orphans"] == []


def test_enabled_speed_ups_change_the_process_and_not_the_findings():
    plain = _probe("")
    fast = _probe("from qa_checker import speedups, api; speedups.enable(); api.warm_up()")
    assert not fast["same_ops"] and fast["freeze_count"] > 0
    assert fast["lemmatizer"] == "qa_checker" and fast["ruler_patched"]
    assert fast["orphans"] == ["holidays.countries.united_kingdom"]
    assert fast["findings"] == plain["findings"]
