"""Relationship rules from probe round 6 (ids 92-107) and its review: "were engaged in a
debate" is an occupation, no couple. The round's tune-side rules were dropped (their check
sides did not gain; docs/relationships.md)."""

import pytest

from tests.analysis.test_relationships import _pair, analyse


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
