"""A pack's words that name no one (packs/*.json `terms`: `Quidditch`, `Merlin` as in
`Merlin's beard`) hold in every work, except those that are given names too (`Merlin`,
`Nani`): those are only their own fandom's words, so BBC Merlin's hero or Lilo's sister is a
person in a work of another fandom (ninth session)."""

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.characters.detect import _no_names
from fanarchive.analysis.packs import Knowledge, Pack, default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text

CAMELOT = """Tavish was asleep in the middle of the big bed, one arm flung across the blankets.
Merlin was awake. Merlin could always tell when the other one was awake too.

"You're thinking," Merlin whispered. "Stop it. It's bad for you."

"I'm not thinking," Oswin whispered back.

Merlin propped himself up on one elbow and looked at him for a long time, and Merlin did
not say anything else.
"""

HOGWARTS = """Harry looked up from his Transfiguration essay. Ron was asleep on the sofa by the
fire, and Hermione was glaring at both of them from behind a tower of library books.

"Merlin's beard, Ron, you've drooled on my notes," said Hermione.

"Merlin, what time is it?" Ron mumbled, and Harry laughed.
"""


def cast_names(text: str) -> set[str]:
    document = read_text(text, "text")
    cast = detect_cast(document, find_quotes(document), default_knowledge())
    return {character.name for character in cast.characters}


def test_a_term_that_is_a_given_name_names_someone_in_another_fandom():
    assert "Merlin" in cast_names(CAMELOT)


def test_the_same_word_is_still_no_one_in_its_own_fandom():
    names = cast_names(HOGWARTS)
    assert "Merlin" not in names
    assert {"Harry Potter", "Ron Weasley", "Hermione Granger"} <= names


def test_terms_that_are_no_given_name_hold_everywhere():
    knowledge = Knowledge.from_packs(
        [
            Pack("Wizards", [], terms=frozenset({"Quidditch", "Merlin"})),
            Pack("Ninjas", [], terms=frozenset({"Hokage"})),
        ]
    )
    assert _no_names(knowledge, set()) == {"Quidditch", "Hokage"}
    assert _no_names(knowledge, {"Wizards"}) == {"Quidditch", "Hokage", "Merlin"}
    assert knowledge.with_aliases({}).term_fandoms == knowledge.term_fandoms
