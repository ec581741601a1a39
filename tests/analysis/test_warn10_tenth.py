"""Tenth session: rules' precision and recall read from the tune side (docs/warnings.md,
"Warnings (tenth session)"). The passages are written for these tests; the everyday ones use
the same words and must keep (or stay without) their notes.
"""

import pytest

from fanarchive.analysis.pipeline import analyze_text
from fanarchive.analysis.warnings import victims


def notes(text: str) -> set[str]:
    return {warning.name for warning in analyze_text(text).warnings}


# Harm done with a look or a word: each gave a Violence, Killing or Death note before.
@pytest.mark.parametrize(
    "text",
    [
        "Across the boardroom table, Odile impaled him with that withering glare and waited.",
        "Grandma skewered the vicar with a single raised eyebrow, and he stopped talking.",
        "Priya stabbed him with another pointed question about the budget.",
    ],
)
def test_harm_done_with_a_look_or_a_word_is_no_violence(text):
    assert not notes(text) & {"Violence", "Killing", "Death", "Graphic Depictions Of Violence"}


@pytest.mark.parametrize(
    "text",
    [
        "The raider impaled the farmer with a spear and left him face down in the mud.",
        "Rourke struck the sentry with the butt of his rifle, and the man fell, his nose broken.",
        "Mara stabbed him with a kitchen knife, twice, in the stomach.",
    ],
)
def test_harm_done_with_a_weapon_keeps_its_violence(text):
    assert "Violence" in notes(text)


def test_a_body_lying_dead_with_its_eyes_open_is_still_a_death():
    text = "The sentry lay dead with his eyes open, a bayonet through his chest."
    assert "Death" in notes(text)


# Harm to one's own body until it bleeds, told by the head or the fist and what it meets,
# or by a bite: each gave no Self-Harm note before.
@pytest.mark.parametrize(
    "text",
    [
        "In the locked stairwell Teodor knocked his head against the bricks, over and over, "
        "until the skin broke.",
        "Wen hit the bathroom wall until her knuckles split, and it was the first quiet she "
        "had felt all week.",
        "Under the duvet Sunniva bit down on the back of her hand until she tasted blood.",
    ],
)
def test_harm_to_ones_own_body_until_it_bleeds_is_self_harm(text):
    assert "Self-Harm" in notes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ollie banged his head on the cupboard door getting the cereal down.",
        "Dee punched the wall when the team lost, then iced her hand and laughed about it.",
        "He punched the guard in the face until his knuckles split.",
        "She knocked on the door until her knuckles were raw, but nobody came.",
        "The boxer hit the heavy bag until his knuckles bled through the wraps.",
    ],
)
def test_knocks_blows_on_others_and_training_are_not_self_harm(text):
    assert "Self-Harm" not in notes(text)


# The graphic verbs need a living victim for the Violence rule, as kill verbs do for
# Killing: each gave a Violence note before.
@pytest.mark.parametrize(
    "text",
    [
        "Tobi decapitated the strawberries and threw them into the blender.",
        "The puppy disembowelled the new squeaky hedgehog in under a minute.",
        "Ines skewered the halloumi and the peppers for the barbecue.",
        "Aunt Bea strangled the last few notes out of her accordion.",
    ],
)
def test_a_graphic_verb_on_a_thing_is_no_violence(text):
    assert "Violence" not in notes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers decapitated the prisoners and left them in the square.",
        "Marek beheaded the traitor in front of the whole court.",
        "The knight impaled Rurik on the gatepost and rode on.",
        "The wolf sprang, and Ana impaled it on her boar spear.",
        "He strangled the guard with his own belt.",
        "He throttled the life out of the informer in the alley behind the bar.",
    ],
)
def test_a_graphic_verb_on_someone_keeps_its_violence(text):
    assert "Violence" in notes(text)


# A thing meeting someone's head or face, told by the meeting: no Violence note before.
@pytest.mark.parametrize(
    "text",
    [
        "He grabs a fistful of your hair and drives your face into the counter, once, twice.",
        "The heavy ashtray cracks against Mirela's jaw, and the room tilts.",
        "The thrown mug shattered against his temple.",
    ],
)
def test_a_thing_meeting_someones_head_is_violence(text):
    assert "Violence" in notes(text)


@pytest.mark.parametrize(
    "text",
    [
        "A slow smile broke across his face.",
        "A grin cracked across Tam's face.",
        "The wave crashed over her head and she came up spluttering.",
        "The sleet smashed against her face all the way home from the station.",
    ],
)
def test_a_smile_or_the_weather_across_a_face_is_no_violence(text):
    assert "Violence" not in notes(text)


# The lead's review: strikers are a list of hard things and blows, not of exceptions.
@pytest.mark.parametrize(
    "text",
    [
        "Confusion broke across his face.",
        "A look of horror broke across her face.",
        "A frown cracked across his face.",
        "Thunder cracked over his head and the rain came down harder.",
        "A wave of nausea crashed over her head.",
    ],
)
def test_a_feeling_or_the_sky_over_a_head_is_no_violence(text):
    assert "Violence" not in notes(text)


def test_a_curly_apostrophe_names_the_one_struck_too():
    assert "Violence" in notes(
        "The heavy ashtray cracks against Mirela\u2019s jaw, and the room tilts."
    )


# Eyes, a smile or a grin tell how a real blow was dealt, not that it was only a look.
def test_a_blow_dealt_with_a_grin_keeps_its_violence():
    text = "Mara stabbed him with a grin, twice, in the stomach, and he bled out on the tiles."
    assert "Violence" in notes(text)


@pytest.mark.parametrize(
    ("text", "a_look"),
    [
        ("shot the cashier with his eyes closed", False),
        ("stabbed him with a grin", False),
        ("impaled him with that withering glare", True),
    ],
)
def test_only_a_look_or_a_word_is_the_instrument_of_no_harm(text, a_look):
    assert (victims.WITH_A_LOOK_RE.match(text) is not None) is a_look


# One bangs on a locked door to get out, and beats the floor in grief: no Self-Harm.
@pytest.mark.parametrize(
    "text",
    [
        "He banged the door until his fists were raw, but the kidnappers never came back.",
        "She hit the floor until her hands were bloody, sobbing over his body.",
    ],
)
def test_a_door_or_a_floor_beaten_is_not_self_harm(text):
    assert "Self-Harm" not in notes(text)


@pytest.mark.parametrize(
    "text",
    ["Rosa skewered the peppers for the grill.", "He decapitated the sunflowers with a stick."],
)
def test_a_plural_thing_ending_like_a_doer_is_still_a_thing(text):
    assert "Violence" not in notes(text)
