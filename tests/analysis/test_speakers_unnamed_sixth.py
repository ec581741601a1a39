"""Speakers the text never names, sixth session (issue 14): a role that speaks once, after
the narration brought someone of that role in (`a corporal of the guard`), is someone of
their own when the pronoun after the tag gives a gender (`characters/definite.py`); a role
named only inside a line brings no one in."""

from tests.analysis.test_speakers_narrator import analyse_quotes

# Written for this test: a guard who speaks once under a tag and is never named.
GATE = (
    "Bibot stood at the West Gate with a corporal of the guard beside him. The carts from"
    " the market came slowly up the road.\n\n"
    '"Nobody passes tonight," Bibot said.\n\n'
    '"Not even the carts, citizen?" asked the corporal, and he pointed at the road.\n\n'
    "Bibot spat on the stones and did not answer him.\n"
)

# A role brought in only inside a line (`a different bard`) is talk, not someone new: the
# bard is the named Jaskier.
BARD = (
    "Jaskier stopped strumming and looked up at Geralt.\n\n"
    '"You are thinking of a different, less handsome bard," Geralt said.\n\n'
    '"That is hurtful," the bard said, and he went back to his lute.\n'
)


def test_a_role_that_speaks_once_after_coming_in_is_someone():
    quotes, cast = analyse_quotes(GATE)
    corporal = cast.get("The Corporal")
    assert corporal is not None
    assert corporal.gender == "male"
    asked = next(q for q in quotes if "Not even the carts" in GATE[q.start : q.end])
    assert asked.speaker == "The Corporal"


def test_a_role_brought_in_only_inside_a_line_is_no_one_new():
    _, cast = analyse_quotes(BARD)
    assert cast.get("The Bard") is None
