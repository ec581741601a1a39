"""One person, one cast entry: a title before a given name (`Mr. Frodo`, how a servant, a
child or a friend of the family speaks to someone) names the one full name with that given
name, not a `Frodo` family. Hand-written passages."""

from __future__ import annotations

from tests.analysis.casts import cast_of


def _entry(cast, alias):
    return [c for c in cast.characters if alias == c.name or alias in c.aliases]


def test_mr_before_a_given_name_joins_the_full_name():
    cast = cast_of(
        "Pip Tallow was polishing the boots when Corwin Ashby came down the stairs.\n\n"
        '"Your breakfast is ready, Mr. Corwin," said Pip. "Eggs, the way you like them."\n\n'
        'Corwin laughed. "You spoil me, Pip."\n\n'
        '"Somebody has to, Mr. Corwin." Pip set the plate down, and Corwin ate.\n'
    )
    corwin = _entry(cast, "Corwin Ashby")
    assert len(corwin) == 1
    assert {"Mr. Corwin", "Corwin"} <= {corwin[0].name, *corwin[0].aliases}


def test_mr_before_a_family_name_of_the_text_stays_that_family():
    # `Mrs. Corwin` makes Corwin a family name here: `Mr. Corwin` is her husband.
    cast = cast_of(
        "Mrs. Corwin poured the tea while Corwin Ashby read by the window.\n\n"
        '"Mr. Corwin will be late," said Mrs. Corwin. "He always is."\n\n'
        'Corwin looked up. "Then we shan\'t wait for him."\n\n'
        '"Mr. Corwin would be hurt," said Mrs. Corwin, and Corwin smiled.\n'
    )
    assert "Mr. Corwin" not in _entry(cast, "Corwin Ashby")[0].aliases
