"""Round 17 of the hand-written stories (tune side): a year group of a year gone by ("ask
anyone in the Year 10 of 1996") and "You're a fourteen-year-old" said in jest to someone who
answers with an adult age."""

import pytest

from tests.analysis.minors import likelihood

KISS = "Then Ravi kissed Nadia, slowly, and Nadia kissed Ravi back."


@pytest.mark.parametrize("year", ["the Year 10 of 1996", "Year 9 in 2004", "the Year 11 of '98"])
def test_a_year_group_of_a_year_gone_by_is_no_age(year):
    assert likelihood(f"Ravi was a terror, ask anyone in {year}. {KISS}") is None


def test_a_year_group_in_the_present_still_counts():
    assert likelihood(f"Ravi and Nadia are in Year 10 at Hillside. {KISS}") == "likely"


JEST = '{kiss} "{jest} at a school disco," Nadia said. "I\'m forty-two," said Ravi.'


@pytest.mark.parametrize("jest", ["You're a fourteen-year-old", "You're such a fourteen-year-old"])
def test_youre_a_fourteen_year_old_answered_with_an_adult_age_is_a_jest(jest):
    assert likelihood(JEST.format(kiss=KISS, jest=jest)) is None


def test_youre_a_fourteen_year_old_not_answered_still_counts_as_possible_at_least():
    text = f'{KISS} "You\'re a fourteen-year-old at a school disco," Nadia said.'
    assert likelihood(text) is not None
