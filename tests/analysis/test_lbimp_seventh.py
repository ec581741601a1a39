"""Speakers the text never names, seventh session: a tag whose noun gives no gender (`said the
officer`, `the guide answered`) names someone all the same. When no other tag was found for
the quote and the narration brought someone new in shortly before (`a young officer in a grey
coat`), the description joins the cast as a newcomer (`The Officer`), never the named man
beside it (speakers/sieve.py `tag_by_person_noun`, `tag_description`). Hand-written passages."""

from tests.analysis.test_speakers_narrator import analyse_quotes

# Written for this test: an officer who speaks under `said the officer` and is never named.
BRIDGE = (
    "Tobias Wren led his mule down to the river. At the bridge a young officer in a grey coat"
    " stepped out of the toll house and raised his hand.\n\n"
    '"Where are you bound?"\n\n'
    '"Across," said Tobias.\n\n'
    '"Then you pay twice," said the officer. "Once for you, once for the beast."\n\n'
    "Tobias counted out the coins and laughed.\n"
)

# No one new comes in: `the kid` is the named boy's epithet, not a newcomer.
KITCHEN = (
    "Milo Fenn came in from the yard with mud to his knees, and Tobias Wren looked up from"
    " the stove.\n\n"
    '"Boots off," said Tobias.\n\n'
    '"They\'re not that bad," said the kid, and he sat down on the step.\n'
)

# A beat (not a tag) with such a noun brings no one in.
BEAT = (
    "Tobias Wren sat under the pear trees with Hester Wren beside him. A soldier passed on"
    " the road.\n\n"
    '"The pears are late this year," said Tobias.\n\n'
    'The soldier on the wall laughed. "They always are," Hester said.\n'
)


def _speaker(quotes, text, words):
    return next(q for q in quotes if words in text[q.start : q.end]).speaker


def test_an_ungendered_tag_noun_after_someone_new_is_a_newcomer():
    quotes, cast = analyse_quotes(BRIDGE)
    assert _speaker(quotes, BRIDGE, "Then you pay twice") == "The Officer"
    assert _speaker(quotes, BRIDGE, "Once for you") == "The Officer"
    assert cast.get("The Officer") is not None
    mention = next(m for m in cast.mentions if m.character == "The Officer")
    assert BRIDGE[mention.start : mention.end] == "the officer"


def test_no_one_new_no_newcomer():
    quotes, cast = analyse_quotes(KITCHEN)
    assert cast.get("The Kid") is None
    assert _speaker(quotes, KITCHEN, "not that bad") != "Tobias Wren"


def test_a_gendered_tag_noun_is_not_this_rule():
    text = BRIDGE.replace("said the officer", "said the man")
    _, cast = analyse_quotes(text)
    assert cast.get("The Officer") is None


def test_a_beat_with_an_ungendered_noun_brings_no_one_in():
    quotes, cast = analyse_quotes(BEAT)
    assert cast.get("The Soldier") is None
    assert _speaker(quotes, BEAT, "They always are") == "Hester Wren"
