"""Probe round 11 of the relationships (docs/relationships.md)."""

from tests.analysis.test_relationships import _pair
from tests.analysis.test_relationships_round10 import _with_cast

PEOPLE = {"Ann": ("female", True), "Bob": ("male", True)}


def _scene(line: str) -> str:
    # A pronoun kiss four sentences after anyone is named: the scene's couple, unless the
    # scene speaks of someone else the pronoun may mean (a small child, by an age).
    return (
        "Ann came down the stairs in Bob's shirt.\n\n"
        f"“{line}” Ann told Bob.\n\n"
        "The kettle clicked off. The rain went on. Nobody moved for a while. "
        "She leaned over the table and kissed him.\n"
    )


def test_a_fraction_is_no_childs_age():
    # "is nine-tenths" is no "is nine": the scene holds no child, the kiss is the couple's.
    found = _pair(_with_cast(_scene("Possession is nine-tenths of the law."), PEOPLE), "Ann", "Bob")
    assert found is not None and found.kind == "romantic"


def test_a_childs_age_still_is_one():
    # "Tom is nine and a half": a child in the scene, whom "him" may mean.
    found = _pair(_with_cast(_scene("Tom is nine and a half."), PEOPLE), "Ann", "Bob")
    assert found is None or found.kind != "romantic"
