"""Each class of weak wording the judgement issue names, with new sentences (written for this
test, not taken from any labelled set): what the phrasing rules report, exactly, with the trained
decision on as shipped. The first four are the false alarms the issue names (nothing to report).
"""

from __future__ import annotations

import pytest

from qa_checker import check_text

HEAD = "Child's Name: Ruby Smith, Sam Smith\nBASIC NEEDS\nWhat is working well?\n"

CASES = [
 # false alarms the issue names: nothing to report
 ("Ruby giggled several times during the ten-minute game of pairs and asked for another go.", set()),
 ("I think Mum was nervous, as she twisted her ring and said she had not slept.", set()),
 ("I have no worries about the goodbye because Ruby hugged Dad and said \"see you Friday\".", set()),
 ("Mum brought some grapes and a drink for Ruby.", set()),
 # slang and idiom, any tense
 ("Ruby throws a wobbly when the tablet goes away.", {"P05"}),
 ("Sam kicked up a fuss about his coat.", {"P05"}),
 ("Dad called her a little madam.", {"P05"}),
 ("Sam was gobby with the receptionist.", {"P05"}),
 ("Mum was gutted when the call ended.", {"P05"}),
 ("Dad needs to pull his socks up.", {"P05"}),
 # evaluative nouns
 ("Her motivation seems low.", {"P01"}),
 ("There is a secure attachment between them.", {"P02"}),
 ("Dad's parenting capacity is limited.", {"P02"}),
 ("Sam and Mum have a strong bond.", {"P02"}),
 ("Dad's attitude.", {"P02"}),
 # states and jargon
 ("Mum was hungover.", {"P05"}),
 ("Dad is an alcoholic.", {"P05"}),
 ("Mum is unstable.", {"P02"}),
 ("Sam was hypervigilant.", {"P02"}),
 ("Dad's affect was flat.", {"P02"}),
 ("Mum's engagement was superficial.", {"P02"}),
 # feelings as fact
 ("Ruby adores her nan.", {"P02"}),
 ("Sam hates the contact centre.", {"P02"}),
 ("Sam enjoyed the game: he laughed and asked for another round.", set()),
 # progress talk
 ("Ruby is coming on leaps and bounds.", {"P03"}),
 ("Sam was back to his old self.", {"P03"}),
 ("Everything went to plan.", {"P03"}),
 ("This was a difficult contact.", {"P03"}),
 # hedges on actions and claims
 ("Dad seems to have forgotten the nappies.", {"P01"}),
 ("Sam shows signs of anxiety.", {"P01"}),
 ("It came across that Dad was bored.", {"P01"}),
 # absolutes inside idioms
 ("Mum never once looked at Ruby.", {"P04"}),
 ("Sam was on the go non-stop.", {"P04"}),
 # abbreviations as subjects, second language
 ("M was v. cross with S.", {"P02"}),
 ("D lost the plot.", {"P05"}),
 ("Dad was very angry for wait so long.", {"P02"}),
 # unattributed claims
 ("Apparently Mum has a new partner.", {"P01", "P07"}),
 ("I've heard he is drinking again.", {"P07"}),
 ("I have heard her talk to Sam about school before.", set()),
 ("It is believed that Dad moved out.", {"P07"}),
 ("Funmi told me on Monday that Dad has moved.", set()),
]


@pytest.mark.parametrize(("sentence", "rules"), CASES, ids=[c[0][:40] for c in CASES])
def test_each_class_of_weak_wording(sentence, rules):
    report = check_text(HEAD + sentence + "\n")
    assert {f.rule for f in report.findings if f.rule[0] in "PR"} == rules
