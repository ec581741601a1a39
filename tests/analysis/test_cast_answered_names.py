"""One person one entry (issue 14 §2): the one a line calls by name answers in the next
paragraph. When one name is a title and a family name and the other a lone given name, and
the text never joins them (`Eloise Bridgerton`), a reader takes them as one person."""

from __future__ import annotations

from tests.analysis.casts import cast_of, names

BALLROOM = (
    "The ballroom was too hot. Lady Vexley stood by the palms with her cane.\n\n"
    "'Miss Harrowgate,' said Lady Vexley. 'And who is this, lurking in my greenery?'\n\n"
    "Odette did not even blink. 'A friend of mine, Lady Vexley. She reads.'\n\n"
    "Lady Vexley sniffed and looked away across the room.\n\n"
    "'Go on,' Odette muttered. 'She will not bite.'\n\n"
    "'You are very brave, Miss Harrowgate,' said Lady Vexley later."
)

DINNER = (
    "Tem had rehearsed for this dinner, and none of it helped.\n\n"
    '"There are potatoes. Lars, are potatoes vegetarian?" asked the older woman.\n\n'
    'Mr. Quennell looked up from carving the bread. "I believe they are, dear."\n\n'
    "They ate. Mr. Quennell asked about Tem's work and listened with real attention.\n\n"
    '"Lars. Freight," said the older woman, and Lars laughed.'
)


def entries_naming(text: str, *forms: str) -> list[str]:
    return [c.name for c in cast_of(text).characters if {c.name, *c.aliases} & set(forms)]


def test_a_titled_name_answered_by_a_given_name_is_one_person():
    assert len(entries_naming(BALLROOM, "Odette", "Miss Harrowgate")) == 1


def test_a_given_name_answered_by_a_titled_name_is_one_person():
    assert len(entries_naming(DINNER, "Lars", "Mr. Quennell")) == 1


def test_someone_else_named_in_the_answer_is_not_the_one_called():
    text = BALLROOM.replace("Odette did not even blink.", "Odette looked at Lady Vexley.")
    assert "Odette" in names(cast_of(text)) and "Miss Harrowgate" in names(cast_of(text))


def test_a_married_title_is_not_joined_to_who_answers_for_her():
    text = BALLROOM.replace("Miss Harrowgate", "Mrs. Harrowgate")
    cast = cast_of(text)
    assert "Odette" in names(cast) and "Mrs. Harrowgate" in names(cast)


def test_two_people_named_together_in_the_narration_stay_two():
    text = BALLROOM + "\n\nOdette curtsied to Miss Harrowgate and left."
    cast = cast_of(text)
    assert "Odette" in names(cast) and "Miss Harrowgate" in names(cast)
