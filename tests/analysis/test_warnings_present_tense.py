"""Present-tense and second-person narration (common in fan fiction) use the act cues'
present forms: "throws him against", "breaks his nose", "drives the blade into", "stops
breathing"."""

from fanarchive.analysis.pipeline import analyze_text


def names(text: str) -> set[str]:
    return {warning.name for warning in analyze_text(text).warnings}


def test_a_fight_in_the_present_tense_is_violence():
    found = names(
        "Marek throws him against the lockers and breaks his nose with one punch. "
        "The boy screams in pain."
    )
    assert "Violence" in found


def test_a_death_in_the_present_tense_is_a_death():
    found = names(
        "She drives the blade into his side and twists, and he stops breathing before she lets go."
    )
    assert {"Violence", "Death"} <= found


def test_present_tense_everyday_force_stays_harmless():
    found = names(
        "He throws his bag onto the bed and slams the door. She breaks the silence with a "
        "laugh and drives them both to the cinema."
    )
    assert not {"Violence", "Death"} & found
