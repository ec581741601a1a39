"""A name in apposition to a place or a thing (`the planet Mars`, `the river Thames`, `the
ship Fuwalda`) names that place or thing, not a person (The War of the Worlds, LitBank
tune); after the same nouns a name that begins a clause (`the house Jane had bought`) is
still someone."""

from __future__ import annotations

from tests.analysis.casts import cast_of, names

PLANET = (
    "No one believed that the inhabitants of Mars were men. The planet Mars, the "
    "astronomers said, is older than the earth, and for centuries Mars has been the star of "
    "war.\n\nAs Mars approached opposition, the observers studied the condition of Mars each "
    "night. Ogilvy saw a flash upon Mars, and a missile started from Mars before dawn.\n"
)


def test_a_name_apposed_to_a_planet_is_no_one():
    assert "Mars" not in names(cast_of(PLANET))


def test_a_name_beginning_a_clause_after_a_place_noun_is_someone():
    text = (
        "The house Ellery had bought stood at the end of the lane. Ellery walked up to it in "
        "the rain. The house Ellery loved was dark.\n\n"
        '"Nobody home," said Ellery.\n'
    )
    assert "Ellery" in names(cast_of(text))
