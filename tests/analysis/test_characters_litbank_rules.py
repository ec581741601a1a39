"""Cast rules from LitBank's tune-side errors (issue 14): invented passages, one per rule."""

from __future__ import annotations

from fanarchive.analysis.characters import Cast, detect_cast
from fanarchive.analysis.packs import Knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text


def cast_of(text: str) -> Cast:
    document = read_text(text)
    return detect_cast(document, find_quotes(document), Knowledge())


def owners(text: str, cast: Cast, surface: str) -> list[str]:
    """The character each mention written exactly `surface` was given, in text order."""
    return [m.character for m in cast.mentions if text[m.start : m.end] == surface]


AUNT = (
    "Nora had lived with her aunt Brandt since the spring. Mrs. Brandt was a tall woman who "
    "never raised her voice. General Brandt was away with his regiment.\n\n"
    "Her aunt Brandt poured the tea and asked about the village. Nora told her everything.\n\n"
    '"You must write to the General," said Mrs. Brandt. General Brandt wrote back at once.\n'
)


def test_a_family_name_after_a_kin_noun_is_the_relative_of_that_gender():
    # A bare family name is usually a man's (`Fitzwilliam` the colonel), but `her aunt
    # Brandt` is the one woman of the family, not General Brandt.
    cast = cast_of(AUNT)
    assert owners(AUNT, cast, "Brandt") == ["Mrs. Brandt", "Mrs. Brandt"]
    assert {c.name for c in cast.characters} >= {"Mrs. Brandt", "General Brandt", "Nora"}


def test_a_bare_family_name_with_no_kin_noun_still_goes_to_the_titled_man():
    text = AUNT.replace("her aunt Brandt", "Brandt").replace("Her aunt Brandt", "Brandt")
    cast = cast_of(text)
    assert set(owners(text, cast, "Brandt")) == {"General Brandt"}
