"""A rank before a given name (issue 14 §2: the cast as a reader would list it). `Captain`,
`Doctor`, `Sergeant` say nothing of gender; the given name after them does, as it does for
a name with no title."""

from __future__ import annotations

from tests.analysis.casts import cast_of

SHIP = (
    '"Hold the line," said Captain John.\n\n'
    '"We cannot hold it much longer," answered the mate.\n\n'
    "Captain John looked at the rigging and the torn sail. The storm went on.\n\n"
    '"Then we run," said Captain John.\n\n'
    '"Doctor Kate will want the wounded below," said the mate.\n\n'
    "Doctor Kate came up from the hold. The deck was wet.\n\n"
    '"Bring them down," said Doctor Kate.'
)


def gender_of(text: str, name: str) -> str:
    character = cast_of(text).get(name)
    assert character is not None, f"{name} not in the cast"
    return character.gender


def test_a_rank_before_a_mans_given_name_gives_his_gender():
    assert gender_of(SHIP, "Captain John") == "male"


def test_a_rank_before_a_womans_given_name_gives_her_gender():
    assert gender_of(SHIP, "Doctor Kate") == "female"


def test_a_rank_before_a_family_name_gives_none():
    text = SHIP.replace("Captain John", "Captain Vrask")
    assert gender_of(text, "Captain Vrask") == "unknown"


def test_pronouns_still_overrule_the_given_names_usual_gender():
    text = SHIP.replace(
        "Doctor Kate came up from the hold.",
        "Doctor Kate came up from the hold and he wiped his hands. He shook his head.",
    )
    assert gender_of(text, "Doctor Kate") == "male"
