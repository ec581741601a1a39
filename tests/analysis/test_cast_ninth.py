"""The cast, ninth session: a kin or role word of Japanese or Korean address standing alone
(`Onii-chan`, `Senpai`, `Hyung`) is no name: a brother, a senior, a teacher."""

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text

DOJO = """Kenta slid the door open and kicked off his shoes.

"Onii-chan! You're back!" Aiko ran down the hall and grabbed his sleeve.

"I'm back. Where's Senpai?"

"Senpai went to the store. Hyung called too, he wants you to call him back."

Kenta sighed and followed his sister into the kitchen.
"""


def cast_names(text: str) -> set[str]:
    document = read_text(text, "text")
    cast = detect_cast(document, find_quotes(document), default_knowledge())
    return {character.name for character in cast.characters}


def test_kin_and_role_words_of_address_are_no_names():
    names = cast_names(DOJO)
    assert "Kenta" in names
    assert not names & {"Onii", "Onii-chan", "Senpai", "Hyung"}
