"""People a novel never names (`characters/unnamed.py`): a description that acts again and
again in the narration is a cast entry of its own, and the pronoun tags after it are its."""

from tests.analysis.test_speakers_narrator import analyse_quotes

# Written for this test: a guide who never gets a name, beside two named men.
FERRYMAN = (
    "Walter Pryce and Tobias Lund reached the river at noon. The ferryman waited by his"
    " raft, a pole across his knees.\n\n"
    '"Two crossings," Walter said.\n\n'
    "The ferryman counted the coins twice and pushed off without a word.\n\n"
    "Halfway over the current caught them. The ferryman leaned on the pole and the raft"
    " swung back into the slack water.\n\n"
    '"Hold fast there," he told them.\n\n'
    '"Is it always this strong?" asked Tobias.\n\n'
    "The ferryman looked at the sky for a long time.\n\n"
    '"Only after rain," he said at last.\n'
)

# A description that acts as often, for the one character the story names with that title.
CAPTAIN = (
    "Captain Mara Okafor walked the deck at dawn. The captain rubbed her eyes. The captain"
    " checked the charts, and the captain frowned at the wind.\n\n"
    '"Report," she said.\n\n'
    '"All quiet," said Dev Rao.\n'
)


def analyse(text: str):
    quotes, cast = analyse_quotes(text)
    return cast, quotes


def test_a_description_that_acts_again_and_again_is_someone():
    cast, _ = analyse(FERRYMAN)
    ferryman = cast.get("The Ferryman")
    assert ferryman is not None
    assert ferryman.gender == "male"
    spans = [(m.start, m.end) for m in cast.mentions if m.character == "The Ferryman"]
    assert [FERRYMAN[s:e] for s, e in spans] == ["The ferryman"] * 4


def test_the_pronoun_tags_after_an_unnamed_person_are_theirs():
    _, quotes = analyse(FERRYMAN)
    assert [q.speaker for q in quotes] == [
        "Walter Pryce",
        "The Ferryman",
        "Tobias Lund",
        "The Ferryman",
    ]


def test_a_possessive_description_is_a_mention_from_its_noun_on():
    text = FERRYMAN.replace("The ferryman counted", "Their ferryman counted")
    cast, _ = analyse(text)
    spans = [(m.start, m.end) for m in cast.mentions if m.character == "The Ferryman"]
    assert "ferryman" in [text[s:e] for s, e in spans]


def test_a_title_held_by_a_named_character_is_no_one_new():
    cast, quotes = analyse(CAPTAIN)
    assert cast.get("The Captain") is None
    holder = next(m.character for m in cast.mentions if CAPTAIN[m.start : m.end] == "The captain")
    assert holder == "Captain Mara Okafor"
    assert quotes[0].speaker == "Captain Mara Okafor"


# The landlord speaks once in a tag (too few for `definite.py`'s own rule) and acts three
# times; the woman's lines come right after his acts.
LANDLORD = (
    "Agnes Thorne came into the inn out of the rain. The landlord wiped the counter and"
    " watched her.\n\n"
    '"A room for the night," she said.\n\n'
    '"Two shillings," said the landlord.\n\n'
    "The landlord took down a key from the board. The landlord led her up the stairs.\n\n"
    '"It is very small," she said.\n\n'
    '"It is dry," he said.\n'
)


def test_a_description_that_speaks_once_and_acts_is_someone():
    cast, quotes = analyse(LANDLORD)
    landlord = cast.get("The Landlord")
    assert landlord is not None
    assert [q.speaker for q in quotes] == [
        "Agnes Thorne",
        "The Landlord",
        "Agnes Thorne",
        "The Landlord",
    ]


def test_a_head_the_lexicon_gives_a_gender_keeps_it_against_the_tags_after_it():
    cast, _ = analyse(LANDLORD)
    assert cast.get("The Landlord").gender == "male"
