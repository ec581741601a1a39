"""A pronoun opening a copula ("He was Ann's friend", "She was his wife") in the contracted
forms fiction writes: "He's been", "She'd been", "They've been"."""

import pytest

from tests.analysis.test_relationships import _narrated, _pair, analyse


@pytest.mark.parametrize(
    "copula", ["He's been", "He's always been", "He has been", "He'd been", "He's"]
)
def test_he_s_been_anns_boyfriend_is_the_man_named_before(copula):
    """ "He's been" read as "He has been": the possessor is named ("Ann's"), the pronoun the
    last man named before."""
    text = (
        f"Ann looked up when Bob came in. Ann waited. {copula} Ann's boyfriend for a year, "
        "and nobody knew.\n"
    )
    assert _pair(analyse(text), "Ann Lee", "Bob Stone").kind == "romantic"


def test_he_s_been_my_boyfriend_is_the_narrator_and_the_man_named_before():
    text = (
        "Bob Stone is standing by the lockers when I come in. It's been months. He's been my "
        "boyfriend for a year. I walk past him.\n"
    )
    found = _pair(_narrated(text, "first", {"Bob": "male"}), "Ann Lee", "Bob Stone")
    assert found.kind == "romantic"


@pytest.mark.parametrize(
    "text",
    [
        "Ann looked up when Bob came in. She'd been his wife for a year.\n",
        "Ann looked up when Bob came in. She'd always been his wife, in her mind.\n",
        "Ann and Bob came in. He has been her boyfriend for a year.\n",
    ],
)
def test_she_d_been_his_wife_is_the_two_named_just_before(text):
    assert _pair(analyse(text), "Ann Lee", "Bob Stone").kind == "romantic"


def test_they_ve_been_rivals_is_the_two_named_just_before():
    text = "Ann and Cat stood at the net. They've been rivals since the first match.\n"
    found = _pair(analyse(text), "Ann Lee", "Cat Moss")
    assert (found.kind, found.subtype) == ("platonic", "rivals")


@pytest.mark.parametrize(
    "text",
    [
        # "'d" without "been" is "would" or "had" with another verb: no copula.
        "Ann looked up when Bob came in. She'd like to meet his wife.\n",
        "Ann looked up when Bob came in. She'd met his wife once.\n",
        # Three people before: "she" and "his" may be any of them.
        "Ann, Cat and Bob came in. She'd been his wife for a year.\n",
    ],
)
def test_she_d_with_another_verb_or_among_three_binds_no_couple(text):
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert found is None or found.kind != "romantic"
