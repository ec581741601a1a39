"""A pronoun binds nobody on a guess: not when someone unnamed ("her brother") came into
the scene since the two were named, nor when two people of the scene fit it."""

import pytest

from tests.analysis.test_relationships import _pair, analyse


@pytest.mark.parametrize(
    "text",
    [
        # The brother came in after the two were named: "he" may be him.
        "Ann sat with Bob. Her brother came in. He kissed her.\n",
        "Ann sat with Bob. Her brother came in.\n\nHe kissed her.\n",
        "Ann sat with Bob and her brother. He kissed her.\n",
        "Ann sat with Bob and her brother. Ann kissed him.\n",
    ],
)
def test_a_pronoun_kiss_after_unnamed_kin_came_in_binds_nobody(text):
    assert _pair(analyse(text), "Ann Lee", "Bob Stone") is None


@pytest.mark.parametrize(
    ("after", "subtype"),
    [
        ("He was her twin.", "family"),
        ("She was his sister.", "family"),
        ("They were rivals.", "rivals"),
    ],
)
def test_unnamed_kin_is_a_third_person_not_the_one_named_before(after, subtype):
    """ "Her brother glared at him. He was her twin": the twin is the brother, not Bob."""
    text = f"Ann kissed Bob. Her brother glared at him. {after}\n"
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert found.kind == "romantic" and found.subtype != subtype


@pytest.mark.parametrize(
    "text",
    [
        "Ann, Bob and Cat sat down. He kissed her.\n",
        "Ann, Bob and Cat sat down. Bob kissed her.\n",  # Ann or Cat
        "Ann, Bob and Cat sat down. Bob leaned over and kissed her.\n",
    ],
)
def test_a_pronoun_kiss_in_a_scene_of_two_women_and_a_man_binds_nobody(text):
    assert all(r.kind == "platonic" for r in analyse(text))


def test_a_pronoun_kiss_in_a_scene_of_two_men_and_a_woman_binds_nobody(with_tom):
    text = "Ann, Bob and Tom sat down. Ann kissed him.\n"
    assert all(r.kind == "platonic" for r in analyse(text))


@pytest.mark.parametrize(
    "text",
    [
        "Ann sat with Bob. He kissed her.\n",
        "Ann, Bob and Cat sat down. Cat went out. Bob kissed her.\n",  # the last one named
        # One described in a sentence naming someone is taken for them.
        "Ann came home late. Bob knelt beside his wife and touched Ann's hair. Bob kissed her.\n",
    ],
)
def test_a_pronoun_kiss_with_one_person_it_fits_still_binds(text):
    found = _pair(analyse(text), "Ann Lee", "Bob Stone") or _pair(
        analyse(text), "Bob Stone", "Cat Moss"
    )
    assert found is not None and found.kind == "romantic"


def test_someone_a_line_speaks_of_is_not_taken_for_the_scenes():
    """ "How is the girl?": someone spoken of in a line is not always in the scene."""
    text = 'Ann sat with Bob. "How is the girl?" she asked. Bob kissed her.\n'
    found = _pair(
        analyse(text, quotes=[('"How is the girl?"', "Ann", "Bob")]), "Ann Lee", "Bob Stone"
    )
    assert found is not None and found.kind == "romantic"
