"""A family name alone that the narration follows with the other sex's pronouns is not the
one titled member of that family (`Kemp ... he` beside `Mrs. Kemp`; issue 14)."""

from __future__ import annotations

from tests.analysis.casts import cast_of

FARM = (
    "Mrs. Kemp kept the dairy, and kept it well. Every morning Mrs. Kemp was up before the "
    "hens.\n\n"
    "Kemp came in from the top field at noon, and he threw his hat on the settle. The "
    "cows had broken the fence again.\n\n"
    '"You will mend it before dark," said Mrs. Kemp.\n\n'
    "After dinner Kemp took the hammer, and he went out without a word.\n"
)


def _mentions(cast, name: str) -> int:
    return sum(1 for m in cast.mentions if m.character == name)


def test_a_bare_family_name_followed_by_he_is_not_mrs_kemp():
    cast = cast_of(FARM)
    assert _mentions(cast, "Mrs. Kemp") == 3
    kemp = cast.get("Kemp")
    assert kemp is not None and kemp.gender == "male"


def test_a_bare_family_name_followed_by_she_is_still_mrs_kemp():
    text = FARM.replace(" he ", " she ").replace(" his ", " her ")
    cast = cast_of(text)
    assert cast.get("Kemp") is None
    assert _mentions(cast, "Mrs. Kemp") == 5
