"""A clipped name or a pet form called in a line (`"Jas?"` beside `Jasper`, `"Lizzy?"` beside
`Elizabeth`) is the one it stands for, so the vocative rules read the call (hand-written
passages in the style of fan fiction)."""

import pytest

from fanarchive.analysis.model import Character
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers.parts import clipped_mentions
from tests.analysis.test_speakers_turns import attributed_with_detected_cast

CLIPPED_CALL = (
    "Jasper was sitting on the bed with his arms folded, and Jasper did not move.\n\n"
    '"Come on," Mina said. "We need you."\n\n'
    '"We need everyone," said Rocco. "Jas?"\n\n'
    '"It needs nobody. It\'s a board."\n'
)


PET_CALL = (
    "Elizabeth was sitting at the window with her book, and Elizabeth did not look up.\n\n"
    '"Come on," Mary said. "We need you."\n\n'
    '"We need everyone," said Kitty. "Lizzy?"\n\n'
    '"I need nobody. I have a book."\n'
)


# Before, `Jas` and `Lizzy` (a clip, a pet form of Elizabeth, each said once) were no
# mention: the call was not read and turn-taking gave the reply to the caller's partner.
@pytest.mark.parametrize("text, called", [(CLIPPED_CALL, "Jasper"), (PET_CALL, "Elizabeth")])
def test_the_one_a_clipped_or_pet_name_calls_answers(text, called):
    quotes = attributed_with_detected_cast(text)
    assert quotes[3].addressee == called
    assert quotes[-1].speaker == called


def _clipped(text: str, names: list[str]) -> list[tuple[str, str]]:
    quotes = find_quotes(read_text(text))
    found = clipped_mentions(text, [Character(name) for name in names], [], quotes)
    return [(text[m.start : m.end], m.character) for m in found]


def test_a_clip_two_names_share_or_an_english_word_is_no_ones():
    # `Jos` opens Josie and Joshua; `Sun` is an English word (Sunniva is not called).
    text = '"Jas? Jos? Bring the Sun."'
    assert _clipped(text, ["Jasper", "Josie", "Joshua", "Sunniva"]) == [("Jas", "Jasper")]
