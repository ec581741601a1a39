"""A scene that opens on a pronoun's age (round 16 of the hand-written stories, tune side):
"He was sixteen that year." tells the age of the scene's point-of-view character. When no
romantic pair is found, that age reaches the romance of its scene told with the same pronoun
("she kissed him"), however far, and only an adult age said of the same pronoun makes it
past ("She was thirty, Miss Carver" is someone else's)."""

from tests.analysis.minors import likelihood

FILLER = " ".join(f"The art room clock ticked past minute {n} of the morning." for n in range(40))


def scene(opening: str, kiss: str) -> str:
    return f"{opening} {FILLER} {kiss}"


KISS = "Ola leaned across the table and kissed him, and he kissed her back."


def test_the_opening_pronouns_age_reaches_its_romance_past_another_pronouns_adult_age():
    opening = "He was sixteen that year. She was thirty, Miss Carver, and she taught him Art."
    assert likelihood(scene(opening, KISS)) == "likely"


def test_an_adult_age_of_the_same_pronoun_still_makes_it_past():
    opening = "He was sixteen that year. Now he was thirty, and he taught Art himself."
    assert likelihood(scene(opening, KISS)) in (None, "possible")


def test_the_opening_pronoun_does_not_reach_a_romance_told_with_the_other_pronoun():
    kiss = "Tom leaned across the table and kissed Ben, and Ben kissed him back."
    assert likelihood(scene("She was sixteen that year.", kiss)) in (None, "possible")


def test_a_pronouns_age_later_in_the_scene_keeps_its_reach():
    opening = "The art room was cold. The radiators clanked. He was sixteen that year."
    assert likelihood(scene(opening, KISS)) in (None, "possible")
