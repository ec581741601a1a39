"""A husband and a wife the text never names as such: "Bob kissed his wife", "Ann met her
husband's eyes" — each is the other's when each is the only one the other can be."""

from tests.analysis.test_relationships import _pair, analyse

BREAKFAST = (
    "Cat read at the table while Ann cooked. Bob came down the stairs, and kissed his wife "
    "on the mouth as he passed the stove. Ann laughed and pushed Bob toward the table.\n\n"
    "Later Ann met her husband's eyes over Cat's head. Bob hid his grin in his coffee.\n"
)


def test_his_wife_and_her_husband_unnamed_are_each_other():
    found = _pair(analyse(BREAKFAST), "Ann Lee", "Bob Stone")
    assert found is not None and found.kind == "romantic"


def test_one_side_alone_names_no_spouse():
    text = BREAKFAST.replace("her husband's eyes", "his eyes")
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert found is None or found.kind == "platonic"


def test_two_women_with_a_husband_leave_his_wife_unknown():
    text = BREAKFAST.replace("Cat read at the table", "Cat, who missed her husband, read")
    text = text.replace("over Cat's head", "over the table, and Cat sighed")
    for other in ("Ann Lee", "Cat Moss"):
        found = _pair(analyse(text), other, "Bob Stone")
        assert found is None or found.kind == "platonic"


def test_a_widow_and_a_widower_are_not_each_others_spouse():
    text = BREAKFAST.replace("his wife", "his late wife").replace(
        "her husband's eyes", "her late husband's photograph and then Bob's eyes"
    )
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert found is None or found.kind == "platonic"
