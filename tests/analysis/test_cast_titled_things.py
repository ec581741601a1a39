"""A title English writes before a person's name without an article (`Mr.`, `Captain`,
`Admiral`) names an inn or a ship when the text always puts `the` before it: `my father kept
the Admiral Benbow inn` (Treasure Island, LitBank tune). Titles that take `the` before a
person (`the Widow Douglas`, `the Duke`) are left alone."""

from __future__ import annotations

from tests.analysis.casts import cast_of, names

INN = (
    "My father kept the Admiral Benbow inn on the coast road. When a seaman put up at the "
    "Admiral Benbow, Captain Smollett would come down to hear the news.\n\n"
    '"A fine night," said Captain Smollett, and my father agreed.\n\n'
    "Nobody stayed long at the Admiral Benbow in winter.\n"
)


def test_a_titled_name_always_after_the_is_an_inn():
    cast = names(cast_of(INN))
    assert "Admiral Benbow" not in cast
    assert "Captain Smollett" in cast


def test_a_titled_name_without_the_is_a_person():
    text = INN.replace("the Admiral Benbow inn", "Admiral Benbow's inn").replace(
        "Nobody stayed long at the Admiral Benbow", "Admiral Benbow never stayed long"
    )
    assert "Admiral Benbow" in names(cast_of(text))


def test_a_title_that_takes_the_still_names_a_person():
    text = (
        "The Widow Douglas took me for her son. The Widow Douglas cried over me and called "
        "me a poor lost lamb.\n\n"
        '"You will sit up straight," said the Widow Douglas.\n'
    )
    assert "Widow Douglas" in names(cast_of(text))
