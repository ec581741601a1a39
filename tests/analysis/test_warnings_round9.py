"""Round 9 of the warnings probes (docs/warnings.md, "Probe round 9"): general rules about
English, each with a passage that the rules before it missed or misread."""

from fanarchive.analysis.pipeline import analyze_text


def names(text: str) -> set[str]:
    return {warning.name for warning in analyze_text(text).warnings}


# Second person: "you" and "us" are objects of a blow as "him" and "her" are (a second-person
# narrator, common in fan fiction, is knocked down and shoved too).
def test_you_knocked_down_and_kicked_is_violence():
    assert "Violence" in names("They knocked you down in the car park and took turns kicking you.")


def test_you_shoved_and_slapped_is_violence():
    assert "Violence" in names("She shoved you against the fridge and slapped you across the face.")


def test_you_and_us_in_everyday_use_stay_harmless():
    found = names(
        "I tried to kick you out of bed but you wouldn't budge. The waves knocked us down and "
        "we came up laughing."
    )
    assert not {"Violence", "Abuse"} & found


# A death told by the body's signs, without the word: a chest that rises once more and then
# does not, no pulse, a face covered by someone else (a stranger's blanket or coat).
def test_a_chest_that_rises_once_more_and_then_does_not_is_a_death():
    found = names(
        "Oren's chest rose one last time and then it didn't. His sister sat with him until "
        "the light came up."
    )
    assert "Death" in found


def test_a_face_covered_by_an_officer_is_a_death():
    found = names(
        "The officer knelt by the boy on the pavement and laid his coat over his face. "
        "Nobody in the crowd said anything."
    )
    assert "Death" in found


def test_a_chest_and_a_blanket_in_everyday_use_stay_harmless():
    found = names(
        "Her chest rose and fell as she slept. She pulled the blanket over her face and went "
        "back to sleep. The nurse pulled the blanket up over his shoulders and checked his "
        "pulse."
    )
    assert "Death" not in found
