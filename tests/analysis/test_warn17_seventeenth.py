"""Warnings, round 17 (seventeenth session, warn17): hand-written passages for the decision
kept in docs/warnings.md, "Warnings, round 17 (seventeenth session)"."""

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.warnings import detect_warnings

HARM = {"Violence", "Killing", "Death"}


def names(text: str) -> set[str]:
    document = read_text(text)
    return {w.name for w in detect_warnings(document, find_quotes(document), Cast())}


# An everyday event called a massacre or a slaughter is figurative.
BAD_MEETING = (
    "The staff meeting was a massacre. Afterwards Jonah sat at his desk eating ginger"
    " biscuits until the light went."
)
BAD_AUDITION = (
    "Wren's audition had been a total slaughter, and she said so twice on the bus home,"
    " then bought chips and felt better."
)
# A massacre done to people keeps its notes.
RAID = (
    "The raiders came over the ridge at dawn. By noon they had massacred the villagers in the"
    " square, and the well was full of bodies."
)


def test_a_meeting_called_a_massacre_gives_no_harm_note():
    assert not names(BAD_MEETING) & HARM


def test_an_audition_called_a_slaughter_gives_no_harm_note():
    assert not names(BAD_AUDITION) & HARM


def test_a_massacre_of_villagers_keeps_its_notes():
    assert "Killing" in names(RAID)


# A killing verb done to a thing is no death either (LIVING_VICTIM), as it was no killing.
ENCORE = (
    "Kit walked on last at the talent show and absolutely massacred it. Then she murdered"
    " that encore too, and the judges stood on their chairs."
)
# Done to people, the death stays.
SQUARE = (
    "At noon the soldiers murdered the prisoners in the square. By evening the women were"
    " burying them behind the chapel."
)


def test_a_performance_massacred_gives_no_death():
    assert not names(ENCORE) & HARM


def test_prisoners_murdered_keep_their_death():
    assert "Death" in names(SQUARE)


# A note left in the sentence of a means of dying counts in full, as in the next sentence.
LETTER_AND_PILLS = (
    "Marta propped a letter against the kettle, swallowed the whole bottle of sleeping pills"
    " and went upstairs to lie down."
)
# A letter with no means beside it is no farewell.
LETTER_ALONE = (
    "Marta propped a letter against the kettle for the window cleaner, swallowed the last of"
    " her tea and went upstairs to lie down."
)


def test_a_letter_beside_the_pills_is_a_suicide():
    assert "Suicide" in names(LETTER_AND_PILLS)


def test_a_letter_alone_is_no_suicide():
    assert "Suicide" not in names(LETTER_ALONE)
