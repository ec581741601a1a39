"""A speech tag before its quote whose subject is not the sentence's first one: the clause the
speech verb ends is read back from the verb (`that Margaret could not help saying,`, `Mrs.
Harlow followed her, saying,`, `looked at Thomas, who said,`). Whole pipeline on
hand-written passages in the manner of nineteenth-century novels."""

from tests.analysis.test_speakers_narrator import analyse_quotes

RIVER = (
    "Henry Ashford and Margaret Lyle walked on beside the river. Henry talked of the mill, and "
    "Margaret listened. Henry was tired; Margaret was not.\n\n"
    '"The water is very high this year," said Henry. "The wheel will not turn for a week."\n\n'
)


def speakers(text: str) -> list[str | None]:
    quotes, _ = analyse_quotes(text)
    return [q.speaker for q in quotes]


def test_the_subject_of_a_that_clause_speaks_not_the_man_who_laughed():
    text = RIVER + (
        "But he laughed so heartily at his own gloom, that Margaret could not help saying,\n\n"
        '"You are never sad for long, I think."\n'
    )
    assert speakers(text)[-1] == "Margaret"


def test_a_relative_who_names_the_one_who_speaks():
    text = (
        "Edmund Crane and Thomas Hale waited in the hall. Edmund had said nothing all morning, "
        "and Thomas had given up asking him why.\n\n"
        "At last Edmund looked anxiously at Thomas, who said in a low voice,\n\n"
        '"We must go in now."\n'
    )
    assert speakers(text)[-1] == "Thomas"


def test_a_participle_after_a_comma_is_the_main_clause_subjects():
    text = (
        "Kitty Morland and Mrs. Harlow were at home. Kitty owned that she had rather stay in, "
        "and Mrs. Harlow did not argue.\n\n"
        "As she went up the stairs to change, Mrs. Harlow followed her, saying,\n\n"
        '"You will be quite alone with him, my dear."\n'
    )
    assert speakers(text)[-1] == "Mrs. Harlow"


def test_a_verb_joined_by_and_keeps_the_first_subject():
    # `the Rabbit noticed Alice, as she went hunting about, and called out`: the `she` of the
    # clause inside the sentence is not the one who calls.
    text = (
        "Walter Price and Ann Lacey were in the garden. Walter was looking for his hat, and Ann "
        "was looking for nothing at all.\n\n"
        "Very soon Walter noticed Ann, as she went hunting about, and called out to her,\n\n"
        '"Have you seen my hat anywhere?"\n'
    )
    assert speakers(text)[-1] == "Walter"
