"""Beats that open with a possessive (`His hands were shaking.`, `My voice cracked.`): the
sentence is about the pronoun's owner, who speaks the quote after it. Whole pipeline on
hand-written passages."""

from fanarchive.analysis.speakers.context import Token
from fanarchive.analysis.speakers.persons import possessive_opening
from tests.analysis.test_speakers_narrator import FIRST_PERSON, analyse_quotes

KITCHEN = (
    "Ellen set the kettle on the stove. Marcus sat down at the kitchen table and rubbed his "
    "eyes. Marcus had not slept.\n\n"
    '"Tea?" Ellen asked.\n\n'
    '"Please," Marcus said.\n\n'
)


def speakers(text: str) -> list[str | None]:
    quotes, _ = analyse_quotes(text)
    return [q.speaker for q in quotes]


def test_a_his_beat_gives_the_quote_to_the_man_though_he_spoke_the_turn_before():
    # Turn parity alone would give the third line to Ellen.
    text = KITCHEN + 'His hands were shaking. "And make it strong."\n'
    assert speakers(text) == ["Ellen", "Marcus", "Marcus"]


def test_a_my_beat_is_the_first_person_narrator_speaking_again():
    text = FIRST_PERSON + (
        "Marcus was on the back step when I got home, smoking the cigarette he swore he had "
        "given up. Marcus did not look round when the door banged.\n\n"
        '"They called about Dad," Marcus said.\n\n'
        '"Is he worse?" I asked.\n\n'
        'My voice cracked. "Is he asking for me?"\n'
    )
    quotes, cast = analyse_quotes(text)
    assert [q.speaker for q in quotes] == ["Marcus", "Narrator", "Narrator"]
    assert quotes[-1].rule == "beat"


def test_a_sentence_with_a_subject_before_the_possessive_one_still_decides():
    # `Ellen poured the water. Her hands were steady.`: the sentence read back names Ellen.
    text = KITCHEN + 'Ellen poured the water. Her hands were steady. "There."\n'
    assert speakers(text)[-1] == "Ellen"


def tokens(*words: str) -> list[Token]:
    return [Token(word, i * 10, i * 10 + len(word)) for i, word in enumerate(words)]


def test_possessive_opening_reads_the_owner_only_from_a_possessive_and_a_noun():
    genders = {"his": "male", "her": "female", "my": "narrator"}
    assert possessive_opening(tokens("His", "jaw", "tightened", "."), genders) == "male"
    assert possessive_opening(tokens("My", "voice", "cracked", "."), genders) == "narrator"
    # `Your` names someone only where `you` is (a reader-insert): not in these genders.
    assert possessive_opening(tokens("Your", "turn", "now", "."), genders) is None
    # A capitalised word after it is no noun of the owner's (`Her Majesty`), nor is a mark.
    assert possessive_opening(tokens("Her", "Majesty", "waited", "."), genders) is None
    assert possessive_opening(tokens("Her", ",", "then", "."), genders) is None
    assert possessive_opening(tokens("The", "room", "was", "cold"), genders) is None


def test_a_possessive_after_another_sentence_is_no_beat():
    # `Grandad put the flask down.` names someone the cast does not know: the `His` after it
    # may be his, so the possessive decides nothing and the turn rules do.
    text = KITCHEN + 'Grandad put the flask down. His hands were trembling. "I never touched it."\n'
    quotes, _ = analyse_quotes(text)
    assert quotes[-1].rule != "beat"
