"""A name listed with a person's name (`Denny and Quarrick`) is a person's (issue 14)."""

from __future__ import annotations

from tests.analysis.casts import cast_of


def names(text: str) -> set[str]:
    return {c.name for c in cast_of(text).characters}


ASSEMBLY = (
    "Lydia came home late from the assembly rooms.\n\n"
    '"Oh, Kitty, it was such fun!" said Lydia. "Captain Denny and Quarrick danced every '
    'dance, and I laughed till I cried. You must make my excuses to Quarrick tomorrow."\n\n'
    "Kitty only sighed.\n"
)

PAINTERS = (
    'The old painters knew it. "Could Brunelleschi or Filippo Lippi have painted a chapel '
    'in a week?" asked my father. "I tell you, Brunelleschi would have laughed at us."\n'
)


def test_a_name_said_only_in_talk_beside_a_titled_person_is_a_character():
    # `Quarrick` never acts in the narration; `Captain Denny and Quarrick` says who it is.
    cast = cast_of(ASSEMBLY)
    assert "Quarrick" in {c.name for c in cast.characters}
    assert sum(1 for m in cast.mentions if m.character == "Quarrick") == 2


def test_a_name_joined_by_or_to_a_given_name_led_full_name_is_a_character():
    assert "Brunelleschi" in names(PAINTERS)


def test_a_place_beside_a_person_is_still_no_character():
    text = (
        'Marta rode in from Dunmoor and Mr. Ives rode beside her. "From Dunmoor and Mr. '
        'Ives," she wrote on the parcel.\n'
    )
    assert "Dunmoor" not in names(text)


def test_a_word_the_text_also_writes_in_lower_case_is_no_character():
    text = (
        '"Captain Denny and Hope will follow," said Lydia. "Hope is the colonel\'s horse."\n\n'
        "Kitty had no hope of a dance.\n"
    )
    assert "Hope" not in names(text)
