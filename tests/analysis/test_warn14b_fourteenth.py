"""Combat scenes (fourteenth session, warn14b): hand-written passages for the decision kept
in docs/warnings.md, "Combat scenes (fourteenth session)"."""

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.warnings import detect_warnings


def names(text: str) -> set[str]:
    document = read_text(text)
    return {w.name for w in detect_warnings(document, find_quotes(document), Cast())}


# A battle told in weak fight words, where the War rule finds the war in the same sentences.
FORD = (
    "By noon the battle at the ford had turned. The infantry held the bank, and the soldiers "
    "fought knee-deep in the river until the far bank was theirs."
)
SIEGE = (
    "All week the army pressed the siege, and each dawn the troops made another attack on "
    "the gate. Each night the soldiers fought off the sallies from the walls."
)
# The same weak words with no war around them: a board game, a quarrel.
BOARD_GAME = (
    "Every Friday the cousins fought over the rules of the board game. Tonight Mila made "
    "attack after attack on Leon's little wooden castles, and he sulked until the pizza came."
)
# A war in the same sentences but no fight: a parade.
PARADE = (
    "On Remembrance Sunday the old soldiers of the regiment marched through the village, and "
    "the army band played while the children waved flags."
)


def test_weak_fight_words_inside_a_war_are_violence():
    assert "Violence" in names(FORD)
    assert "Violence" in names(SIEGE)


def test_weak_fight_words_without_a_war_or_a_war_without_a_fight_are_not():
    assert "Violence" not in names(BOARD_GAME)
    assert "Violence" not in names(PARADE)
