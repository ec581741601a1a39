"""Probe round 14 of the relationships (docs/relationships.md): a kin word calling the one
spoken to ("Mom", "Dad", "brother") makes the two kin; "my" and "your" in a line are its
speaker's and its listener's; a line's "my husband" naming nobody is the one it just named."""

import pytest

from tests.analysis.test_relationships import GENDERS, NAMES, _pair, analyse

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


BROTHER = (
    '"Three pounds on Ann!" Bob called from the blanket.\n\n'
    '"You are not helping, brother," Dan said.\n\n'
    '"I\'m not trying to help."\n'
)
BROTHER_QUOTES = [
    ('"Three pounds on Ann!"', "Bob", None),
    ('"You are not helping, brother,"', "Dan", None),
    ('"I\'m not trying to help."', "Bob", None),
]


def test_calling_the_one_spoken_to_brother_makes_them_family(monkeypatch):
    monkeypatch.setitem(NAMES, "Dan", "Dan Moss")
    monkeypatch.setitem(GENDERS, "Dan Moss", "male")
    found = _pair(analyse(BROTHER, BROTHER_QUOTES), "Bob Stone", "Dan Moss")
    assert found is not None and (found.kind, found.subtype) == ("platonic", "family")


def test_brother_is_a_title_in_a_story_of_brother_x(monkeypatch):
    # "Brother Cadfael", "Sister Dunleavy": monks, nuns and ward sisters are called so
    monkeypatch.setitem(NAMES, "Dan", "Dan Moss")
    monkeypatch.setitem(GENDERS, "Dan Moss", "male")
    text = "Brother Anselm rang the bell for vespers.\n\n" + BROTHER
    found = _pair(analyse(text, BROTHER_QUOTES), "Bob Stone", "Dan Moss")
    assert found is None or found.subtype != "family"


def test_my_in_a_line_is_its_speakers():
    # "my" in a line was taken for whoever the sentence named first: "Bob, this is my sister
    # Cat" made Bob and Cat siblings
    text = '"Bob, this is my sister Cat," Ann said. Bob shook her hand.\n'
    relationships = analyse(text, [('"Bob, this is my sister Cat,"', "Ann", "Bob")])
    found = _pair(relationships, "Ann Lee", "Cat Moss")
    assert found is not None and found.subtype == "family"
    wrong = _pair(relationships, "Bob Stone", "Cat Moss")
    assert wrong is None or wrong.subtype != "family"


def test_your_in_a_line_is_the_one_spoken_tos():
    # the speaker named after the line was taken for the owner of "your"
    text = '"Bob is your brother," Ann told Cat. Cat looked at Bob, and Bob looked away.\n'
    relationships = analyse(text, [('"Bob is your brother,"', "Ann", "Cat")])
    found = _pair(relationships, "Bob Stone", "Cat Moss")
    assert found is not None and found.subtype == "family"
    wrong = _pair(relationships, "Ann Lee", "Bob Stone")
    assert wrong is None or wrong.subtype != "family"


def test_my_noun_in_a_line_is_the_one_the_line_just_named():
    # "Ian's in the byre with the cow. Go and help my husband before he breaks his other leg."
    text = (
        "Cat came in with the lamb.\n\n"
        "\"Bob's in the byre with the cow. Go and help my husband before he breaks his other "
        'leg," Ann told Cat.\n'
    )
    words = (
        '"Bob\'s in the byre with the cow. Go and help my husband before he breaks his other leg,"'
    )
    found = _pair(analyse(text, [(words, "Ann", "Cat")]), "Ann Lee", "Bob Stone")
    assert found is not None and found.kind == "romantic"


@pytest.mark.parametrize(
    "line",
    [
        "Bob was ill for months. My mother and brother looked after him.",
        "Bob was ill for months. My brother looked after him.",
    ],
)
def test_my_noun_in_a_line_is_not_the_one_it_speaks_of_after(line):
    # "My mother and sister entertained her": a listed noun, and one whose sentence says
    # "him"/"her" of the one named, is someone else
    text = f'Cat came in.\n\n"{line}" Ann told Cat.\n'
    found = _pair(analyse(text, [(f'"{line}"', "Ann", "Cat")]), "Ann Lee", "Bob Stone")
    assert found is None or found.subtype != "family"
