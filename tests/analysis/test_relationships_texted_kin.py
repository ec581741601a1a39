"""A line calling the one spoken to kin, as texts spell it ("ur my sister", "im ur brother"),
and "you're the smart twin" (a twin is one of two: said to the other): the two are family,
and their "love you" a family's."""

import pytest

from tests.analysis.test_relationships import _pair, analyse


def _lines(first: str) -> tuple[str, list[tuple[str, str, str]]]:
    lines = [(first, "Ann", "Cat"), ("love you, loser", "Cat", "Ann"), ("love u too", "Ann", "Cat")]
    text = "Ann sat beside Cat in the exam hall.\n\n" + "".join(
        f'"{words}," {speaker} texted.\n\n' for words, speaker, _ in lines
    )
    return text, lines


@pytest.mark.parametrize(
    "first", ["ur the smart twin", "you're the evil twin", "ur my sister", "im ur sister"]
)
def test_kin_said_to_the_other_in_a_texts_spelling_makes_their_love_a_familys(first):
    text, lines = _lines(first)
    found = _pair(analyse(text, quotes=lines), "Ann Lee", "Cat Moss")
    assert found is not None and (found.kind, found.subtype) == ("platonic", "family")


@pytest.mark.parametrize("first", ["ur the smart one", "ur the smart twin's friend"])
def test_not_kin_said_to_the_other(first):
    text, lines = _lines(first)
    found = _pair(analyse(text, quotes=lines), "Ann Lee", "Cat Moss")
    assert found is None or found.subtype != "family"
