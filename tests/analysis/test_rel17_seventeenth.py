"""Relationships, seventeenth session (docs/relationships.md, "Relationships, round 19
(seventeenth session)"): a triad tagged as one relationship; chat lines timed after the
name."""

from fanarchive.analysis.pipeline import analyze_text
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from tests.analysis.test_relationships import _pair, analyse

HOUSEBOAT = (
    "The houseboat had one cabin, one stove and three people who could not agree about "
    "either.\n\n"
    "Ann was at the wheel. Bob was on the towpath with the rope, and Cat sat on the roof "
    "shelling peas into a bowl.\n\n"
    "When they tied up for the night Bob climbed aboard and kissed Ann, and Cat threw a pea "
    "at them both and laughed.\n"
)


def test_a_three_way_tag_pairs_each_two():
    """ "Ann Lee/Bob Stone/Cat Moss" tags one triad: Ann and Cat, Bob and Cat are couples
    too, though the text shows only Ann and Bob kissing (before, a tag of three sides was
    read as no pair at all)."""
    relationships = analyse(HOUSEBOAT, tags=["Ann Lee/Bob Stone/Cat Moss"])
    for one, other in (
        ("Ann Lee", "Bob Stone"),
        ("Ann Lee", "Cat Moss"),
        ("Bob Stone", "Cat Moss"),
    ):
        found = _pair(relationships, one, other)
        assert found is not None and found.kind == "romantic", (one, other)


def test_a_two_way_tag_still_pairs_only_its_two():
    relationships = analyse(HOUSEBOAT, tags=["Ann Lee/Bob Stone"])
    found = _pair(relationships, "Bob Stone", "Cat Moss")
    assert found is None or found.kind != "romantic"


TEXTS = (
    "Ann sat on the night bus with her phone.\n\n"
    "Ann, 23:02: are you up\n"
    "Bob, 07:02: it's morning here. I'm up\n"
    "Ann, 23:04: I miss you. I love you\n"
    "Bob, 07:05: I love you too. go to sleep\n\n"
    "She put the phone away and watched the streetlights.\n"
)


def test_chat_lines_with_a_time_after_the_name_are_messages():
    """ "Bob, 07:02: it's morning here": a chat line whose label is followed by a comma and
    the time it was sent (before, only a time in brackets or before the name was read)."""
    messages = [(q.label, q.text) for q in find_quotes(read_text(TEXTS))]
    assert messages[1] == ("Bob", "it's morning here. I'm up")
    assert len(messages) == 4


def test_love_said_in_timed_texts_makes_a_couple():
    """The same messages through the whole analysis: their "I love you" binds the two."""
    relationships = analyze_text(TEXTS).relationships
    found = _pair(relationships, "Ann", "Bob")
    assert found is not None and found.kind == "romantic"
