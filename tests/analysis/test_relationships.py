"""Relationships on hand-built casts and quotes: kind, subtype, order, evidence."""

import re

import pytest

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.model import Character, Mention, Quote
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.relationships import find_relationships

NAMES = {"Ann": "Ann Lee", "Bob": "Bob Stone", "Cat": "Cat Moss"}


def analyse(text: str, quotes: list[tuple[str, str | None, str | None]] = ()):
    """Relationships of `text` with a cast built from the first names in NAMES; `quotes`
    gives (quoted words, speaker first name, addressee first name) for the quoted lines."""
    document = read_text(text)
    mentions = [
        Mention(m.start(), m.end(), NAMES[m.group()])
        for m in re.finditer(r"\b(?:Ann|Bob|Cat)\b", document.text)
    ]
    counts = {name: sum(m.character == name for m in mentions) for name in NAMES.values()}
    cast = Cast(
        [
            Character(name, present=counts[name] > 0, mentions=counts[name], gender="male")
            for name in NAMES.values()
            if counts[name]
        ],
        mentions,
    )
    built = []
    for words, speaker, addressee in quotes:
        start = document.text.index(words)
        paragraph = document.text.count("\n\n", 0, start)
        built.append(
            Quote(
                start,
                start + len(words),
                words,
                NAMES.get(speaker),
                addressee=NAMES.get(addressee),
                paragraph=paragraph,
            )
        )
    return find_relationships(document, built, cast)


def test_kiss_makes_a_romantic_pair_in_ao3_form():
    text = (
        "Bob found Ann on the roof. They talked until the stars came out.\n\n"
        "Ann leaned over and kissed Bob, quick and nervous.\n"
    )
    relationships = analyse(text)
    assert relationships[0].tag == "Ann Lee/Bob Stone"
    assert relationships[0].kind == "romantic"
    assert any("kissed" in e.text for e in relationships[0].evidence)


def test_possessive_confession_inside_dialogue_goes_to_speaker_and_addressee():
    text = (
        'Ann looked at Bob for a long time.\n\n"You\'re mine," she said.\n\n'
        '"I know," he answered. "I love you."\n'
    )
    quotes = [
        ("You're mine,", "Ann", "Bob"),
        ("I know,", "Bob", "Ann"),
        ("I love you.", "Bob", "Ann"),
    ]
    relationships = analyse(text, quotes)
    assert relationships[0].tag == "Ann Lee/Bob Stone"


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        ("Ann glared at Bob. He was her rival, her eternal rival, and always would be.", "rivals"),
        ("Ann laughed with Bob. He was her best friend and had been for years.", "friends"),
        ("Ann hugged Bob. He was her brother, after all, her little brother.", "family"),
        ("Ann faced Bob across the field. They were enemies now, sworn enemies.", "enemies"),
    ],
)
def test_platonic_subtype_from_what_the_text_calls_them(text, subtype):
    relationships = analyse(text)
    assert relationships[0].kind == "platonic"
    assert relationships[0].tag == "Ann Lee & Bob Stone"
    assert relationships[0].subtype == subtype


def test_rivals_who_kiss_are_romantic_with_rivals_subtype():
    text = (
        "Ann had always been Bob's rival.\n\n"
        "Bob said Ann was his eternal rival. Then he kissed Ann.\n"
    )
    relationship = analyse(text)[0]
    assert (relationship.kind, relationship.subtype) == ("romantic", "rivals")


def test_negated_kiss_is_not_romance():
    text = "Ann never kissed Bob. She did not love him, and he did not kiss her either."
    relationships = analyse(text)
    assert all(r.kind == "platonic" for r in relationships)


def test_main_pairing_ranks_first():
    text = (
        "Cat waved at Ann once.\n\n"
        "Ann and Bob trained all day. Bob kissed Ann after the match.\n\n"
        "Ann held Bob's hand. Bob told Ann he loved her.\n\n"
        "Ann laughed with Bob.\n"
    )
    relationships = analyse(text)
    assert relationships[0].characters == ["Ann Lee", "Bob Stone"]


def test_no_pair_without_evidence():
    assert analyse("Ann walked home. The rain fell all night. Much later Bob slept.") == []


def test_single_character_gives_nothing():
    assert analyse("Ann walked home alone and kissed the letter.") == []


def test_first_person_narrator_is_one_side_of_the_pair():
    text = "Bob waited by the gate. I ran to him, and I kissed Bob before he could speak.\n"
    document = read_text(text)
    mentions = [
        Mention(m.start(), m.end(), "Bob Stone") for m in re.finditer(r"\bBob\b", document.text)
    ]
    narrator = Character("Ann Lee", present=True, mentions=0)
    cast = Cast([Character("Bob Stone", present=True, mentions=2), narrator], mentions)
    cast.narrator = narrator
    cast.narration = "first"
    relationship = find_relationships(document, [], cast)[0]
    assert (relationship.tag, relationship.kind) == ("Ann Lee/Bob Stone", "romantic")


def test_one_stray_kiss_in_a_long_acquaintance_is_not_a_romance():
    together = "Ann and Bob walked to the market and talked about the harvest.\n\n" * 150
    text = together + "Ann kissed Bob's hand in thanks.\n\nAnn kissed Bob goodbye at the door.\n"
    relationships = analyse(text)
    assert relationships[0].kind == "platonic"
