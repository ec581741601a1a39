"""Relationships, seventeenth session (docs/relationships.md, "Relationships, round 19
(seventeenth session)"): a triad tagged as one relationship."""

from tests.analysis.test_relationships import _pair, analyse

HOUSEBOAT = (
    "The houseboat had one cabin, one stove and three people who could not agree about "
    "either.\n\n"
    "Ann was at the wheel. Bob was on the towpath with the rope, and Cat sat on the roof "
    "shelling peas into a bowl.\n\n"
    "When they tied up for the night Bob climbed aboard and kissed Ann, and Cat threw a pea "
    "at them both and laughed.\n"
)


def test_a_three_way_tag_pairs_each_two():
    """ "Ann Lee/Bob Stone/Cat Moss" tags one triad: Ann and Cat, Bob and Cat are couples
    too, though the text shows only Ann and Bob kissing (before, a tag of three sides was
    read as no pair at all)."""
    relationships = analyse(HOUSEBOAT, tags=["Ann Lee/Bob Stone/Cat Moss"])
    for one, other in (
        ("Ann Lee", "Bob Stone"),
        ("Ann Lee", "Cat Moss"),
        ("Bob Stone", "Cat Moss"),
    ):
        found = _pair(relationships, one, other)
        assert found is not None and found.kind == "romantic", (one, other)


def test_a_two_way_tag_still_pairs_only_its_two():
    relationships = analyse(HOUSEBOAT, tags=["Ann Lee/Bob Stone"])
    found = _pair(relationships, "Bob Stone", "Cat Moss")
    assert found is None or found.kind != "romantic"
