"""Round 22 of the hand-written stories (tests/data/warnings_stories/round22), written before
its session's rules and before reading the rule code: a multi-scene work whose minor's age is
stated once in its first scene and whose kiss comes three scene breaks later, ages only in a
header ("Ages: Sam 16, Alex 17"), in dialogue or in text messages ("im 15 too"), a school pair
with no number ("Sophomore year", "Year 11"); and as traps canon adults with a sister of nine
asleep in the scene, adults of fifty-two and twenty-six, adults who almost kissed "When they
were fifteen", married adults playing teacher and pupil, and a de-aged adult ("he's about
seven") whose romance comes after he is thirty-one again. The stories are scored with every other round in
tests/analysis/test_warnings_stories_round2.py; this module holds the rules round 22's tune side
asked for, each with a test that fails on the old ages.
"""

import pytest

from fanarchive.analysis.warnings.ages import speaker_label
from tests.analysis.minors import likelihood

# The rules round 22's tune side asked for (stories 233, 235, 239, 243 and round 19's 207 and
# 213); each test fails on the ages of 98c74a5.
WALK = (
    "Every afternoon they walked down to the towpath after school. They threw stones onto the"
    " ice. They listened to the sound it made. They talked about everything and nothing. "
)
CANAL = (
    "They were both fourteen the winter the canal froze, and every afternoon they went down to"
    " the water. " + WALK * 9 + '"Every day," he said. She stepped forward and kissed him, quickly,'
    " on the mouth."
)


def test_a_scene_opening_on_they_and_an_age_framed_by_a_time_reaches_its_kiss():
    assert likelihood(CANAL) == "likely"  # the kiss is forty sentences on, no pair found


def test_an_age_framed_by_a_time_in_passing_is_another_time():
    text = (
        "Nora and Tom had been married for ten years. Nora was sixteen the summer she met Tom"
        " at the fair, and she never forgot it. Tonight he kissed her in the kitchen."
    )
    assert likelihood(text) is None


SUMMER = (
    "Marisol Vega was sixteen the summer her mother took the job at the inn, and she hated it"
    " for eleven days. On the twelfth day she met Wes at the boat rental.\n\n* * *\n\n"
    "By July they had a routine. She brought him lemonade at two. He fixed oars and"
    " motors.\n\n* * *\n\n{opening} the sky was clear, and they took the canoe out. They"
    ' drifted in the middle of the lake. "I\'m going to miss this," said Wes. He leaned across'
    " and kissed her."
)


def test_a_named_age_opening_a_work_reaches_the_scenes_told_in_the_same_days():
    assert likelihood(SUMMER.format(opening="On the last night")) == "likely"


def test_a_scene_opening_years_later_is_another_time():
    assert likelihood(SUMMER.format(opening="Ten years later, on her wedding night,")) != "likely"


CHAT = (
    "**nadia:** are you coming tonight\n**ben:** my mum says im not allowed out past 10\n"
    "**nadia:** {age} and my dad doesnt care\n**ben:** ok i'll come for an hour\n\n"
    "The bonfire was on the beach. Nadia found Ben sitting on an upturned boat. She sat down"
    " next to him. She leaned in and kissed him."
)


def test_an_age_in_a_text_message_without_its_apostrophe_counts():
    assert likelihood(CHAT.format(age="im 15 too")) == "likely"


def test_too_many_is_no_age():
    assert likelihood(CHAT.format(age="we were two too many")) is None


HEADER = (
    "Salt and Static\nRating: Teen And Up Audiences\n{ages}\n\nThe radio station had been"
    " abandoned for years. Alex kicked the door open. Sam went in and turned the dials."
    ' "There\'s me," said Alex. Sam crossed the room and kissed Alex.'
)


def test_a_list_of_ages_in_a_works_header_counts_for_the_whole_work():
    assert likelihood(HEADER.format(ages="Ages: Sam 16, Alex 17")) == "likely"


def test_a_rating_by_age_is_no_age():
    assert likelihood(HEADER.format(ages="Ages: 13+")) is None


SOPHOMORE = (
    "{year} was the year Ruthie Adler decided to stop being invisible. Devon Park sat next to"
    " her in Mr. Alvarez's chemistry class. {things} On the last day before break, Ruthie stood"
    " on her toes and kissed Devon."
)
HIGH_SCHOOL = "He had his learner's permit and drove her home after the bell."


def test_sophomore_year_in_a_work_set_in_a_high_school_is_a_school_age():
    assert likelihood(SOPHOMORE.format(year="Sophomore year", things=HIGH_SCHOOL)) == "likely"


@pytest.mark.parametrize(
    "things",
    [
        "He drove her back to the dorm after the bell.",  # a college
        "He had his learner's permit and drove her home after lesson plans.",  # a teacher's
    ],
)
def test_sophomore_year_at_a_college_or_among_teachers_is_no_age(things):
    assert likelihood(SOPHOMORE.format(year="Sophomore year", things=things)) is None


def test_a_sophomore_described_is_no_age():
    text = SOPHOMORE.format(year="A sophomore threw up in my room; that", things=HIGH_SCHOOL)
    assert likelihood(text) is None


def test_a_scene_opening_on_his_age_is_the_one_of_his_sex_named_next():
    text = (
        "He was seventeen and had locked himself in his room again, and Maggie stood on the"
        ' landing with a plate of toast and knocked.\n\n"Callum. I\'ve made toast."\n\n"Not'
        ' hungry."\n\nShe left the plate outside his door and went back downstairs, where Ian'
        ' was sitting at the kitchen table.\n\n"He\'ll come round," Ian said. He made her a cup'
        ' of tea and sat down opposite, and reached over and took her hand.\n\n"Stay," Maggie'
        ' said. "Tonight."\n\nHe stood up and came round the table and kissed her, slowly, and'
        " she kissed him back."
    )
    assert likelihood(text) != "likely"  # Callum's age, not Maggie's or Ian's


def test_a_chat_label_is_looked_for_only_near_the_age():
    # an age deep in one endless line is no chat line's: the look back is bounded (it read
    # back to the start of the text for every age, quadratic in a work of one line)
    line = "**nadia:** " + "Ana was fifteen. She kissed him. " * 40
    assert speaker_label(line, len(line) - 10) is None  # not a message of a few words
    assert speaker_label("**nadia:** im 15 too", 12) == "nadia"
