"""Relationships, twelfth session (docs/relationships.md, "Relationships (twelfth session)"):
a kiss bound to nobody, told in pronouns that fit two people of its scene ("He turned her
round and kissed her" with two women there), keeps those two from being suggested as a
platonic "A & B" with nothing else said of them: the kiss may be theirs."""

from tests.analysis.test_relationships import _pair, analyse

TALK = (
    "Ann and Bob sat at the kitchen table with the letters between them, and Cat was at the "
    "sink.\n\n"
    '"Is that all of them?" Ann asked.\n\n'
    '"All of them," Bob said. "Every one since March."\n\n'
    '"Then we read them tonight."\n\n'
    '"Tonight," he agreed.\n\n'
    "{act}\n"
)
QUOTES = [
    ("Is that all of them?", "Ann", "Bob"),
    ("All of them,", "Bob", "Ann"),
    ("Every one since March.", "Bob", "Ann"),
    ("Then we read them tonight.", "Ann", "Bob"),
    ("Tonight,", "Bob", "Ann"),
]


def test_a_kiss_in_pronouns_that_fits_them_is_no_platonic_suggestion():
    text = TALK.format(
        act="He turned her round and kissed her, and Cat dried the cups and pretended not to see."
    )
    found = _pair(analyse(text, QUOTES), "Ann Lee", "Bob Stone")
    assert found is None or found.kind == "romantic"


def test_without_the_kiss_the_two_who_talk_are_still_suggested():
    text = TALK.format(
        act="He turned the lamp down, and Cat dried the cups and pretended not to see."
    )
    found = _pair(analyse(text, QUOTES), "Ann Lee", "Bob Stone")
    assert found is not None and found.kind == "platonic"


def test_a_kiss_given_to_a_thing_withholds_nothing():
    text = TALK.format(
        act="Bob kissed the ring on his finger, and Cat dried the cups and pretended not to see."
    )
    found = _pair(analyse(text, QUOTES), "Ann Lee", "Bob Stone")
    assert found is not None and found.kind == "platonic"


def test_pronouns_of_other_sexes_leave_the_pair_alone():
    """ "She kissed her" in the scene: two women, not Ann and Bob."""
    text = TALK.format(
        act="She kissed her, quick, and Cat dried the cups and pretended not to see."
    )
    found = _pair(analyse(text, QUOTES), "Ann Lee", "Bob Stone")
    assert found is not None and found.kind == "platonic"


def test_a_kiss_told_without_anyone_may_be_theirs():
    text = TALK.format(act="Then a kiss, and Cat dried the cups and pretended not to see.")
    found = _pair(analyse(text, QUOTES), "Ann Lee", "Bob Stone")
    assert found is None or found.kind == "romantic"


def test_a_kiss_given_to_a_thing_makes_no_couple_of_the_next_clause():
    """ "Bob kissed the ring on his finger, and Cat dried the cups": Cat acts in a clause of
    her own; she was not kissed (before, Bob / Cat was suggested as a romance)."""
    text = TALK.format(
        act="Bob kissed the ring on his finger, and Cat dried the cups and pretended not to see."
    )
    found = _pair(analyse(text, QUOTES), "Bob Stone", "Cat Moss")
    assert found is None or found.kind != "romantic"
