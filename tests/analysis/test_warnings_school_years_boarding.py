"""Boarding-school years (round 18 of the hand-written stories, tune side): "a fifth-year
prefect", "their fourth year at Hogwarts", "revising for their O.W.L.s" are school ages;
an adult's course or job counted in years is not ("a fifth-year medical student", "her
fifth year at the firm")."""

import pytest

from tests.analysis.minors import likelihood

KISS = "Then Lily kissed James on the steps, and James kissed her back."


@pytest.mark.parametrize(
    "opening",
    [
        "Lily was a fifth-year prefect.",
        "The sixth-year Gryffindors were out on the lawn.",
        "It was their fourth year at Hogwarts.",
        "They were revising for their O.W.L.s in the library.",
    ],
)
def test_a_boarding_school_year_is_a_school_age(opening):
    assert likelihood(f"{opening} {KISS}") == "likely"


@pytest.mark.parametrize(
    "opening",
    [
        "Lily was a fifth-year medical student.",
        "It was her fifth year at the firm.",
        "They were eighth-year Slytherins back after the war, both nineteen.",
        "The owls were asleep in the rafters.",
    ],
)
def test_an_adults_years_of_study_or_work_are_no_school_age(opening):
    assert likelihood(f"{opening} {KISS}") is None
