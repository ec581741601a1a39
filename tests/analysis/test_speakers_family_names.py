"""A titled person named by the family name alone (`Draper` of `Coach Draper`) in a beat or a
tag is that person, for attribution (hand-written passages in the style of fan fiction)."""

from fanarchive.analysis.model import Character, Mention
from fanarchive.analysis.speakers.parts import family_name_mentions
from tests.analysis.test_speakers_turns import attributed_with_detected_cast

TITLED_FAMILY_NAME = (
    "Coach Draper came down the aisle of the bus with a clipboard, and the back row went "
    "quiet all at once.\n\n"
    '"Who started it?" Coach Draper asked.\n\n'
    '"Kaz did," said Petrov.\n\n'
    '"I did not," said Kaz.\n\n'
    '"You did," said Petrov.\n\n'
    'Draper looked at them for a long moment. "Feet down, all of you."\n'
)


def test_a_beat_naming_a_titled_person_by_the_family_name_is_theirs():
    # Before, `Draper` was no mention, so the beat named no one and turn-taking gave Kaz.
    quotes = attributed_with_detected_cast(TITLED_FAMILY_NAME)
    assert quotes[-1].speaker == "Coach Draper"


def test_a_family_name_two_titled_people_share_is_no_ones():
    text = "Mr. Lindqvist nodded. Mrs. Lindqvist did not. Lindqvist sighed. Captain Rask laughed."
    cast = [
        Character("Mr. Lindqvist", gender="male"),
        Character("Mrs. Lindqvist", gender="female"),
        Character("Captain Rask", gender="female"),
    ]
    mentions = [Mention(0, 13, "Mr. Lindqvist"), Mention(21, 35, "Mrs. Lindqvist")]
    mentions.append(Mention(text.index("Captain"), text.index(" laughed"), "Captain Rask"))
    found = family_name_mentions(text, cast, mentions)
    assert [m.character for m in found] == ["Mr. Lindqvist", "Mrs. Lindqvist", "Captain Rask"]


def test_a_lone_family_name_is_the_titled_persons():
    text = "Captain Rask ducked in. Rask shook the frost off her jacket."
    cast = [Character("Captain Rask", gender="female")]
    found = family_name_mentions(text, cast, [Mention(0, 12, "Captain Rask")])
    assert [(text[m.start : m.end], m.character) for m in found] == [
        ("Captain Rask", "Captain Rask"),
        ("Rask", "Captain Rask"),
    ]
