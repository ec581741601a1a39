"""One person, one cast entry in fan fiction: a nickname or an insult said to someone is no
character, a clipped name shortening another clipped name joins the full one, and a codename
the narration gives with a naming verb is the same person. Hand-written passages."""

from __future__ import annotations

from fanarchive.analysis.characters import Cast, detect_cast
from fanarchive.analysis.packs import Knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text


def cast_of(text: str) -> Cast:
    document = read_text(text)
    return detect_cast(document, find_quotes(document), Knowledge())


def names(cast: Cast) -> set[str]:
    return {c.name for c in cast.characters}


def test_an_insult_said_to_someone_is_no_character():
    cast = cast_of(
        '"Move it, Pretty Boy!" Marco yelled across the pitch. Leo ignored him.\n\n'
        '"Don\'t call me that, Marco."\n\n'
        '"Sure thing, Pretty Boy." Marco laughed. Leo rolled his eyes and kept running.\n'
    )
    assert names(cast) == {"Marco", "Leo"}


def test_a_two_word_name_that_acts_in_the_narration_is_still_a_character():
    # Only what is said to someone, inside a quotation, is an epithet: `Pretty Boy` acting
    # in the narration is a name the story uses.
    cast = cast_of(
        '"Move it, Pretty Boy!" Marco yelled. Pretty Boy ignored him and kept running. '
        "Marco laughed.\n"
    )
    assert "Pretty Boy" in names(cast)


def test_a_clip_of_a_clip_joins_the_full_given_name():
    # `Kat` shortens both `Kath` and `Katherine`; `Kath` is Katherine's too, so `Kat` is.
    cast = cast_of(
        "Katherine Pierce walked into the bar. Kat always walked like she owned the place.\n\n"
        '"Kat!" Damon called. "Over here."\n\n'
        'Katherine sat down. "Damon. You look awful."\n\n'
        '"Thanks, Kath." Damon pushed a glass to her. Katherine drank it. Kat smiled.\n'
    )
    assert len(cast.characters) == 2
    assert cast.resolve("Kat") is cast.resolve("Katherine") is not None
