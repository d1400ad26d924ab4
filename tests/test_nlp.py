"""The NLP layer: pipeline loading, packaged patterns, sentences, quotes and the cheap/dear split."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_checker.nlp.analysis import analyse, quote_spans
from qa_checker.nlp.lexicon import load_lexicon
from qa_checker.nlp.pipeline import load_pipeline, pipeline_config
from qa_checker.readers.text import parse_text
from qa_checker.registry import all_rules, lexicon_spec
from qa_checker.splitter import split
from qa_checker.template import load_template


def _analysis(body: str, heading: str = "GOODBYE"):
    return analyse(split(parse_text(f"{heading}\n{body}", "r.txt"), load_template()), spec=lexicon_spec())


def test_pipeline_has_only_the_components_the_rules_need():
    nlp = load_pipeline()
    assert nlp.pipe_names == list(pipeline_config().components)
    assert "ner" not in nlp.pipe_names


def test_numpy_ops_give_the_same_annotations_as_blis(tmp_path):
    """models/pipeline.toml turns blis off for speed; the annotations must not change."""
    import subprocess
    import sys

    script = (
        "import json, sys; from qa_checker.nlp.pipeline import load_pipeline\n"
        "nlp = load_pipeline(use_blis=sys.argv[1] == '1')\n"
        "texts = ['Mum seemed upset when Amelia arrived at 16:05.', 'Dad was lovely as always and said, \"Well done!\"',"
        " 'I think Jayden was tired, because he yawned three times.']\n"
        "print(json.dumps([[(t.tag_, t.dep_, t.head.i, t.lemma_) for t in d] for d in nlp.pipe(texts)]))\n"
    )
    outputs = [
        subprocess.run([sys.executable, "-c", script, flag], capture_output=True, text=True, check=True).stdout
        for flag in ("0", "1")
    ]
    assert outputs[0] == outputs[1] and outputs[0].startswith("[[")


def test_fast_attributes_give_the_same_annotations_as_the_attribute_ruler():
    """models/pipeline.toml swaps the attribute_ruler's Matcher for qa_checker/nlp/attributes.py;
    every token of the labelled sentences and the samples must keep its tag, POS, morphology,
    lemma and parse."""
    import json

    from qa_checker.nlp.attributes import FastAttributes
    from qa_checker.nlp.pipeline import load_pipeline

    root = Path(__file__).resolve().parent.parent
    labelled = (root / "tests/data/phrasing/labelled.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in labelled if line.strip()]
    texts += [line for f in sorted((root / "samples").glob("*.*")) if f.suffix in (".txt", ".md")
              for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["We're gonna go, y'all, ain't we? Let's c'mon. There is a dog. Nothin' doing.", "I  did it\t \n"]
    nlp = load_pipeline(fast_attributes=False)
    ruler = nlp.get_pipe("attribute_ruler")
    assert "match" not in vars(ruler)  # the reference: spaCy's own matching

    def annotations():
        return [[(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc] for doc in nlp.pipe(texts)]

    reference = annotations()
    fast = FastAttributes(ruler)
    assert fast.install() and len(fast.single) > 150 and len(fast.multi) == 8
    try:
        assert annotations() == reference
    finally:
        del ruler.match, ruler.set_annotations
    assert len(texts) > 600 and sum(map(len, reference)) > 8000


def test_the_fast_lemmatizer_gives_the_same_lemmas():
    import json

    from qa_checker.nlp.attributes import install_fast_lemmatizer

    root = Path(__file__).resolve().parent.parent
    labelled = (root / "tests/data/phrasing/labelled.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in labelled if line.strip()]
    texts += ["Me and him were gonna go, y'all. She'd've said nothin'. The children's coats were hung up."]
    nlp = load_pipeline(fast_attributes=False)
    lemmatizer = nlp.get_pipe("lemmatizer")
    original = type(lemmatizer)
    reference = [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)]
    assert install_fast_lemmatizer(lemmatizer) and not install_fast_lemmatizer(lemmatizer)
    try:
        assert [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)] == reference
        assert type(load_pipeline(fast_attributes=True).get_pipe("lemmatizer")).__name__.startswith("Fast")
    finally:
        lemmatizer.__class__ = original
    assert sum(map(len, reference)) > 5000 and "go" in reference[-1] and "child" in reference[-1]


def test_fast_attributes_leave_a_ruler_they_do_not_understand_alone():
    from spacy.lang.en import English

    from qa_checker.nlp.attributes import FastAttributes

    nlp = English()
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "mummy", "OP": "+"}]], {"TAG": "NN"})
    ruler.add([[{"LENGTH": 3}]], {"TAG": "XX"})
    fast = FastAttributes(ruler)
    assert not fast.install() and "match" not in vars(ruler)
    assert [t.tag_ for t in nlp("Mummy sat")] == ["NN", "XX"]


def test_every_entry_names_a_rule_with_word_lists_and_a_kind_it_judges():
    from qa_checker.registry import lexicon_spec

    spec = lexicon_spec()
    lexicon = load_lexicon(spec)
    # every rule that declares word lists has entries, and every entry's label and kind is declared
    assert {e.label for e in lexicon.entries} == {w.code for w in spec.rules} <= {r.code for r in all_rules()}
    for entry in lexicon.entries:
        assert entry.kind in spec.of(entry.label).kinds
        assert entry.message.format(words="x") and entry.suggestion and entry.source
        if entry.kind == "abbreviation":
            assert entry.case_sensitive and entry.expansions


def test_bad_pattern_names_file_and_line(tmp_path, monkeypatch):
    from qa_checker.nlp import lexicon as module
    from qa_checker.resources import DataFileError

    bad = tmp_path / "rules" / "phrasing"
    bad.mkdir(parents=True)
    (bad / "P09.jsonl").write_text('{"label": "P01", "id": "x", "kind": "hedge", "phrases": ["seem"], '
                                   '"message": "no words", "suggestion": "s", "source": "s"}\n', encoding="utf-8")
    monkeypatch.setattr(module, "packaged", lambda *parts: tmp_path.joinpath(*parts))
    with pytest.raises(DataFileError, match=r"P09.jsonl: line 1: message"):
        module._load_jsonl("P09.jsonl", None)


@pytest.mark.parametrize("label, kind, error", [
    ("P99", "hedge", r"P09.jsonl: line 1: kind: .*label 'P99' names no rule with word lists"),
    ("P01", "abbreviation", r"P09.jsonl: line 1: kind: .*kind 'abbreviation' is not one P01 judges"),
])
def test_an_entry_for_an_undeclared_label_or_kind_names_file_and_line(tmp_path, monkeypatch, label, kind, error):
    from qa_checker.nlp import lexicon as module
    from qa_checker.registry import lexicon_spec
    from qa_checker.resources import DataFileError

    bad = tmp_path / "rules" / "phrasing"
    bad.mkdir(parents=True)
    (bad / "P09.jsonl").write_text(f'{{"label": "{label}", "id": "x", "kind": "{kind}", "phrases": ["seem"], '
                                   '"message": "{words}", "suggestion": "s", "source": "s"}\n', encoding="utf-8")
    monkeypatch.setattr(module, "packaged", lambda *parts: tmp_path.joinpath(*parts))
    with pytest.raises(DataFileError, match=error):
        module._load_jsonl("P09.jsonl", lexicon_spec())


def test_sentences_stay_within_lines_and_quotes():
    analysis = _analysis('Mum said, "Sit here. Good boy." Leo sat.\nDad waved\nThe SW rang by T/C. Mum left.')
    assert [s.text for s in analysis.sentences] == [
        'Mum said, "Sit here. Good boy."', "Leo sat.", "Dad waved", "The SW rang by T/C.", "Mum left.",
    ]


@pytest.mark.parametrize(("text", "quoted"), [
    ('Mum said, "You always make me laugh."', ['"You always make me laugh."']),
    ("Dad said, 'It's likely we'll be late,' and left.", ["'It's likely we'll be late,'"]),
    ("Mum’s bag and the children’s coats", []),
    ("Nan said ‘Don’t worry’ twice.", ["‘Don’t worry’"]),
])
def test_quote_spans(text, quoted):
    assert [text[s:e] for s, e in quote_spans(text, 0, len(text))] == quoted


def test_only_candidate_sentences_are_parsed():
    analysis = _analysis("Mum arrived at 15:50. Leo ran to her. Mum seemed tired. She yawned. Dad left at 17:00.")
    parsed = [s.text for s in analysis.sentences if s.doc is not None]
    assert parsed == ["Mum seemed tired."]  # P01 asks for "She yawned." once it has seen this parse


def test_template_prompts_and_headings_are_not_analysed():
    analysis = _analysis("Did the parent set appropriate boundaries in their conversation?\nMum read a book.", "BASIC NEEDS")
    assert [s.text for s in analysis.sentences] == ["Mum read a book."]
    assert analysis.triggers == ()


def test_priming_the_tokenizer_cache_changes_no_token():
    """prime_tokenizer fills spaCy's chunk cache; a recording must be split exactly as before."""
    import spacy

    from qa_checker.nlp.pipeline import prime_tokenizer

    root = Path(__file__).resolve().parent.parent
    texts = [f.read_text(encoding="utf-8") for f in sorted((root / "samples").glob("*.*")) if f.suffix in (".txt", ".md")]
    texts.append("Child's Name: Mia (4)\nMum's T/C. at 4p.m. didn't go; she said \"I'm off\"...\n\n  Dad:  fine,ok  ")
    nlp = load_pipeline()
    # the same tokenizer rules, with an empty cache
    fresh = spacy.tokenizer.Tokenizer(nlp.vocab).from_bytes(nlp.tokenizer.to_bytes())
    reference = [[(t.text, t.whitespace_) for t in fresh(text)] for text in texts]
    seen: set[str] = set()
    prime_tokenizer(nlp.tokenizer, texts, seen)
    assert "Child's" in seen and len(seen) > 500
    assert [[(t.text, t.whitespace_) for t in nlp.make_doc(text)] for text in texts] == reference


def test_spacy_is_imported_without_its_command_line_which_still_works():
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from qa_checker import speedups\n"
        "from qa_checker.nlp.pipeline import load_pipeline\n"
        "speedups.enable()\n"
        "nlp = load_pipeline()\n"
        "print([t.pos_ for t in nlp('Mum was happy.')], 'spacy.cli' in sys.modules, 'weasel' in sys.modules)\n"
        "import spacy, spacy.cli\n"
        "print(callable(spacy.cli.download), spacy.info(silent=True)['spacy_version'] == spacy.__version__)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    assert run.stdout.splitlines() == ["['PROPN', 'AUX', 'ADJ', 'PUNCT'] False False", "True True"]


def test_the_pipeline_started_with_an_empty_tokenizer_splits_as_spacy_load_does():
    import spacy

    nlp = load_pipeline()
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "qa_checker.empty_tokenizer.v1"
    standard = spacy.load(pipeline_config().base, exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                                           "lemmatizer", "ner", "senter"])
    root = Path(__file__).resolve().parent.parent
    texts = [f.read_text(encoding="utf-8") for f in sorted((root / "samples").glob("*.*")) if f.suffix in (".txt", ".md")]
    texts.append("Child's Name: Mia (4)\nMum's T/C. at 4p.m. didn't go; she said \"I'm off\"... see www.nhs.uk, "
                 "a.b@c.org :) 10km £5 U.K. Mr. Smith's 'cos y'all gonna")
    for text in texts:
        assert [(t.text, t.whitespace_) for t in nlp.make_doc(text)] == [(t.text, t.whitespace_) for t in standard.make_doc(text)]


@pytest.mark.parametrize(("sentence", "word", "denied"), [
    ("There was no talk about court, care proceedings or the children's mum.", "proceedings", True),
    ("There were no tears, injuries or complaints.", "injuries", True),
    ("Nobody cried or screamed.", "screamed", True),
    ("Dad did not cry and shouted at Leo.", "shouted", False),
    ("Mum cried and Leo screamed.", "screamed", False),
    ("Leo had tears and injuries.", "injuries", False),
    # wave 6 (dev w26-02): a preposition joined on is denied with the first
    ("Nothing was said about the past or about court proceedings.", "proceedings", True),
    ("Dad talked about school and about court.", "court", False),
    ("Dad did not talk about school but about court.", "court", False),
])
def test_a_denial_covers_its_list(sentence, word, denied):
    from qa_checker.nlp.cues import negated
    from qa_checker.nlp.pipeline import load_pipeline

    doc = load_pipeline()(sentence)
    assert negated(next(t for t in doc if t.text == word)) is denied
