"""A kiss answered: "Bob bent and kissed him. Tom kissed him back" — the one who kisses back
is the one who was kissed, whoever else was named before."""

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
