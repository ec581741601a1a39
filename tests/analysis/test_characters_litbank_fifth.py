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


HEADING = (
    "CHAPTER I MARTIN HOLLOWAY'S BIRTHDAY\n\n"
    "Martin Holloway woke before the sun. The house was cold, and his brother was still "
    "asleep under the window.\n"
)


def test_a_full_name_in_a_heading_in_capitals_is_a_mention():
    # `MARTIN HOLLOWAY'S` in the chapter's heading is the Martin Holloway of the text.
    cast = cast_of(HEADING)
    mentions = [m for m in cast.mentions if m.character == "Martin Holloway"]
    assert len(mentions) == 2
    assert cast.text[mentions[0].start : mentions[0].end] == "MARTIN HOLLOWAY'S"


SHOUT = (
    "Anthony came down the stairs at nine. Anthony had slept badly, and Anthony said so.\n\n"
    '"ANTHONY PATCH! Come here at once!"\n\n'
    "It was his grandfather's voice, and Anthony Patch went.\n"
)


def test_a_first_name_in_capitals_grows_into_the_full_name():
    # `ANTHONY` alone was already a mention; `ANTHONY PATCH` is one mention, not two.
    cast = cast_of(SHOUT)
    shouted = [m for m in cast.mentions if cast.text[m.start : m.end].isupper()]
    assert [cast.text[m.start : m.end] for m in shouted] == ["ANTHONY PATCH"]


WIFE = (
    "Mrs. Hallam kept the shop behind the church. Mrs. Hallam was up before anyone in the "
    "street, and by seven the shutters were down.\n\n"
    "The shop was in the name of Agnes Hallam, for her husband had no head for figures. "
    "Mr. Hallam spent his days at the inn. Agnes Hallam did not complain of him.\n"
)


def test_a_wife_with_no_daughter_in_sight_is_her_own_full_name():
    # No `Miss Hallam`, no lone `Agnes`: `Mrs. Hallam` and `Agnes Hallam` are one woman.
    cast = cast_of(WIFE)
    assert cast.resolve("Mrs. Hallam") is cast.resolve("Agnes Hallam")


MOTHER = (
    "Mrs. Hallam kept the shop behind the church. Mrs. Hallam was up before anyone in the "
    "street, and by seven the shutters were down.\n\n"
    "Agnes Hallam was nine that summer. Agnes swept the step and fed the cat, and Agnes "
    "Hallam was sent to school in September.\n"
)


def test_a_girl_the_text_calls_by_her_given_name_is_a_daughter():
    # The lone `Agnes` is how a family names its girls: she is not `Mrs. Hallam`.
    cast = cast_of(MOTHER)
    assert cast.resolve("Mrs. Hallam") is not cast.resolve("Agnes Hallam")


TWO_MARYS = (
    "Mary Hale had kept the school at Ashby for thirty years. Mary Hale knew every child in "
    "the parish by name.\n\n"
    "The new girl came on a Monday. Mary Grey was twelve, thin and freckled, and Mary Grey "
    "said nothing at all that first morning. At noon Mary ate her bread alone by the wall, "
    "and when the bell rang Mary was the last to come in.\n"
)


def test_a_given_name_alone_is_the_one_named_in_full_just_before():
    # Two Marys named twice each: the lone `Mary` comes each time after `Mary Grey`.
    cast = cast_of(TWO_MARYS)
    assert cast.resolve("Mary") is cast.resolve("Mary Grey")
    assert cast.resolve("Mary Hale") is not cast.resolve("Mary Grey")


SIGN = (
    "The shop stood in a narrow street. Over the door a board said MR. HALLORAN, "
    "STATIONER, though nobody in the street had seen him behind the counter for a year.\n\n"
    "Mrs. Halloran kept the shop. Mrs. Halloran sold ink and paper and said little, and "
    "when a customer asked for the master she pointed at the board: MR. HALLORAN.\n"
)


def test_a_titled_name_in_capitals_of_the_other_sex_is_someone_else():
    # `MR. HALLORAN` twice beside `Mrs. Halloran`: her husband, not two more of her mentions.
    cast = cast_of(SIGN)
    wife = cast.resolve("Mrs. Halloran")
    shouted = [m for m in cast.mentions if cast.text[m.start : m.end].isupper()]
    assert len(shouted) == 2
    assert all(m.character != wife.name for m in shouted)
    assert {m.character for m in shouted} == {"Mr. Halloran"}


COMMA = (
    "Mr. Pettifer came to the inn every evening at six and sat by the fire with his pipe.\n\n"
    "Pettifer, as the landlord called him behind his back, had once been a schoolmaster.\n"
)


def test_a_titled_family_name_opening_a_sentence_before_a_comma_is_that_man():
    # `Pettifer,` opens a sentence and does nothing a verb shows; the text titles him.
    cast = cast_of(COMMA)
    assert cast.resolve("Pettifer") is cast.resolve("Mr. Pettifer")
    assert cast.resolve("Mr. Pettifer").mentions == 2
