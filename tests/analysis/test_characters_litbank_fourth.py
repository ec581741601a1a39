"""Cast rules from LitBank's tune-side errors, fourth session: invented passages, one per
rule, each failing on the code before it."""

from __future__ import annotations

from tests.analysis.casts import cast_of, names

FORT = (
    "The colony had built two forts on the lake. The men marched at dawn for Charles "
    "Edward, the post at the head of the water, where the walls were still green timber.\n\n"
    "Nobody in the company trusted the guide. The road to Charles Edward ran through the "
    "swamp, and the sergeant cursed it all the way.\n"
)


def test_a_given_name_that_is_only_somewhere_is_a_place():
    # `Charles Edward`, both words given names, is where the men march and a post: it does
    # nothing a person does and neither word is said alone, so it is a fort, no one.
    assert "Charles Edward" not in names(cast_of(FORT))


SAILOR = (
    "The letter came for Walter Brandt, the old sailor at the end of the lane. It was the "
    "second letter in a week for Walter Brandt, and the postman grumbled about the hill.\n"
)


def test_a_given_name_set_beside_a_person_noun_is_someone():
    # The same shape with `the old sailor` after it: a person, as before.
    assert "Walter Brandt" in names(cast_of(SAILOR))


SHIP = (
    "We sailed on the mail boat to Henry Grey, a port of the northern coast, and saw the "
    "lights of Henry Grey from the deck. Henry had wanted to come, but his mother kept him.\n"
)


def test_a_given_name_said_alone_keeps_the_full_name_a_person():
    # `Henry` is said alone (`Henry had wanted to come`): the full name may be his (a
    # reader cannot tell the port from the boy here), so it stays a person, as before.
    assert "Henry Grey" in names(cast_of(SHIP))
