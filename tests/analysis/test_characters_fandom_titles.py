"""Modern and fandom titles make a person of the name after them, even named once (issue 14):
`Coach Draper` in a sports AU, `Ser Caradoc` in a fantasy,
`Headmaster Okonkwo` at a school."""

from __future__ import annotations

import pytest

from fanarchive.analysis.characters.lexicon import title_key
from tests.analysis.casts import cast_of

BUS = """The back row was loud until the door up front opened and Coach Draper came down the \
aisle with a clipboard.

"Sullivan."

"Coach."

Draper looked at them for a long moment. Then he sighed.

"Feet down," he said. "Six a.m. skate tomorrow."
"""


def test_a_coach_named_once_is_a_character():
    cast = cast_of(BUS)
    assert cast.get("Coach Draper") is not None
    assert "Coach" not in {c.name for c in cast.characters}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The knight was tired. Ser Caradoc set his sword on the anvil and waited.", "Ser Caradoc"),
        (
            "At the gate, Headmaster Okonkwo raised a hand, and the hall went quiet.",
            "Headmaster Okonkwo",
        ),
        ("Minister Varga signed the order without reading it, then left.", "Minister Varga"),
    ],
)
def test_a_fandom_title_makes_a_person_of_the_name_after_it(text, name):
    assert cast_of(text).get(name) is not None


def test_dean_stays_a_given_name_not_a_title():
    assert title_key("Dean") is None
    cast = cast_of('"Sammy," Dean said. Dean Winchester grinned at his brother. "Road trip."')
    assert any(c.name.startswith("Dean") for c in cast.characters)


LIARS_MOON = """The hatch hisses. Captain Rask ducks through it with frost in her eyebrows.

“Liar's Moon,” she says. “On my ship.”

“It's educational, Cap.”

“Cap, I think I love you.”

“Everyone does, Montenegro. Deal.”
"""


def test_a_clipped_title_is_the_one_person_holding_it():
    cast = cast_of(LIARS_MOON)
    assert "Cap" not in {c.name for c in cast.characters}
    assert "Cap" in cast.get("Captain Rask").aliases


def test_a_clipped_title_with_two_holders_stays_apart():
    text = LIARS_MOON + "\nCaptain Vos laughed. “Cap is right,” said Captain Vos.\n"
    assert "Cap" not in cast_of(text).get("Captain Rask").aliases
