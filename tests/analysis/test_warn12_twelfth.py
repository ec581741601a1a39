"""Twelfth session (warn12): missed warnings told without the lexicon's words — a suicide by
poison or by its means, a weapon lodged in a body, soldiers cut down by fire, captivity,
beatings, harm to one's own body (docs/warnings.md, "Missed warnings (twelfth session)").
The passages are written for these tests; the everyday ones use the same words and must stay
without the note. (Dropped candidate: these tests travel with its patch.)
"""

import pytest

from fanarchive.analysis.pipeline import analyze_text


def notes(text: str) -> set[str]:
    return {warning.name for warning in analyze_text(text).warnings}


@pytest.mark.parametrize(
    "text",
    [
        "She crushed the whole strip of pills into her tea, drank it down and lay back to wait.",
        "He mixed the antifreeze into a glass of orange juice so it would go down easier, and"
        " drank the lot.",
        "Rather than be taken alive, the commander swallowed the cyanide pill he had carried"
        " since the war.",
        "The old chemist took poison in his laboratory after the scandal broke.",
        "She laced her own wine with foxglove from the garden and drank it on the terrace.",
        "The soldier turned his pistol on himself rather than be captured.",
        "He threw himself under a train.",
        "She emptied the bottle of sleeping pills into her palm and swallowed them all.",
    ],
)
def test_a_suicide_by_poison_or_by_its_means(text):
    assert "Suicide" in notes(text)


@pytest.mark.parametrize(
    "text",
    [
        "He poured bleach into the bucket of hot water and scrubbed the kitchen floor.",
        "She stirred the sugar into her coffee and drank it slowly.",
        "She bought rat poison for the mice in the barn.",
        "He bit into the capsule of fish oil and grimaced at the taste.",
        "Grandma saved her pills in a little box with the days of the week on it.",
        "She walked into the sea up to her knees and laughed at the cold.",
        "He took poison ivy home on his jeans.",
        "By mistake he took a fatal dose of his wife's heart pills.",
    ],
)
def test_everyday_poisons_pills_and_water_are_no_suicide(text):
    assert "Suicide" not in notes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The arrow took the sentry in the throat and he fell without a sound.",
        "A bullet caught Mara high in the shoulder and spun her around.",
        "He lay at the foot of the stairs with a knife in his chest.",
        "Canister fire cut down half the column before it reached the wall.",
        "The bullet had gone through his lung, and he could not catch his breath.",
        "Private Hale was hit by a sniper as he crossed the road.",
        "They beat him with their rifle butts until he stopped moving.",
        "He backhanded her across the kitchen.",
    ],
)
def test_a_wound_or_a_beating_told_by_the_weapon(text):
    assert "Violence" in notes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The arrow found the bullseye in the centre of the target.",
        "She took a bullet for the team and said nothing at the meeting.",
        "He ran it through the spell-checker twice.",
        "She ran him through the plan one more time.",
        "He was hit by a car on the way home from school.",
        "She beat me with a single move and laughed.",
    ],
)
def test_the_same_words_without_a_wound_are_no_violence(text):
    assert "Violence" not in notes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Two men bundled Tomas into the back of a car outside the bank and drove away.",
        "For six weeks they kept Aida in a shed behind the farmhouse.",
        "Someone snatched Leo from the playground while his mother was on the phone.",
    ],
)
def test_captivity_without_the_word(text):
    assert "Abduction" in notes(text)


@pytest.mark.parametrize(
    "text",
    [
        "He bundled everything into the back of the van and drove to the tip.",
        "She took Leo from the playground to the ice cream van.",
        "For three weeks they kept Milo in a room at the hospital, under observation.",
    ],
)
def test_errands_and_wards_are_no_captivity(text):
    assert "Abduction" not in notes(text)


def test_harm_to_ones_own_body():
    assert "Self-Harm" in notes(
        "After every row, Theo beat his fists against his own skull until the bruises came up."
    )
    assert "Self-Harm" not in notes(
        "She slammed her hand down on the table against her own better judgement."
    )
