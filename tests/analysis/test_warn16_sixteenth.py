"""Warnings, round 16 (sixteenth session, warn16): hand-written passages for the decision
kept in docs/warnings.md, "Warnings, round 16 (sixteenth session)"."""

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.warnings import detect_warnings


def names(text: str) -> set[str]:
    document = read_text(text)
    return {w.name for w in detect_warnings(document, find_quotes(document), Cast())}


# A taking told beside a party or a surprise is a game: its cues weigh half.
HEN_NIGHT = (
    "The bridesmaids kidnapped Ottoline from the office at five o'clock. They took her to"
    " a karaoke bar for her hen night, still in her work shoes."
)
# The same taking with nothing festive near it keeps its note.
TAKEN = (
    "The men kidnapped Ottoline from the office at five o'clock. They took her to a"
    " warehouse by the docks, still in her work shoes."
)


def test_a_kidnapping_for_a_hen_night_is_no_abduction():
    assert "Abduction" not in names(HEN_NIGHT)


def test_a_kidnapping_with_nothing_festive_near_keeps_its_note():
    assert "Abduction" in names(TAKEN)


# A kill verb done to "me" or "us" is told by the one it was done to, alive: figurative.
WORN_OUT = (
    "Marguerite came in from the hill run and lay flat on the kitchen floor. The last mile"
    " killed me, she told the ceiling, and the spin class on Monday murdered us all."
)
# Done to someone else, the killing stays.
THE_SHEPHERD = (
    "The men came in from the hill and found the shepherd on the kitchen floor. Someone had"
    " killed him in the night, and the dogs had not barked."
)


def test_killed_me_is_no_killing():
    assert not {"Killing", "Death", "Violence"} & names(WORN_OUT)


def test_killed_him_keeps_its_notes():
    assert {"Killing", "Death"} <= names(THE_SHEPHERD)
