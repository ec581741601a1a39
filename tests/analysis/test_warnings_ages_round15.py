"""Round 15 of the hand-written stories (tune side): a first-person narrator's age opening a
scene whose kiss comes forty sentences on, when no romantic pair is found ("I am fifteen
... he kisses me"), and someone's children's age beside two adults ("The twins are both
fifteen and at football camp")."""

import pytest

from tests.analysis.minors import likelihood

FILLER = " ".join(f"The choir sang hymn number {n} and nobody spoke." for n in range(45))


def choir(age: str, kiss: str) -> str:
    return f"{age}, and this is my last Christmas in the choir. {FILLER} {kiss}"


@pytest.mark.parametrize(
    "kiss",
    [
        "Then he leans down and kisses me, very quickly, among the coats.",
        "Then he leans down, and his mouth finds mine among the coats, and we kiss.",
    ],
)
def test_the_narrators_age_reaches_the_narrators_romance_in_the_scene(kiss):
    assert likelihood(choir("I am fifteen", kiss)) == "likely"


def test_the_narrators_age_does_not_reach_a_romance_the_narrator_only_watches():
    text = choir("I am fifteen", "Then the organist kisses the choirmaster, very quickly.")
    assert likelihood(text) in (None, "possible")


def test_a_romance_in_dialogue_is_not_the_narrators_by_its_i():
    kiss = 'The organist kisses the choirmaster. "I love you," he says to the choirmaster.'
    assert likelihood(choir("I am fifteen", kiss)) in (None, "possible")


ADULTS = (
    "{kids} and at football camp until Sunday, and Fran and Dee have the house to "
    "themselves. Fran kissed Dee on the sofa, and Dee kissed Fran back, and they went "
    "upstairs and made love."
)


@pytest.mark.parametrize(
    "kids",
    ["The twins are both fifteen", "Our kids are fifteen and thirteen", "Their boys are fifteen"],
)
def test_someones_childrens_age_is_not_the_couples(kids):
    assert likelihood(ADULTS.format(kids=kids)) in (None, "possible")


def test_the_boys_may_be_the_couple():
    text = "The boys were both fifteen that summer. Then Kit kissed Jae behind the bike sheds."
    assert likelihood(text) == "likely"
