"""Rounds 20 and 21 of the hand-written stories (tests/data/warnings_stories/round20, round21).
Round 20: ages given by a birthday, "a sophomore", "Sixteen-year-old Sam", "I'm fifteen, Dad"
in dialogue, teachers of a high-school AU stated to be thirty-one, a flashback at fourteen
before adults' night, age-gap adults of nineteen and forty-five, a pair of whom only one is a
minor, a pronoun pair, and a niece of fourteen in the scene before the adults' night. Round
21, written after round 20's rules: "turned sixteen in March", "You're a junior at Westview
High", "The two of them were fifteen", an author's note of ages, and adults beside pupils,
skaters they coach, a brother of fifteen upstairs and a friendship since Year 10. The stories
are scored with every other round in tests/analysis/test_warnings_stories_round2.py; this module
holds the rules their tune sides asked for, each with a test that fails on the old ages.
"""

import pytest

from tests.analysis.minors import likelihood

# The rules round 20's tune side asked for (story 219: teachers of a high-school AU).
KISS = "That night Steve kissed Bucky, slowly, and Bucky kissed Steve back."


@pytest.mark.parametrize(
    "said",
    ['"My tenth graders hate me," Steve said.', '"Your ninth graders love you," said Bucky.'],
)
def test_pupils_someone_has_are_no_age(said):
    assert likelihood(f"{said} {KISS}") is None


def test_tenth_graders_said_of_the_pair_still_count():
    assert likelihood(f"Steve and Bucky were tenth graders at Lincoln. {KISS}") == "likely"


@pytest.mark.parametrize(
    "said",
    [
        '"From fifteen-year-olds, that\'s a sonnet," said Bucky.',
        "He was good with sixteen-year-olds.",
    ],
)
def test_a_plural_age_after_a_preposition_is_people_at_large(said):
    assert likelihood(f"{said} {KISS}") is None


def test_a_couple_of_fifteen_year_olds_still_counts():
    text = f"They were a couple of fifteen-year-olds with nowhere to go. {KISS}"
    assert likelihood(text) is not None


# The rules round 21's tune side asked for (story 225: a reader-insert junior).
YOU = (
    "{age}, and you have exactly one problem, and his name is Kai Tanaka. Kai sits behind you"
    " in history. On Friday he finds you on the bleachers. He kisses you."
)


@pytest.mark.parametrize(
    "age", ["You're a junior at Westview High", "You are a junior at Westview High"]
)
def test_a_single_junior_at_a_high_school_is_a_school_age_and_the_readers(age):
    assert likelihood(YOU.format(age=age)) == "likely"


def test_the_narrators_age_with_an_article_is_the_narrators():
    text = (
        "I'm a sophomore at Eastfield High, and Kai Tanaka sits behind me in history. He taps"
        " his pencil on my chair. He steals my fries at lunch. On Friday he finds me on the"
        " bleachers. He kisses me."
    )
    assert likelihood(text) == "likely"


@pytest.mark.parametrize(
    "age", ["You're a junior at Carver University", "You teach juniors at Westview High"]
)
def test_a_college_junior_or_a_teacher_of_juniors_is_no_age(age):
    assert likelihood(YOU.format(age=age)) is None
