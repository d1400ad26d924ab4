"""The sentence around a finding's span, used by the terminal report."""

from __future__ import annotations

from qa_checker.excerpt import excerpt
from qa_checker.readers.text import parse_text

TEXT = "INTRODUCTIONS\nMum arrived at 15:50. She seemed happy to see Amelia! Then “we played”. Jayden hid.\nGOODBYE"


def _excerpt(words: str, through: str | None = None):
    document = parse_text(TEXT, "r")
    start = TEXT.index(words)
    end = TEXT.index(through) + len(through) if through else start + len(words)
    found = excerpt(document, start, end)
    assert TEXT[found.start:found.start + len(found.text)] == found.text
    return found.text


def test_the_sentence_holding_the_words():
    assert _excerpt("seemed happy") == "She seemed happy to see Amelia!"
    assert _excerpt("Mum") == "Mum arrived at 15:50."
    assert _excerpt("played") == "Then “we played”."
    assert _excerpt("GOODBYE") == "GOODBYE"


def test_a_span_over_two_sentences_gets_both():
    assert _excerpt("happy", through="Then") == "She seemed happy to see Amelia! Then “we played”."


def test_a_span_running_into_the_next_line_stops_at_the_end_of_its_own():
    assert _excerpt("Jayden", through="GOODBYE") == "Jayden hid."


def test_no_span_no_excerpt():
    assert excerpt(parse_text(TEXT, "r"), None, None) is None
