"""A capitalised name ending in an English noun for a place or a facility (`the Colony`,
`Harmon Creek`, `Saint Ives Gaol`) is no character unless it speaks (issue 14)."""

from __future__ import annotations

from tests.analysis.casts import cast_of

VOYAGE = (
    "Captain Hale had been three months at sea when the ship put in at the British West "
    "Coast Colony. That evening the Colony sent a boat, and the Colony sent letters for "
    "every man aboard.\n\n"
    '"We sail at dawn," said Captain Hale.\n'
)

RIVER = (
    "Mara rode all day and came at dusk to Harmon Creek, where the water ran brown. "
    "Harmon Creek rose in the night and took the ford, and Mara slept on the bank.\n"
)


def names(text: str) -> set[str]:
    return {c.name for c in cast_of(text).characters}


def test_a_colony_that_sends_boats_is_no_character():
    found = names(VOYAGE)
    assert "Colony" not in found
    assert "Captain Hale" in found


def test_a_creek_that_rises_is_no_character():
    assert "Harmon Creek" not in names(RIVER)


def test_a_place_noun_that_speaks_is_still_a_character():
    text = '"Stay," said Creek. Creek shook his head. "Stay," said Creek again.\n'
    assert "Creek" in names(text)
