"""A titled person's family name alone, opening a sentence as the subject of a person's
verb, is that person again (`Coach Brannigan` ... `Brannigan looked at them.`; issue 14)."""

from __future__ import annotations

from tests.analysis.casts import cast_of

BUS = (
    "The bus ground up the hill in second gear. Toby and Rafe had the back seat, and a bag "
    "of crisps between them.\n\n"
    "Up front, the door opened and Coach Brannigan came down the aisle with a clipboard. "
    "The back row went quiet.\n\n"
    '"Nothing," said Toby.\n\n'
    "Brannigan looked at them for a long moment. Then he sighed and went back up front.\n"
)


def test_the_family_name_opening_a_sentence_as_a_subject_is_the_coach_again():
    cast = cast_of(BUS)
    coach = [c for c in cast.characters if "Brannigan" in c.name]
    assert len(coach) == 1
    assert sum(1 for m in cast.mentions if m.character == coach[0].name) == 2


def test_a_family_name_only_opening_a_sentence_as_no_subject_is_not_counted():
    # `Brannigan Road` style: the word opens a sentence but does nothing a person does
    text = BUS.replace("Brannigan looked at them for a long moment.", "Brannigan. The name again.")
    cast = cast_of(text)
    coach = [c for c in cast.characters if "Brannigan" in c.name]
    assert sum(1 for m in cast.mentions if coach and m.character == coach[0].name) <= 1
