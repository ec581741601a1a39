"""Probe round 13 of the relationships (docs/relationships.md): a kiss on a part of someone
("the corner of her mouth", "his jaw") is a kiss of that someone; a couple's "they" right
after an exchange is its two speakers."""

import pytest

from tests.analysis.test_relationships import _pair, analyse
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


def _after_exchange(last_line: str, last_speaker: str, couple: str):
    text = (
        'Bob looked up from the glasses he was drying. "Hey, Ann."\n\n'
        '"Hey, Bob."\n\n'
        '"Usual?"\n\n'
        f'"{last_line}"\n\n'
        f"They {couple} for two years and broken up in a parked car. Nobody knew whose fault "
        "it had been.\n"
    )
    quotes = [
        ('"Hey, Ann."', "Bob", "Ann"),
        ('"Hey, Bob."', "Ann", "Bob"),
        ('"Usual?"', "Bob", "Ann"),
        (f'"{last_line}"', last_speaker, "Bob"),
    ]
    return analyse(text, quotes)


def test_a_couples_they_right_after_an_exchange_is_its_two_speakers():
    # "They had dated for two years", naming nobody, right after Ann and Bob's exchange: as
    # "They had been rivals since the Final", the two who spoke (it bound nobody before).
    found = _pair(_after_exchange("Please.", "Ann", "had dated"), "Ann Lee", "Bob Stone")
    assert found is not None and found.kind == "romantic"


def test_a_line_said_to_two_leaves_they_to_nobody():
    # "Happy anniversary, you two": its speaker is a third person, the couple the ones spoken
    # to, so the two who spoke last (Bob and Cat) are not "they".
    text = (
        'Ann and Bob were at the corner table when Cat came by with the cake. "Is that for '
        'us?"\n\n'
        '"Happy anniversary, you two."\n\n'
        "They had been together for ten years that night. Nobody had expected it.\n"
    )
    quotes = [('"Is that for us?"', "Bob", "Cat"), ('"Happy anniversary, you two."', "Cat", "Bob")]
    found = _pair(analyse(text, quotes), "Bob Stone", "Cat Moss")
    assert found is None or found.kind != "romantic"
