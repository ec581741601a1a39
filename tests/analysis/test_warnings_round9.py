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
