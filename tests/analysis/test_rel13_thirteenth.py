"""Relationships, thirteenth session (docs/relationships.md, "Relationships (thirteenth
session)"): who an act is done to when the text goes on past it."""

from tests.analysis.test_rel12_twelfth import QUOTES, TALK
from tests.analysis.test_relationships import _pair, analyse


def test_a_plural_kiss_makes_no_couple_of_the_next_clause():
    """ "They kissed, and Cat dried the cups": the kiss has no object; Cat acts in a clause
    of her own and was not kissed (before, Bob / Cat was suggested as a romance)."""
    text = TALK.format(act="They kissed, and Cat dried the cups and pretended not to see.")
    relationships = analyse(text, QUOTES)
    for other in ("Ann Lee", "Bob Stone"):
        found = _pair(relationships, other, "Cat Moss")
        assert found is None or found.kind != "romantic"
