"""Warnings, round 15 (fifteenth session, warn15b): hand-written passages for the decisions
kept in docs/warnings.md, "Warnings, round 15 (fifteenth session)"."""

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.warnings import detect_warnings


def names(text: str) -> set[str]:
    document = read_text(text)
    return {w.name for w in detect_warnings(document, find_quotes(document), Cast())}


# A letter left beside a means of dying is the farewell a suicide leaves: the means alone
# is one strong cue (no note), the letter adds to it.
STONES = "Marguerite filled her pockets with stones from the garden wall."
TO_THE_CANAL = " Then she went down to the canal alone."
LETTER = (
    " On the kitchen table she left a letter for her brother, and then she went down to the"
    " canal alone."
)


def test_a_letter_left_beside_a_means_is_a_farewell():
    assert "Suicide" not in names(STONES + TO_THE_CANAL)
    assert "Suicide" in names(STONES + LETTER)


# Letters and notes of an ordinary day are no farewell: the cue only adds to a strong one.
ERRANDS = "He wrote a letter to his grandmother, left a note for the milkman and went to work."


def test_letters_alone_are_no_suicide():
    assert "Suicide" not in names(ERRANDS)
