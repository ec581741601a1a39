"""Role epithets, second pass (characters/epithets.py): the turn a role takes in a scene's
talk, and roles of two words. Hand-written passages; each fails on the code before it."""

from __future__ import annotations

from tests.analysis.casts import cast_of
from tests.analysis.test_characters_role_epithets import owner_at

BEAT = (
    "Aldo Brisk and Tomas Wick waited by the cart in the rain.\n\n"
    "\u201cLate again.\u201d Tomas kicked the wheel.\n\n"
    "The tinker shrugged his shoulders. \u201cRoads are bad.\u201d\n"
)


def test_a_role_in_a_line_s_paragraph_is_not_the_speaker_of_the_line_before():
    # The tinker's paragraph holds a line: he speaks it, so he is not Tomas, who spoke the
    # turn before (turns alternate), but the other man the scene names.
    assert owner_at(cast_of(BEAT), BEAT, "The tinker") == "Aldo Brisk"


WIND = (
    "Tom Hart and Ann Hart sat up late by the fire.\n\n"
    "Ann leaned over the chair. \u201cGo to sleep.\u201d\n\n"
    "The wind sighed in the pines.\n"
)


def test_a_speech_verb_after_the_paragraph_break_is_no_tag():
    # `sighed` a paragraph after Ann's line tags nothing: the wind is not a person.
    assert owner_at(cast_of(WIND), WIND, "The wind") is None


HUNTER = (
    "Rook Varga and Mira Quill shared a table at the back of the cantina.\n\n"
    "\u201cDrink?\u201d Mira asked.\n\n"
    "The bounty hunter shook his head and kept his eyes on the door.\n"
)


def test_a_role_of_two_words_is_read_whole():
    assert owner_at(cast_of(HUNTER), HUNTER, "The bounty hunter") == "Rook Varga"


FIRESIDE = (
    "Aldo Brisk and Tomas Wick sat up late by the fire.\n\n"
    "The tinker stretched his legs out towards the coals.\n\n"
    "The miller rubbed his hands together. Aldo yawned.\n"
)


def test_a_role_another_role_stands_for_later_in_the_text_is_left_out_too():
    cast = cast_of(FIRESIDE)
    # The miller is Tomas (Aldo is the next sentence's), so the tinker, read before it, is Aldo.
    assert owner_at(cast, FIRESIDE, "The miller") == "Tomas Wick"
    assert owner_at(cast, FIRESIDE, "The tinker") == "Aldo Brisk"


DIRECTOR = (
    "Director Okoro read your report twice. Then she folded her hands on top of it.\n\n"
    "\u201cYou were told to stay in the van.\u201d\n\n"
    "\u201cYes, ma'am.\u201d\n\n"
    "Okoro turned a page. Okoro turned another.\n\n"
    "You looked at the window, at the carpet, at anything else. The rain had started again, "
    "and somewhere down the corridor a printer was jamming. Nobody said anything for a long "
    "time. You counted the ceiling tiles. There were forty-two, and one of them was stained "
    "in the shape of a dog, or possibly a small country. You had been in this room once "
    "before, on your first day, and it had seemed bigger then. The chair had been softer. "
    "The coffee had been better, too, though that was not saying much.\n\n"
    "The director took off her glasses and rubbed her eyes.\n"
)


def test_a_rank_the_text_puts_before_a_name_is_that_persons_role_however_far():
    # `Director` is no title the cast knows, but the text writes it before Okoro's name: the
    # director who takes off her glasses paragraphs later is Okoro, in a story told to a you.
    assert owner_at(cast_of(DIRECTOR), DIRECTOR, "The director") == "Okoro"


KNIGHT = (
    "Ser Bram Holt found Prince Toma on the wall after the feast. Bram bowed.\n\n"
    "\u201cDid you speak to the princess?\u201d Toma asked.\n\n"
    "\u201cShe asked me whether the tower was haunted,\u201d said the knight, "
    "\u201cand when I told her no, she seemed disappointed.\u201d\n\n"
    "Lady Wren Ashby came up the steps an hour later with her skirts in her fists.\n"
)


def test_a_pronoun_inside_the_line_a_role_speaks_is_not_the_roles():
    # The knight's line talks about the princess (`her`, `she`): the knight is no woman, so
    # not Lady Wren, the one woman named within reach.
    owner = owner_at(cast_of(KNIGHT), KNIGHT, "the knight")
    assert owner != "Lady Wren Ashby"
