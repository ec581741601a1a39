"""Probe round 15 of the relationships (seventh session, docs/relationships.md): a parent or
child noun naming nobody ("pulled his son into a hug, and Dan ...") is the one other person
of its sex the same sentence names, a kin guess as an unnamed "his brother" is; a parent or
child spoken of in passing ("since the death of Bob's father", "from her mother's flat", "to
her and her father") is nobody of the sentence."""

import pytest

from tests.analysis.test_relationships import GENDERS, NAMES, _pair, analyse


@pytest.fixture
def dan(monkeypatch):
    monkeypatch.setitem(NAMES, "Dan", "Dan Moss")
    monkeypatch.setitem(GENDERS, "Dan Moss", "male")


HUG = (
    "Bob got home after midnight and left his boots by the stove.\n\n"
    "He crossed the kitchen and pulled his son into a hug, and Dan stood stiff for a second, "
    "and then he didn't.\n"
)


def test_a_son_hugged_is_the_one_man_the_sentence_names(dan):
    found = _pair(analyse(HUG), "Bob Stone", "Dan Moss")
    assert found is not None and (found.kind, found.subtype) == ("platonic", "family")


def test_a_mother_named_in_her_sentence_is_the_one_woman_there():
    text = (
        "Ann sat on the back step with her coffee.\n\n"
        "Her mother came out with the washing, and Cat took the basket from her without a "
        "word.\n\n"
        "The wind was up. Cat hung the sheets, and Ann watched the hill.\n"
    )
    found = _pair(analyse(text), "Ann Lee", "Cat Moss")
    assert found is not None and found.subtype == "family"


@pytest.mark.parametrize(
    "sentence",
    [
        # in a phrase of a preposition: spoken of, not there
        "Dan had hardly been back since the death of Bob's father, five years before.",
        "Cat ran down the stairs from her mother's flat and met Ann at the gate.",
        # listed beside its owner: someone else than the one the sentence names
        "Let Dan stay the same to her and her father, and to all the world.",
    ],
)
def test_a_parent_spoken_of_in_passing_is_nobody_of_the_sentence(dan, sentence):
    text = "Ann and Cat walked up from the harbour with Bob and Dan.\n\n" + sentence + "\n"
    for pair in (("Bob Stone", "Dan Moss"), ("Ann Lee", "Cat Moss"), ("Ann Lee", "Dan Moss")):
        found = _pair(analyse(text), *pair)
        assert found is None or found.subtype != "family"


def test_a_couple_beside_his_mother_stays_a_couple():
    text = (
        "Ann kissed Bob at the gate, and his mother waved from the porch.\n\n"
        "Bob kissed her back, and Ann laughed.\n"
    )
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert found is not None and found.kind == "romantic"


def test_a_father_the_sentence_does_not_name_binds_nobody_two_sentences_off(dan):
    # "his father" two sentences from Dan: in a novel, a father spoken of in a sentence of
    # other people is as often someone unnamed (the window of "his brother" is not used)
    text = (
        "Bob read the letter twice at the window.\n\n"
        "His father had written it in March.\n\n"
        "Dan came in with the post and set it on the table.\n"
    )
    found = _pair(analyse(text), "Bob Stone", "Dan Moss")
    assert found is None or found.subtype != "family"
