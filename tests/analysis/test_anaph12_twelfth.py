"""Pronoun tags (twelfth session, anaph12): hand-written passages for the `he` or `she` of
a tag (`Sieve.conversation_speaker`)."""

from tests.analysis.casts import sieve_answers

# A narration paragraph between two turns that opens on `He` and names no one: the `he` of
# the next tag is the man of the conversation, not the one the narration named earlier.
KITCHEN = (
    "Nell had the kitchen to herself until the knock came.\n\n"
    '"I came to say sorry," Tom said. Out in the yard, Rob was still shouting at the hens.\n\n'
    '"Take no notice," Nell said.\n\n'
    "He thanked her, and stood turning his cap round and round in his hands for a long "
    "while, looking at the floor.\n\n"
    '"Can I sit down?" he asked.\n'
)


def test_a_pronoun_after_a_narration_paragraph_on_that_pronoun_is_the_conversations():
    assert sieve_answers(KITCHEN)[-1] == ("Tom", "pronoun")


def test_a_narration_paragraph_naming_someone_still_breaks_the_conversation():
    # `Rob came in` names the man the `he` goes on with
    text = KITCHEN.replace("He thanked her, and stood", "Rob came in from the yard and stood")
    text = text.replace("turning his cap", "turning his cap, and he stood")
    assert sieve_answers(text)[-1][0] == "Rob"
