"""Warnings (fourteenth session, warn14): hand-written passages for the decisions kept in
docs/warnings.md, "Warnings (fourteenth session)"."""

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.warnings import detect_warnings


def names(text: str) -> set[str]:
    document = read_text(text)
    return {w.name for w in detect_warnings(document, find_quotes(document), Cast())}


# A body or a corpse present is no death told: where the learned model declines the Death
# note, the rules' override needs a death happening, not a cadaver, a costume or a game.
DISSECTION = (
    "I spent the whole of my second year in the dissection room, and I got used to it faster "
    "than I expected. My cadaver was a retired postman we called Reg, and I talked to the "
    "corpse while I worked, telling it about my exams and my terrible flatmate."
)
HALLOWEEN = (
    "Halloween at our house was a big deal. My brother lay in the hallway as a corpse, covered "
    "in ketchup, and I answered the door in my witch hat and handed out toffees to anyone who "
    "stepped over the body."
)
PARTY_GAME = (
    "We were playing the murder mystery game at Ruth's birthday. I drew the card for the "
    "corpse, so I had to lie on the rug all evening while my friends argued about who had "
    "done it and ate all the crisps."
)


def test_a_corpse_present_is_no_death():
    assert "Death" not in names(DISSECTION)
    assert "Death" not in names(HALLOWEEN)
    assert "Death" not in names(PARTY_GAME)


def test_a_breath_that_stops_is_still_a_death():
    text = (
        "The nurse checked the monitor again. Mr. Abara's breathing slowed, caught, and "
        "stopped, and the line on the screen went flat while his daughter held his hand."
    )
    assert "Death" in names(text)


# A blow told in a line is talk of it, not the blow: a strong Violence cue inside dialogue
# weighs half, as the weak ones have since the thirteenth session.
def test_a_plot_retold_in_dialogue_is_no_violence():
    text = (
        'Nadia dropped onto the sofa with her tea. "Did you finish the book?" Leo asked. '
        '"Last night," she said. "The butler stabbed the colonel in the library, and then the '
        'maid poisoned the butler. I did not see it coming." Leo groaned and threw a cushion '
        'at her. "I was on chapter three!"'
    )
    assert "Violence" not in names(text)


def test_a_blow_in_the_narration_beside_the_talk_still_makes_violence():
    text = (
        '"Give me the bag," the man said. Leo shook his head. The man punched him in the face '
        "and kicked him as he fell, and Leo's nose broke against the pavement."
    )
    assert "Violence" in names(text)
