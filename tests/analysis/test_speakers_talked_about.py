"""A line that names someone without calling them is not theirs: people seldom speak of
themselves by name (hand-written passages, in the style of fan fiction)."""

from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import run_sieve
from tests.analysis.test_speakers import attribute, hand_cast

FAMILY = {"Kalani": "male", "Ruth": "female", "Sol": "male", "Ezra": "male"}


def test_a_line_no_rule_decides_is_not_the_one_it_talks_about():
    # nothing tags or anchors the line, so it went to the one named last, Sol, whom it is about
    text = (
        "Kalani watched Ruth set the dish down in front of Sol, who had not looked up from his "
        "phone since the soup.\n\n"
        '"Sol does something with insurance. Nobody understands it."\n'
    )
    quotes = attribute(text, people=FAMILY)
    assert quotes[0].speaker == "Ruth" and quotes[0].rule == "nearest_mention"


def test_a_name_spoken_of_as_a_name_does_not_bar_its_owner():
    # `call me just plain Sol`: the name as a word, said by the one who owns it (the sieve's
    # answer, before the learned ranking's second look)
    document = read_text(
        "Kalani watched Ruth set the dish down in front of Sol, who had not looked up from his "
        "phone since the soup.\n\n"
        '"Nobody calls me Solomon. You can call me just plain Sol."\n'
    )
    quotes = find_quotes(document)
    run_sieve(document, quotes, hand_cast(document.text, people=FAMILY))
    assert quotes[0].speaker == "Sol" and quotes[0].rule == "nearest_mention"


def test_a_pronoun_tag_is_not_the_one_the_line_talks_about():
    # `she` went to the subject of the sentence before, Lydia, whom the line speaks of
    text = (
        "The invitation came at breakfast. Lydia ran through the house in restless ecstasy, "
        "while poor Kitty stayed in the parlour.\n\n"
        "\u201cI cannot see why Mrs. Forster should not ask me as well as Lydia,\u201d she said.\n"
    )
    people = {"Lydia": "female", "Kitty": "female", "Mrs. Forster": "female"}
    assert [q.speaker for q in attribute(text, people=people)] == ["Kitty"]


def test_a_pronoun_tag_still_takes_a_name_spoken_of_as_a_name():
    text = (
        "Lydia ran through the house in restless ecstasy, while poor Kitty stayed in the "
        "parlour.\n\n"
        "\u201cYou may call me Lydia Forster now,\u201d she said.\n"
    )
    people = {"Lydia": "female", "Kitty": "female"}
    assert [q.speaker for q in attribute(text, people=people)] == ["Lydia"]
