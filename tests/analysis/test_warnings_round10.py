"""Round 10 of the warnings probes (docs/warnings.md, "Probe round 10"): a blow told by the
body part it lands on, each with a passage the rules before it missed or misread."""

from fanarchive.analysis.pipeline import analyze_text


def names(text: str) -> set[str]:
    return {warning.name for warning in analyze_text(text).warnings}


# A thing driven into a face or a head is a blow, even when the thing is a door (a slammed door
# alone is everyday force, and stays harmless).
def test_a_door_slammed_into_a_face_is_violence():
    found = names("She slammed the car door into his face and ran for the trees.")
    assert "Violence" in found


def test_a_bottle_smashed_against_a_skull_is_violence():
    assert "Violence" in names("Dario smashed the wine bottle against the guard's skull.")


def test_a_door_slammed_in_a_face_or_shut_stays_harmless():
    found = names(
        "He slammed the door in her face and stomped upstairs. She slammed the laptop shut, "
        "slammed the fridge, and went to bed."
    )
    assert "Violence" not in found


# The sound of a blow landing on someone.
def test_the_crack_of_a_bat_against_a_skull_is_violence():
    found = names("All I heard was the crack of the bat against his skull.")
    assert "Violence" in found


def test_the_crack_of_a_bat_on_a_ball_stays_harmless():
    found = names("The crack of the bat on the ball sent the whole stand to its feet.")
    assert "Violence" not in found


def test_a_head_resting_against_a_shoulder_stays_harmless():
    found = names("The thud of his heart against her ear was the only sound in the room.")
    assert "Violence" not in found
