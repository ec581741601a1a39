"""Probe round 14 of the relationships (docs/relationships.md): a child calling the one spoken
to "Mom", "Mum" or "Dad" is that one's child."""

from tests.analysis.test_relationships import _pair, analyse

ASKS_DAD = (
    '"You\'ll be late," Bob said, folding the paper.\n\n'
    '"Dad, can you drive me to school?" Ann asked.\n\n'
    '"Get your coat."\n'
)
ASKS_DAD_QUOTES = [
    ('"You\'ll be late,"', "Bob", None),
    ('"Dad, can you drive me to school?"', "Ann", None),
    ('"Get your coat."', "Bob", None),
]


def test_calling_the_one_spoken_to_dad_makes_them_family():
    found = _pair(analyse(ASKS_DAD, ASKS_DAD_QUOTES), "Ann Lee", "Bob Stone")
    assert found is not None and (found.kind, found.subtype) == ("platonic", "family")


def test_dad_said_to_a_woman_binds_nobody():
    # the word says the parent's sex: a "Dad" line whose other side is a woman is someone
    # else's (a wrong speaker, or a father not in the scene)
    text = ASKS_DAD.replace("Bob said", "Cat said")
    quotes = [(w, "Cat" if s == "Bob" else s, a) for w, s, a in ASKS_DAD_QUOTES]
    found = _pair(analyse(text, quotes), "Ann Lee", "Cat Moss")
    assert found is None or found.subtype != "family"


def test_dad_answering_a_question_names_him_and_calls_nobody():
    text = '"Who was on the phone?" Bob asked.\n\n"Dad." Ann put the phone down.\n\n"Oh."\n'
    quotes = [
        ('"Who was on the phone?"', "Bob", None),
        ('"Dad."', "Ann", None),
        ('"Oh."', "Bob", None),
    ]
    found = _pair(analyse(text, quotes), "Ann Lee", "Bob Stone")
    assert found is None or found.subtype != "family"


def test_a_couple_saying_dad_stays_a_couple():
    # a guess: what the text says of the two (a kiss) outweighs it
    text = ASKS_DAD + "\nAnn kissed Bob on the mouth, and he laughed. Ann kissed Bob again.\n"
    found = _pair(analyse(text, ASKS_DAD_QUOTES), "Ann Lee", "Bob Stone")
    assert found is not None and found.kind == "romantic"
