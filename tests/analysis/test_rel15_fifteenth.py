"""Relationships, fifteenth session (docs/relationships.md, "Relationships (fifteenth
session)"): an unnamed "his wife" beside a hug or a cheek kiss."""

from tests.analysis.test_rel13_thirteenth import EVENING, EVENING_QUOTES, QUIET
from tests.analysis.test_relationships import _pair, analyse


def test_a_hug_does_not_hide_the_one_his_wife_may_be():
    """Ann hugs Bob (a touch, weight 1), then Bob kisses "his wife", never named: the hug
    had put both in a couple of their own, so the one woman shown with him was never taken
    for his wife (before, Ann and Bob were no couple)."""
    text = EVENING.format(
        end="Ann hugged Bob at the door. "
        + QUIET
        + "Bob sat down and kissed his wife on the mouth."
    )
    found = _pair(analyse(text, EVENING_QUOTES), "Ann Lee", "Bob Stone")
    assert found is not None and found.kind == "romantic"


def test_a_romance_with_another_still_keeps_his_wife_unnamed():
    """Bob kisses Cat in two sentences: he is in a couple, and "his wife" names no one."""
    text = EVENING.format(
        end="Bob kissed Cat in the hall. Later Bob kissed Cat again by the door. "
        + QUIET
        + "Bob sat down and kissed his wife on the mouth."
    )
    found = _pair(analyse(text, EVENING_QUOTES), "Ann Lee", "Bob Stone")
    assert found is None or found.kind != "romantic"
