"""Ages that are not a minor of the romance (round 12 of the hand-written stories, tune side):
a simile ("giggling like a thirteen-year-old"), "You're twelve" said in jest and answered
with an adult age, a stranger named by an age and a place ("the sixteen-year-old in bed
four"), and a school year said of no one after the pair is stated adult in the same scene
("Now we are thirty-one ... 'Year 9. Seriously?'")."""

import pytest

from tests.analysis.minors import likelihood

KISS = "Then Kit kissed Ellie on the mouth, slowly, and Ellie kissed him back."


@pytest.mark.parametrize(
    "simile",
    [
        "Kit and Ellie sat on the wall, giggling like a pair of fourteen-year-olds.",
        "Kit and Ellie sat on the wall, grinning like a lovesick fifteen-year-old.",
        "Kit and Ellie sat on the wall, acting like they were fifteen.",
        "Kit and Ellie sat on the wall, as giddy as if they were sixteen again.",
    ],
)
def test_an_age_in_a_simile_is_no_age(simile):
    assert likelihood(f"{simile} {KISS}") is None


@pytest.mark.parametrize(
    "stated",
    [
        "Kit and Ellie sat on the wall. Kit was fourteen.",
        "Kit and Ellie sat on the wall like always. They were both fourteen.",
        "Kit and Ellie sat on the wall. Kit, a fifteen-year-old with a skateboard, grinned.",
    ],
)
def test_an_age_beside_a_simile_still_counts(stated):
    assert likelihood(f"{stated} {KISS}") == "likely"


JEST = (
    "Kit kissed Ellie in the kitchen, slowly, and Ellie kissed him back. Afterwards he snorted "
    "at the word on the cereal box.\n\n"
    '"You\'re twelve," Ellie said.\n\n'
)


def test_youre_twelve_answered_with_an_adult_age_is_a_jest():
    assert likelihood(JEST + '"I\'m thirty-one, thank you," said Kit.') is None


@pytest.mark.parametrize(
    "answer", ['"So what?" said Kit.', '"I\'m fifteen minutes from leaving," said Kit.']
)
def test_youre_twelve_not_answered_with_an_adult_age_still_counts(answer):
    assert likelihood(JEST + answer) == "likely"


WARD = (
    "{age} had come in at two in the morning with a ruptured appendix, and by six he was asking "
    "for chips. Amara went back to the station. Luke was there with two coffees. Amara loved "
    "Luke. Luke loved Amara. Then Amara kissed Luke in the supply cupboard, and Luke kissed "
    "Amara back."
)


def test_a_stranger_named_by_an_age_and_a_place_is_at_most_possible():
    assert likelihood(WARD.format(age="The sixteen-year-old in bed four")) == "possible"


def test_a_person_named_by_an_age_without_a_place_keeps_the_likely_note():
    assert likelihood(WARD.format(age="The sixteen-year-old")) == "likely"


def test_an_age_in_someones_arms_is_no_stranger():
    assert likelihood(WARD.format(age="The sixteen-year-old in his arms")) == "likely"


REUNION = (
    "Now we are thirty-one and we are at a wedding on a farm. Callum kisses me at table "
    "nine, and later we go to bed together.\n\n"
    'Afterwards he lies on my chest and says, "Year 9. Seriously?"'
)


def test_a_school_year_of_no_one_after_the_pair_is_stated_adult_is_another_time():
    assert likelihood(REUNION) is None


def test_the_pair_stated_adult_in_another_scene_or_in_the_past_leaves_the_school_year():
    assert likelihood(REUNION.replace("Now we are thirty-one", "When we were thirty-one, ")) == (
        "likely"
    )
    assert likelihood(REUNION.replace("and we are at", "\n\n* * *\n\nWe are at")) == "likely"
