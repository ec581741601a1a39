"""The lead's reading (seventeenth session; docs/evaluation.md and docs/warnings.md, "The
lead's reading (seventeenth session)"): scenes written and read as a reader would, each
failing before its fix."""

import pytest

from fanarchive.analysis import analyze_text

MINORS = "Minors in a Romantic or Sexual Scene"


def warning_names(text: str) -> set[str]:
    return {warning["name"] for warning in analyze_text(text).to_dict()["warnings"]}


def dance(age_sentence: str) -> str:
    return (
        "Theo Park waited by the gym doors under the paper lanterns. Marisol Vega came over"
        f' with two cups of punch.\n\n"Hi," Theo said. {age_sentence}\n\nThe song changed to'
        " something slow. Halfway through it Theo leaned down and kissed Marisol, quick and a"
        " little clumsy, and she kissed him back.\n"
    )


# "as well" and "also" end an age as "too" does: "He was sixteen as well" is an age.
@pytest.mark.parametrize(
    "age_sentence",
    ["He was sixteen as well, a month older than her.", "He was sixteen also."],
)
def test_an_age_said_as_well_is_an_age(age_sentence):
    assert MINORS in warning_names(dance(age_sentence))


def test_a_number_as_well_without_a_person_is_no_age():
    assert MINORS not in warning_names(dance("There were sixteen as well, all in pairs."))
