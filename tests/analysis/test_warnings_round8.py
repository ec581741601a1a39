"""Round 8 of the probe set: a fight told by a punch thrown and a lip split, a shooting told
by the shots heard and the pool a body lies in, someone else's blade across a limb, a
captive kept somewhere and restrained, artillery firing all night, a self-harm scene that
starts on the edge of a bath — and a stab in the back that is a betrayal."""

import pytest

from fanarchive.analysis.pipeline import analyze_text
from fanarchive.analysis.warnings.lexicon import classify


def names(text: str) -> set[str]:
    return {warning.name for warning in analyze_text(text).warnings}


@pytest.mark.parametrize(
    "text",
    [
        "Kez threw the first punch, and the whole bar joined in.",
        "We heard the shots from the car park. Inside, the guard lay in a growing pool by the "
        "lifts.",
        "The thief's knife caught Omar across the forearm as he reached for his wallet.",
        "Tom stabbed him in the back with a screwdriver.",
        "Someone stabbed him in the back, and he fell against the bar.",
    ],
)
def test_violence_told_without_hit_is_violence(text):
    assert "Violence" in names(text)


def test_an_attackers_blade_is_not_self_harm():
    found = names("The thief's knife caught Omar across the forearm as he reached for his wallet.")
    assert "Self-Harm" not in found


def test_a_lip_split_by_someone_is_strong_and_a_split_lip_weak():
    assert classify("split his lip").weights["violence"] == 2
    assert classify("lip was split").weights["violence"] == 1
    assert "Violence" not in names("His bottom lip was split from the cold wind on the hill.")


@pytest.mark.parametrize(
    "text",
    [
        "Tom stabbed me in the back at the board meeting, and I never trusted him again.",
        "After three shots of tequila, Dani lay in the paddling pool and sang.",
        "Her knife slipped on the onion and caught her thumb.",
        "The children fired water guns at each other all afternoon.",
    ],
)
def test_betrayal_drinks_kitchens_and_water_guns_are_no_violence_or_war(text):
    assert not {"Violence", "Self-Harm", "War"} & names(text)


def test_a_captive_kept_somewhere_and_restrained_is_an_abduction():
    found = names("The smugglers kept the boy in a shipping container, handcuffed to the wall.")
    assert "Abduction" in found
    assert "Abduction" not in names("Mum kept the dog in the garage, tied to the workbench.")


def test_guns_firing_all_night_are_war():
    assert "War" in names("The guns fired all night along the river, and nobody slept.")


def test_sitting_on_the_edge_of_a_bath_is_no_accident():
    found = names(
        "Sam sat on the edge of the bed and drew the razor along his forearm, because he "
        "deserved it."
    )
    assert "Self-Harm" in found
    assert "Self-Harm" not in names("Sam cut his hand on the edge of the table and swore.")
