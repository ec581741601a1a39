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
