"""Round 7 of the probe set (issue 15's list): suicides by poison, a fall and a car's exhaust
told without the word, a weapon brought down on a body, combat in a war (a shell that takes
a man's legs, soldiers cut or mown down, men going over the top) and a death told by the
machines switched off, each with the everyday uses the same words have."""

import pytest

from fanarchive.analysis.pipeline import analyze_text
from fanarchive.analysis.warnings.lexicon import CUE_LEXICON, classify
from fanarchive.analysis.warnings.scanner import scan, without_positive_lookarounds


def names(text: str) -> set[str]:
    return {warning.name for warning in analyze_text(text).warnings}


@pytest.mark.parametrize(
    "text",
    [
        "Jude tipped the last of the arsenic into his wine and drank it, then left a farewell "
        "note on the table.",
        "Lena jumped from the bridge. Her note said she was sorry for everything.",
        "Callum shut the garage door, climbed into the back seat with the engine running, and "
        "waited for the exhaust to take him.",
        "Before dawn she swallowed the weedkiller, and her last letter said that nobody should "
        "blame themselves.",
    ],
)
def test_a_suicide_told_by_its_means_and_its_farewell_is_suicide(text):
    assert "Suicide" in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Grandad poured the bleach into the bucket and mopped the floor.",
        "The countess stirred the poison into her husband's soup and watched him eat.",
        "His last letter from the front arrived in May. The note on the fridge said he was "
        "sorry about the dishes.",
        "She shut the garage door behind her and left the engine running while she fetched "
        "her bag.",
        "Dad poured antifreeze into the radiator and weedkiller on the path.",
    ],
)
def test_one_means_alone_or_a_chore_is_no_suicide(text):
    found = names(text)
    assert "Suicide" not in found and "Death" not in found


def test_a_weapon_brought_down_on_a_body_is_violence():
    assert "Violence" in names("Ortiz swung the pipe into the guard's ribs, and the guard folded.")
    assert "Violence" in names("She brought the club down across the man's skull.")


def test_a_hammer_on_ones_own_thumb_is_no_violence():
    found = names("Dad brought the hammer down on his own thumb while he was hanging the picture.")
    assert "Violence" not in found


def test_a_limb_bent_the_wrong_way_is_a_graphic_injury_that_needs_company():
    hit = classify("knee bent the wrong way")
    assert hit.weights == {"violence": 2} and hit.graphic
    assert "Violence" not in names("Her knee bent the wrong way when she landed on the trampoline.")


@pytest.mark.parametrize(
    "text",
    [
        "The shell took both his legs at the knee.",
        "The archers were cut down by machine-gun fire before they reached the wall.",
        "The protesters were mown down by machine-gun fire.",
        "The cavalry mowed them down as they ran.",
    ],
)
def test_combat_that_maims_or_cuts_down_soldiers_is_violence(text):
    assert "Violence" in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "We cut down the old pine, and Mum said we should all cut down on sugar.",
        "The mowers mowed down the long grass by the river.",
    ],
)
def test_trees_grass_and_sugar_cut_down_are_no_violence(text):
    assert "Violence" not in names(text)


def test_going_over_the_top_of_a_trench_is_war_and_a_costume_over_the_top_is_not():
    assert "War" in names(
        "The men went over the top when the whistle blew, and the machine guns opened up."
    )
    assert "War" not in names(
        "Her costume went way over the top, and the party went over the top into absurdity."
    )


def test_life_support_switched_off_is_a_death_and_machines_in_the_laundry_are_not():
    assert "Death" in names(
        "At noon the doctors switched off the machines, and the family sat with Ada until the end."
    )
    assert "Death" in names(
        "The consultant turned off the ventilator, and the family sat with Ada until the end."
    )
    assert "Death" not in names(
        "The night nurse switched off the machines in the laundry and went home."
    )


# --- the everyday sentences the round's cues first fired on (review) ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A sharp shell tore her foot open on the beach.",
        "The shell ripped his hand as he pulled it from the sand.",
        "Dad brought the hammer down on the nail head.",
        "The weeds were tall, so Dad mowed them down in an hour.",
        "The bowling ball mowed them down, every pin.",
    ],
)
def test_a_seashell_a_nail_and_weeds_are_no_violence(text):
    assert "Violence" not in names(text)


@pytest.mark.parametrize(
    "surface",
    [
        "final note",  # "She played the final note and the hall went quiet."
        "last letter",  # "He typed the last letter in the word."
        "emptied the old rat poison",  # "... into the bin and washed his hands."
        "mixed the slug poison",  # "... into the soil around the lettuces."
    ],
)
def test_a_song_a_word_game_and_garden_chores_are_no_suicide_cue(surface):
    assert "suicide" not in classify(surface).weights


@pytest.mark.parametrize(
    "surface",
    [
        "stirred the whole packet of rat poison into her tea",
        "wrote a last letter",
        "last letter said",
        "mowed them down as they",
        "mortar tore his legs",
        "shell took both his legs",
        "shell tore his arm off",  # a shell's tearing counts with "off"
        "brought the bat down on the back of his head",
        "swung the pipe into the side of the guard's head",
    ],
)
def test_the_rounds_cues_still_name_what_they_were_written_for(surface):
    assert classify(surface).weights


@pytest.mark.parametrize(
    "sentence, category",
    [
        ("They stood by the grave.", "death"),
        ("She laid flowers on the grave of her son.", "death"),
        ("He had cut himself again.", "self_harm"),
    ],
)
def test_a_cue_whose_pattern_looks_ahead_is_weighed(sentence, category):
    # The scanner checks a cue's lookahead in the text; classify sees the surface alone,
    # and before it gave "grave" of "grave." no weight at all.
    (hits,) = scan(sentence, [CUE_LEXICON])
    assert any(classify(hit.surface).weights.get(category) for hit in hits)


def test_positive_lookarounds_are_removed_and_the_rest_kept():
    assert without_positive_lookarounds(r"graves?(?=[.,;!?]| (?:of|in))|tomb") == "graves?|tomb"
    assert (
        without_positive_lookarounds(r"(?<=\bthe )cut(?! me)[(?=]x\(?=") == r"cut(?! me)[(?=]x\(?="
    )


def test_a_football_shot_over_the_top_and_a_nurse_going_home_are_no_war_or_death():
    assert "War" not in names("Her shot went over the top when the whistle blew.")
    assert "Death" not in names("The nurse switched off the monitors and went home.")
    assert "War" in names("At zero hour the men went over the top into the machine-gun fire.")
