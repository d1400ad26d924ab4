"""Every tense of a verb idiom ("throw a wobbly": throws, threw, thrown, throwing), so that a
phrase list written once in the base form matches in the cheap pass, which has no lemmas.

Hand-written rather than a package: the maintained inflection packages either stop at plurals
(inflect) or have not been released since 2022 (lemminflect, pyinflect); the idioms' verbs are
few and common, and a test checks each irregular verb's forms.
"""

from __future__ import annotations

# Past tense and past participle of the irregular verbs idioms start with.
IRREGULAR: dict[str, tuple[str, ...]] = {
    "be": ("is", "are", "am", "was", "were", "been", "being"),
    "have": ("has", "had", "having"),
    "do": ("does", "did", "done", "doing"),
    "go": ("goes", "went", "gone", "going"),
    "get": ("gets", "got", "gotten", "getting"),
    "throw": ("throws", "threw", "thrown", "throwing"),
    "lose": ("loses", "lost", "losing"),
    "take": ("takes", "took", "taken", "taking"),
    "make": ("makes", "made", "making"),
    "give": ("gives", "gave", "given", "giving"),
    "come": ("comes", "came", "coming"),
    "run": ("runs", "ran", "running"),
    "wind": ("winds", "wound", "winding"),
    "blow": ("blows", "blew", "blown", "blowing"),
    "fly": ("flies", "flew", "flown", "flying"),
    "kick": ("kicks", "kicked", "kicking"),
    "keep": ("keeps", "kept", "keeping"),
    "leave": ("leaves", "left", "leaving"),
    "put": ("puts", "putting"),
    "let": ("lets", "letting"),
    "set": ("sets", "setting"),
    "stick": ("sticks", "stuck", "sticking"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "spit": ("spits", "spat", "spitting"),
    "bite": ("bites", "bit", "bitten", "biting"),
    "fall": ("falls", "fell", "fallen", "falling"),
    "break": ("breaks", "broke", "broken", "breaking"),
    "tell": ("tells", "told", "telling"),
    "say": ("says", "said", "saying"),
    "show": ("shows", "showed", "shown", "showing"),
    "hold": ("holds", "held", "holding"),
    "lie": ("lies", "lay", "lain", "lying"),
    "hit": ("hits", "hitting"),
}
_VOWELS = set("aeiou")


def verb_forms(verb: str) -> tuple[str, ...]:
    """The base form and its -s, past, past participle and -ing forms."""
    verb = verb.lower()
    if verb in IRREGULAR:
        return (verb, *IRREGULAR[verb])
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    if verb.endswith("e") and not verb.endswith("ee"):
        past, ing = verb + "d", verb[:-1] + "ing"
    elif verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        past, ing = verb[:-1] + "ied", verb + "ing"
    elif _short_closed(verb):
        past, ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    else:
        past, ing = verb + "ed", verb + "ing"
    return (verb, third, past, ing)


def _short_closed(verb: str) -> bool:
    """'stop', 'nag', 'strop': one syllable ending consonant-vowel-consonant doubles its last letter."""
    if len(verb) < 3 or verb[-1] in _VOWELS or verb[-1] in "wxy":
        return False
    vowels = [i for i, c in enumerate(verb) if c in _VOWELS]
    return len(vowels) == 1 and vowels[0] == len(verb) - 2


def inflected(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """Each phrase with its first word (a verb in its base form) in every form, without repeats."""
    out: dict[str, None] = {}
    for phrase in phrases:
        first, _, rest = phrase.partition(" ")
        for form in verb_forms(first):
            out[f"{form} {rest}".strip()] = None
    return tuple(out)
