"""Relationship rules from probe round 6 (ids 92-107) and its review: "were engaged in a
debate" is an occupation, no couple; "I love you" after a line of the same exchange calling
the other "kiddo" or "Daddy" is no romance (kept for precision: it removes a false
father-daughter romance on the tune side and moves nothing on the check side). The round's
other tune-side rules were dropped (their check sides did not gain; docs/relationships.md)."""

import pytest

from tests.analysis.test_relationships import _pair, analyse


@pytest.mark.parametrize(
    "lines",
    [
        ("Daddy?", "Yeah, kiddo.", "I love you three thousand."),
        ("Mom?", "Yes, sweetheart?", "I love you."),
        ("Hey, little sis.", "Hey.", "Love you."),
    ],
)
def test_i_love_you_after_a_line_calling_the_other_kin_is_no_romance(lines):
    """The kin word is in the exchange's line before the confession, not in its own."""
    first, second, third = lines
    text = (
        "Ann tucked the blanket under Bob's chin and turned off the lamp.\n\n"
        f'"{first}"\n\n"{second}"\n\n"{third}"\n'
    )
    quotes = [(first, "Bob", "Ann"), (second, "Ann", "Bob"), (third, "Bob", "Ann")]
    found = _pair(analyse(text, quotes), "Ann Lee", "Bob Stone")
    assert found is None or found.kind == "platonic"


def test_i_love_you_after_a_third_persons_line_calling_kin_is_still_a_confession():
    """ "Mom?" said by someone else (Cat, to her mother) does not make Ann and Bob kin."""
    text = (
        "Ann and Bob sat on the porch while Cat went inside.\n\n"
        '"Mom?" Cat called from the hall.\n\n'
        '"I love you," Bob said to Ann.\n\n"I love you too," Ann said.\n'
    )
    quotes = [
        ("Mom?", "Cat", None),
        ("I love you,", "Bob", "Ann"),
        ("I love you too,", "Ann", "Bob"),
    ]
    found = _pair(analyse(text, quotes), "Ann Lee", "Bob Stone")
    assert found.kind == "romantic"


@pytest.mark.parametrize(
    "text",
    [
        "Ann and Bob were engaged in a debate about the budget.\n",
        "Ann and Bob were engaged on the same case all winter.\n",
        "Ann and Bob were engaged as tutors for the summer.\n",
    ],
)
def test_were_engaged_in_a_task_is_no_couple(text):
    """ "were engaged" is a couple's cue; "engaged in" (on, as, by, with) is an occupation."""
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert found is None or found.kind == "platonic"


def test_were_engaged_is_still_a_couple():
    text = "Ann and Bob were engaged last spring, and the wedding is in June.\n"
    assert _pair(analyse(text), "Ann Lee", "Bob Stone").kind == "romantic"
