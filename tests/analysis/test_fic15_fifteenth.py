"""Fan-fiction speakers (fifteenth session; docs/evaluation.md, "Fan-fiction speakers
(fifteenth session)"): a first-person teller who mostly watches others is still the one
telling the story (`characters.narrator._i_among_others`)."""

from fanarchive.analysis.characters.narrator import narration_person
from fanarchive.analysis.characters.scan import scan_story
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from tests.analysis.casts import sieve_answers

# A bakery before opening, told by an I who says little and watches a great deal: the
# narration says he, she and his eighteen times and I only four.
BAKERY = (
    "The ovens were already roaring when Wendell came in, and he was carrying his coat over "
    "his arm as if he had never needed it in his life. He hung it on the hook by the door. "
    "He looked at the trays. He looked at Pilar.\n\n"
    '"Are the rolls proved?"\n\n'
    '"They need ten more minutes," I said.\n\n'
    "Pilar was at the far bench with her sleeves pushed up and flour to her elbows, and she "
    "did not look round. She never looked round for him. Her knife went through the dough "
    "in four quick strokes, and she lifted each piece onto the tray with her fingertips.\n\n"
    '"Ten minutes is what she said yesterday."\n\n'
    '"And they were ready yesterday."\n\n'
    "He opened his mouth, and shut it again, and went to stand by the window with his hands "
    "in his pockets. I wiped my hands on my apron and looked at the clock. She looked at me, and her mouth twitched at one "
    "corner.\n"
)


def person(text: str) -> str:
    document = read_text(text)
    return narration_person(document, scan_story(document, find_quotes(document)))


def test_an_i_who_mostly_watches_others_still_tells_the_story():
    # Before, the he and she of the others (four times the I) made the narration third
    # person and the `I said` line went to one of the others.
    assert person(BAKERY) == "first"
    speaker, rule = sieve_answers(BAKERY)[1]
    assert rule == "narrator"


def test_an_i_that_neither_speaks_nor_acts_beside_a_line_is_not_enough():
    # A few I's among many he's and she's with no `I said` and no I beside a line: a thought
    # or a letter in a third-person story, not its teller.
    text = BAKERY.replace('," I said.', '," Pilar said.').replace(
        "I wiped my hands on my apron and looked at the clock.", ""
    )
    text += "I will never, she thought, let him near the ovens again. I mean it.\n"
    assert person(text) == "third"
