"""Probe round 11 (seventh session): a blow told by what it does to a body.

`warnings/scene.py` gives a Violence cue when a blow or a weapon in use comes with an
injured body part of someone, or with a body part and a body going down (docs/warnings.md,
"Probe round 11 (seventh session)"). The passages are written for these tests; the
everyday ones use the same words and must stay quiet.
"""

import pytest

from fanarchive.analysis.pipeline import analyze_text
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.sentences import sentence_index
from fanarchive.analysis.warnings.lexicon import FIGURATIVE_LEXICON
from fanarchive.analysis.warnings.scanner import document_hits
from fanarchive.analysis.warnings.scene import BLOW_WEIGHT, NEXT_SENTENCE_WEIGHT, blow_cues


def notes(text: str) -> set[str]:
    return {warning.name for warning in analyze_text(text).warnings}


def cue_weights(text: str) -> list[float]:
    document = read_text(text)
    index = sentence_index(document)
    figurative = document_hits(document, FIGURATIVE_LEXICON)
    return [weight for _, weight, _ in blow_cues(document.text, index, figurative)]


# Each failed before: the lexicon has no phrase for these blows.
@pytest.mark.parametrize(
    "text",
    [
        "You smack him with the torch, and his lip splits.",
        "Kasia swung the wrench; it struck the foreman's jaw with a crunch, and he went down "
        "among the crates.",
    ],
)
def test_a_blow_with_its_damage_in_one_sentence_is_violence(text):
    assert "Violence" in notes(text)


def test_a_blow_and_a_body_going_down_in_one_sentence_is_the_act():
    assert cue_weights("The bottle hit Marek's temple and he crumpled against the bins.") == [
        BLOW_WEIGHT
    ]


def test_the_damage_told_in_the_next_sentence_is_a_strong_cue_that_needs_company():
    shots = (
        "Two shots cracked across the yard. The sentry clutched at his throat, blood "
        "spilling between his fingers."
    )
    assert cue_weights(shots) == [NEXT_SENTENCE_WEIGHT]
    assert "Violence" in notes(shots)
    # a weapon merely named reaches no further than its own sentence
    assert cue_weights("He kept a rifle by the door. His knuckles were bleeding again.") == []


@pytest.mark.parametrize(
    "text",
    [
        # force on things, and a soft landing
        "He kicked off his boots and fell onto the sofa, his back aching.",
        "She slammed the door and fell onto the bed, burying her face in the pillow.",
        "She slammed the laptop shut and dropped her head onto her arms, her eyes swollen "
        "from crying.",
        # figurative: a look, the air, the news, the wind, a beat, a grin
        "He shot her a look and slumped in his chair, his head in his hands.",
        "He punched the air, grinning, and slumped back in his chair with his hands behind "
        "his head.",
        "Her heart broke when the news hit her, and she sagged against the wall, her hands "
        "over her face.",
        "The wind hit her face as she stepped out, and she staggered, her cheeks red.",
        "The drummer hit every beat, his arms a blur, and the crowd fell silent.",
        "Ilse hit the last note and the choir's faces split into grins.",
        "The photographer's shots of her face were lovely, and she collapsed onto the sofa "
        "with delight.",
        # play among friends
        "She shoved Theo's shoulder playfully and he staggered.",
        "He punched Ravi's arm and Ravi doubled over laughing.",
        # denied, or of earlier
        "Nobody hit him. His jaw wasn't even bruised.",
        "Last week someone punched Sven in the mouth; his lip is still split and healing.",
        # joints that pop, a knock on a beam, a sport
        "Grandad's knees cracked as he knelt, and he hit his head on the low beam.",
        "He kicked the ball past the keeper and fell to his knees, arms raised.",
        "Kit fired off a text and dropped onto the grass, his arms spread wide.",
    ],
)
def test_everyday_force_and_falls_are_no_blow(text):
    assert cue_weights(text) == []
    assert "Violence" not in notes(text)


# Killing needs a living victim (warnings/victims.py). Each of these gave Killing before.
@pytest.mark.parametrize(
    "text",
    [
        "They slaughtered the competition at the regional quiz and went home with the trophy. "
        "Honestly, they murdered every other team, and Jo killed the final round.",
        "The sous-chef butchered the sauce and then massacred the plating; the head chef "
        "wanted to kill him.",
    ],
)
def test_a_kill_verb_on_a_thing_is_no_killing(text):
    assert "Killing" not in notes(text)


@pytest.mark.parametrize(
    "text",
    [
        "He killed the guard and murdered the cook before dawn.",
        "She killed the Doctor. Then she murdered the beast that had followed her.",
        "They slaughtered the villagers and killed every child they found.",
    ],
)
def test_a_kill_verb_on_a_person_a_name_or_a_creature_stays_killing(text):
    assert "Killing" in notes(text)


@pytest.mark.parametrize(
    ("after", "thing"),
    [
        (" it at the open mic", True),
        (" that.", True),
        (" the whole mood", True),
        (" that man", False),
        (" the old dog", False),
        (" our Ellie", False),
        (" him", False),
    ],
)
def test_the_object_decides(after, thing):
    from fanarchive.analysis.warnings.scanner import Hit
    from fanarchive.analysis.warnings.victims import kills_a_thing

    text = "She killed" + after
    assert kills_a_thing(text, Hit(4, 10, "killed")) is thing


# Read again by the lead on everyday sentences: both gave a Violence note (boots pulled on
# counted as a weapon; a kitchen knife's slip as a blow).
@pytest.mark.parametrize(
    "sentence",
    [
        "Wen pulled on his boots, stumbled down the stairs half asleep, and rubbed his face.",
        "The knife slipped while Ilse was chopping onions, and she stared at the blood on her "
        "finger.",
    ],
)
def test_boots_worn_and_a_kitchen_mishap_are_no_blow(sentence):
    text = "Everyone came home late.\n\n" + sentence + "\n\nThen they had dinner and talked.\n"
    assert "Violence" not in notes(text)


def test_a_blow_in_a_sentence_that_tells_no_mishap_stays_violence():
    text = "The knife went into the guard's side, and blood poured over his hands."
    assert "Violence" in notes(text)
