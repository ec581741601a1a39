"""Probe round 13 of the relationships (docs/relationships.md): a kiss on a part of someone
("the corner of her mouth", "his jaw") is a kiss of that someone."""

import pytest

from tests.analysis.test_relationships import _pair
from tests.analysis.test_relationships_round10 import _with_cast

PEOPLE = {"Ann": ("female", True), "Bob": ("male", True), "Cat": ("female", True)}


@pytest.mark.parametrize(
    "kissed",
    [
        "the corner of his mouth",
        "the side of his neck",
        "his jaw",
        "his mouth",
    ],
)
def test_a_kiss_on_a_part_of_him_is_a_kiss_of_him(kissed):
    # "her" before a body part was read as the one kissed already ("kissed her jaw"); "his",
    # "their" and "the corner of his mouth" bound nobody, so two kisses made no couple.
    text = (
        "Cat left early. Bob sat down on the porch step beside Ann and said nothing.\n\n"
        f"Ann leaned over and kissed {kissed}, slow. Bob laughed.\n\n"
        f"Later, under the porch light, Ann kissed {kissed} again.\n"
    )
    found = _pair(_with_cast(text, PEOPLE), "Ann", "Bob")
    assert found is not None and found.kind == "romantic"


def test_the_same_kiss_on_someone_described_binds_nobody():
    # "the top of his father's head": a part of someone described, no couple of the two named
    text = (
        "Cat left early. Bob sat down on the porch step beside Ann and said nothing.\n\n"
        "Ann leaned over and kissed the corner of his father's mouth. Bob laughed.\n\n"
        "Later Ann kissed the corner of his father's mouth again.\n"
    )
    found = _pair(_with_cast(text, PEOPLE), "Ann", "Bob")
    assert found is None or found.kind != "romantic"
