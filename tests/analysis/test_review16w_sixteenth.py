"""Review (sixteenth session; docs/warnings.md, "Review (sixteenth session)"): passages a story
could hold where warn16's rules misread, each failing before its fix."""

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.warnings import detect_warnings


def severities(text: str) -> dict[str, str]:
    document = read_text(text)
    return {w.name: w.severity for w in detect_warnings(document, find_quotes(document), Cast())}


# A child taken from a birthday party by force: no game, though `party` is near.
PARTY_TAKEN = (
    "Nobody noticed the stranger at the edge of the birthday party until it was too late. He"
    " grabbed seven-year-old Mia by the arm, clapped a hand over her mouth and dragged her into"
    " a waiting car.\n\nThe car was found burned out in a lay-by the next morning. Mia had been"
    " abducted by a man the police had been hunting for months.\n\nHer parents went on"
    " television and begged whoever had taken her to let her go.\n"
)

# `surprise` with no party: an ambush, not a game.
BORDER = (
    "The surprise came at the border. Masked men stopped the bus, dragged Anna off it at"
    " gunpoint and bundled her into the boot of a car.\n\nShe was held captive in a farmhouse"
    " for three weeks, tied to a radiator, fed once a day. Her kidnappers wanted a ransom her"
    " family could not pay.\n"
)


def test_a_forced_taking_beside_a_party_keeps_its_weight():
    assert severities(PARTY_TAKEN).get("Abduction") == "medium"


def test_a_bare_surprise_is_no_game():
    assert severities(BORDER).get("Abduction") == "high"


# A birthday girl kidnapped by her friends screams and kicks, laughing: still a game.
PRANK = (
    "We kidnapped Priya for her birthday on Saturday morning. Dev threw a pillowcase over her"
    " head in the kitchen, and she screamed and kicked and laughed so hard she got the hiccups,"
    " and we bundled her into the back of the car and drove her to the lake, where the whole"
    " party was waiting with a cake.\n"
)


def test_a_birthday_prank_with_screams_is_no_abduction():
    assert "Abduction" not in severities(PRANK)


# A ghost names her killer: `he killed me` is literal when the dead tell it.
GHOST = (
    "In the upstairs bedroom the air turned cold, and a woman in a grey dress stood by the"
    ' window.\n\n"He killed me," she said. "My husband. He killed me in this room, with his'
    ' own hands, and put me under the floorboards where you are standing."\n'
)

# A soldier tells of a massacre: `they murdered us` is his side, the dead among it.
RIVER = (
    "The old soldier did not talk about the war often.\n\n"
    '"They murdered us at the river crossing," he said. "Machine guns on both banks. We went'
    ' into the water four hundred strong and came out with sixty."\n'
)


def test_a_ghost_saying_he_killed_me_is_a_killing():
    assert "Killing" in severities(GHOST)


def test_they_murdered_us_in_a_war_is_a_killing():
    assert "Killing" in severities(RIVER)


# A quiz lost: `they murdered us` at a game is the living's figure of speech.
QUIZ = (
    "Quiz night at the Crown was a disaster.\n\n"
    '"They murdered us at trivia night," Tom said, dropping into his chair.\n'
)


def test_they_murdered_us_at_trivia_is_no_killing():
    assert "Killing" not in severities(QUIZ)
