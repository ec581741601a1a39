"""Fan fiction the rules never saw (seventeenth session; docs/evaluation.md, "Fan-fiction
speakers and cast (seventeenth session)").

A thing that opens a story's sentence (`The car smells like cold fries.`) is no description
of the person named right after it (`Rosa has her feet on the dashboard`): the introduction
rule of characters/apposition.py links only a description that is someone (a pronoun of its
own, a person's head noun, or a tag somewhere), so a real epithet stays its person's."""

from __future__ import annotations

import pytest

from fanarchive.analysis.pipeline import analyze_document
from fanarchive.analysis.reading import read_text
from tests.analysis.casts import cast_of


def surfaces_of(text: str) -> dict[str, set[str]]:
    characters = analyze_document(read_text(text)).characters
    return {c.name: {c.name, *c.aliases} for c in characters}


@pytest.mark.parametrize(
    "text, thing",
    [
        pytest.param(
            "The van smells like wet dog and diesel. Priya has her boots up on the glovebox, "
            "and Tomas is fiddling with the radio at the lights.\n\n"
            '"Leave it," Priya says.\n\n'
            '"It\'s my van," Tomas says. "I get the music."\n\n'
            "She rolls her eyes. The lights change.\n",
            "the van",
            id="a van",
        ),
        pytest.param(
            "The bakery smells of cinnamon and burnt sugar. Odile is behind the till, and "
            "Bram is stacking trays by the oven.\n\n"
            '"Are the buns out?" Bram asks.\n\n'
            '"Five minutes," Odile says.\n',
            "the bakery",
            id="a shop",
        ),
    ],
)
def test_a_thing_opening_the_story_is_no_alias_of_the_next_named(text, thing):
    for name, surfaces in surfaces_of(text).items():
        assert thing not in {s.lower() for s in surfaces}, name


def test_a_real_epithet_before_the_name_still_links():
    text = (
        "The witcher did not look up from his stew. Geralt had been on the road for a "
        "week, and the inn was warm.\n\n"
        '"You could say hello," said Jaskier, sitting down across from him.\n\n'
        '"Hello," Geralt said.\n\n'
        "Jaskier sighed and stole a piece of his bread. Geralt let him, and Jaskier grinned.\n"
    )
    cast = cast_of(text)
    start = text.index("The witcher did")
    owner = next((m.character for m in cast.mentions if m.start == start), None)
    assert owner == "Geralt"
    assert "the witcher" in {s.lower() for s in surfaces_of(text)["Geralt"]}


def test_a_description_that_speaks_links_without_a_pronoun():
    # No pronoun after `The chief`, but the chief talks: someone, not a thing.
    text = (
        "The chief ducks through the hatch. Kowalczyk hasn't slept in a week.\n\n"
        '"Report," the chief says.\n\n'
        'Dube straightens up. "Nothing on the scopes, sir."\n\n'
        "Kowalczyk nods. Dube goes back to the scopes, and Kowalczyk watches the dark.\n"
    )
    cast = cast_of(text)
    start = text.index("the chief says")
    assert next((m.character for m in cast.mentions if m.start == start), None) == "Kowalczyk"
