"""Ages that are not a person's age (round 2 of the hand-written stories, tune side): a count
of years followed by what it counts ("twelve years sober", "eleven years younger", "fifteen
years in the navy"), the age of a thing or an animal, and an age in a thought of the past."""

import pytest

from fanarchive.analysis.pipeline import analyze_text

MINORS = "Minors in a Romantic or Sexual Scene"


def minors(text: str):
    return {w.name: w for w in analyze_text(text).warnings}.get(MINORS)


@pytest.mark.parametrize(
    "opening",
    [
        "Haymitch was twelve years sober on the day Effie moved in next door.",
        "They were sixteen years married that June.",
        "He was fifteen years in the navy before he met her.",
        "She was eleven years younger than her wife.",
    ],
)
def test_a_count_of_years_followed_by_what_it_counts_is_no_age(opening):
    assert minors(f"{opening} That night she kissed him in the kitchen, slowly.") is None


@pytest.mark.parametrize(
    "opening",
    ["They were sixteen years of age.", "Mina is fifteen years, give or take a month."],
)
def test_an_age_in_years_still_counts(opening):
    found = minors(f"{opening} That night she kissed him in the kitchen, slowly.")
    assert found is not None and found.likelihood == "likely"
