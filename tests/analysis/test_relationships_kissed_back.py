"""Who the pronouns of a kiss stand for: the one who kisses back ("Bob bent and kissed him.
Tom kissed him back") is the one who was kissed, whoever else was named before; and a pronoun
stands for someone named before it, not one named after the act ("before Cat could see")."""

import pytest

from tests.analysis.test_relationships import GENDERS, NAMES, _pair, analyse


@pytest.fixture(autouse=True)
def _two_more_men(monkeypatch):
    for first, name in (("Tom", "Tom Hale"), ("Dan", "Dan Reyes")):
        monkeypatch.setitem(NAMES, first, name)
        monkeypatch.setitem(GENDERS, name, "male")


def _kind(found, a, b):
    pair = _pair(found, a, b)
    return pair.kind if pair else None


@pytest.mark.parametrize(
    "answer",
    [" Tom made a small sound and then kissed him back.", " Tom kissed him back, slowly."],
)
def test_the_one_who_kisses_back_is_the_one_kissed(answer):
    text = (
        "Tom lay in the bed by the window. Dan talked with Bob about the weather for a while."
        f"\n\nBob bent and kissed him, soft and careful.{answer}\n"
    )
    found = analyse(text)
    assert _kind(found, "Bob Stone", "Tom Hale") == "romantic"
    assert _kind(found, "Bob Stone", "Dan Reyes") != "romantic"


def test_someone_named_after_the_kiss_is_not_the_pronoun_before_it():
    """ "she kissed him ... before Cat could see": Cat, named after the act, watches; "she"
    is someone named before it (here nobody the cast knows)."""
    text = (
        "Bob sat on the towel.\n\nBob's hand found hers, and after a minute she turned her "
        "head and kissed him, quickly, before Cat could see.\n"
    )
    assert _kind(analyse(text), "Bob Stone", "Cat Moss") != "romantic"
