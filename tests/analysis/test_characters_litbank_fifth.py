"""Cast rules for LitBank characters, fifth session: invented passages, one per rule, each
failing on the code before it."""

from __future__ import annotations

from tests.analysis.casts import cast_of, names

FLORENCE = (
    "The rain had not stopped since morning. At the window Florence was watching the road, "
    "and when the cart came at last Florence ran down the stairs to meet her father.\n\n"
    "He kissed her on both cheeks and gave her the parcel from town.\n"
)


def test_a_town_that_is_a_given_name_and_acts_is_someone():
    # `Florence` is a city in the place list and a woman's name; here she is never
    # somewhere and twice the subject of a verb in the narration: a woman.
    assert "Florence" in names(cast_of(FLORENCE))


FLORENCE_THE_CITY = (
    "They spent the spring in Florence. Florence was hot and crowded, and the galleries "
    "were full of English ladies with guidebooks. From Florence they went on to Rome.\n"
)


def test_the_town_where_people_go_stays_a_place():
    assert "Florence" not in names(cast_of(FLORENCE_THE_CITY))
