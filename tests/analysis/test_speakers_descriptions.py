"""Speakers the story describes but never names (`said the man`), end to end: the cast found
in the text, then the sieve."""

from tests.analysis.test_speakers_narrator import analyse_quotes

NEWCOMER = (
    "Harriet Vane sat by the stove in the empty station, reading, while the snow came down"
    " outside. Harriet had been waiting for the last train for an hour.\n\n"
    "Toward midnight the door banged open and a tall man in a wet coat came in, stamping the"
    " snow from his boots.\n\n"
    '"Is this the way to Kettering?" the man asked.\n\n'
    '"It is, if the train ever comes," said Harriet.\n\n'
    '"Then I shall wait with you," he said, and sat down across from her.\n\n'
    '"Suit yourself."\n\n'
    '"I always do," said the man.\n'
)


def analyse(text: str):
    quotes, cast = analyse_quotes(text)
    return cast, quotes


def test_a_newcomer_who_speaks_as_a_description_is_a_character_with_his_mentions():
    cast, _ = analyse(NEWCOMER)
    man = cast.get("The Man")
    assert man is not None
    assert man.gender == "male"
    spans = [(m.start, m.end) for m in cast.mentions if m.character == "The Man"]
    assert [NEWCOMER[s:e] for s, e in spans] == ["the man", "the man"]


def test_a_described_newcomer_speaks_and_takes_turns():
    _, quotes = analyse(NEWCOMER)
    assert [q.speaker for q in quotes] == [
        "The Man",
        "Harriet",
        "The Man",
        "Harriet",
        "The Man",
    ]


def test_a_description_of_someone_the_story_named_is_no_new_character():
    text = (
        "Harriet Vane sat by the stove in the empty station, reading, while the snow came down"
        " outside. Peter Wimsey sat beside her.\n\n"
        '"Is this the way to Kettering?" the man asked.\n\n'
        '"It is," said Harriet.\n'
    )
    cast, quotes = analyse(text)
    assert cast.get("The Man") is None
    assert quotes[0].speaker == "Peter Wimsey"


def test_a_described_speaker_takes_its_gender_from_the_pronoun_after_its_tag():
    text = (
        "Harriet Vane sat by the stove in the empty station, reading, while the snow came down"
        " outside.\n\n"
        "Toward midnight a stranger came in out of the storm and stood by the stove.\n\n"
        '"Cold night," said the stranger, and he held his hands to the stove.\n\n'
        '"It is," said Harriet.\n\n'
        '"Colder where I come from," he said.\n'
    )
    cast, quotes = analyse(text)
    stranger = cast.get("The Stranger")
    assert stranger is not None and stranger.gender == "male"
    assert [q.speaker for q in quotes][::2] == ["The Stranger", "The Stranger"]
