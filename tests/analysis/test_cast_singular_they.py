"""A character the narration calls they (`Alex pulled their knees up to their chest`) is
neither male nor female, whatever the given name usually is: the gender stays `unknown`,
and no `she said` tag of a line given to them decides it later."""

from __future__ import annotations

from fanarchive.analysis import analyze_text
from tests.analysis.casts import cast_of

NIGHT = (
    "Alex pulled their knees up to their chest and watched the rain. Maria came in with two"
    " mugs.\n\n"
    "'You're still up,' Maria said.\n\n"
    "'Couldn't sleep.' Alex took a mug and wrapped their hands around it.\n\n"
    "'Me neither,' she said, and sat down on the end of the bed.\n\n"
    "Alex laughed despite themself. 'We're a mess.'\n\n"
    "'Speak for yourself,' she said."
)


def genders(text: str) -> dict[str, str]:
    return {c.name: c.gender for c in cast_of(text).characters}


def test_a_character_called_they_keeps_no_gender():
    assert genders(NIGHT) == {"Alex": "unknown", "Maria": "female"}


def test_no_gender_from_the_tags_after_their_lines():
    characters = {c.name: c.gender for c in analyze_text(NIGHT).characters}
    assert characters["Alex"] == "unknown"


def test_they_once_is_not_enough():
    text = NIGHT.replace("Alex laughed despite themself.", "Alex laughed.")
    assert genders(text)["Alex"] == "male"


def test_several_subjects_share_their():
    text = NIGHT.replace("Alex pulled their", "Alex and Maria pulled their").replace(
        "Alex laughed despite themself.", "Alex and Maria laughed at their mugs."
    )
    assert genders(text)["Alex"] == "male"


def test_a_he_of_their_own_outweighs_they():
    text = NIGHT + "\n\nAlex shook his head."
    assert genders(text)["Alex"] == "male"


def test_she_said_is_not_the_one_called_they():
    """The sieve reads a character called they as neither `he` nor `she` (speakers'
    NEITHER): "'Me neither,' she said" is Maria's, not Alex's."""
    lines = {q.text: q.speaker for q in analyze_text(NIGHT).quotes}
    assert lines["Me neither,"] == "Maria"
    assert lines["Speak for yourself,"] == "Maria"
