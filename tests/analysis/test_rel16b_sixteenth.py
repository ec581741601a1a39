"""Relationships, sixteenth session, second helper (docs/relationships.md, "Relationships, the
lead's scenes (sixteenth session)"): a reader-insert's romance with the one love interest,
and "I hate you" answered with love or laughter."""

import re

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.model import Character, Mention, Quote
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.relationships import find_relationships
from tests.analysis.test_relationships import _pair, analyse

FULL = {"Bob": "Bob Stone", "Cat": "Cat Moss", "Tom": "Tom Hale"}


def _reader_insert(text: str, others: dict[str, str], quotes=()):
    """Relationships of a second-person `text` (the narrator is the Reader) whose other
    characters are `others` (first name -> gender); `quotes`: (words, speaker, addressee)
    with first names or "Reader"."""
    document = read_text(text)
    mentions = [
        Mention(m.start(), m.end(), FULL[m.group()])
        for m in re.finditer(r"\b(?:" + "|".join(others) + r")\b", document.text)
    ]
    narrator = Character("Reader", present=True, mentions=0, gender="unknown")
    characters = [
        Character(FULL[first], present=True, mentions=2, gender=gender)
        for first, gender in others.items()
    ]
    cast = Cast([*characters, narrator], mentions)
    cast.narrator = narrator
    cast.narration = "second"
    built = []
    for words, speaker, addressee in quotes:
        start = document.text.index(words)
        built.append(
            Quote(
                start,
                start + len(words),
                words,
                FULL.get(speaker, speaker),
                addressee=FULL.get(addressee, addressee),
                paragraph=document.text.count("\n\n", 0, start),
            )
        )
    return find_relationships(document, built, cast)


GARDEN = (
    "Bob is waiting at the gate of the allotment when you get there, a crate of runner beans "
    "at his feet.\n\n"
    '"You came," Bob says.\n\n'
    '"I said I would," you say.\n\n'
    "You spend the afternoon digging the potato bed together. When you pass him the trowel, "
    "your fingers brush, and he does not pull away.\n\n"
    "By sunset you are both sitting on the upturned crate, and his head is on your shoulder.\n\n"
    '"Come to the harvest supper," he says. "Be my date."\n\n'
    '"Only if I get the first dance."\n'
)
GARDEN_QUOTES = [
    ('"You came,"', "Bob", "Reader"),
    ('"I said I would,"', "Reader", "Bob"),
    ('"Come to the harvest supper,"', "Bob", "Reader"),
    ('"Be my date."', "Bob", "Reader"),
    ('"Only if I get the first dance."', "Reader", "Bob"),
]


def test_a_reader_inserts_closeness_date_and_dance_make_a_romance():
    """Fingers that brush, a head on "your" shoulder, "Be my date" and "the first dance"
    between the Reader and the one man of the story: a couple, though nobody kisses (before,
    none of them was a cue and the two were a bare platonic pair)."""
    found = _pair(_reader_insert(GARDEN, {"Bob": "male"}, GARDEN_QUOTES), "Bob Stone", "Reader")
    assert found is not None and found.kind == "romantic"


def test_a_reader_inserts_kiss_of_him_binds_the_love_interest():
    """ "You lean over and kiss him" three paragraphs after the love interest was last named
    (the scene names nobody else, and "him" found no one before)."""
    text = (
        "Tom is on the porch steps with his sketchbook when you come out, and Cat waves from "
        "the yard before she drives off to town.\n\n"
        '"Is it the barn?" you ask Tom.\n\n'
        '"Might be," Tom says.\n\n'
        "You sit down beside him. The lamp in the kitchen window goes out.\n\n"
        "He shows you anyway. It is you, laughing by the river.\n\n"
        '"Show me the rest," you say.\n\n'
        "You do not say anything else. You lean over and kiss him, and he goes very still.\n"
    )
    quotes = [
        ('"Is it the barn?"', "Reader", "Tom"),
        ('"Might be,"', "Tom", "Reader"),
        ('"Show me the rest,"', "Reader", "Tom"),
    ]
    found = _pair(
        _reader_insert(text, {"Tom": "male", "Cat": "female"}, quotes), "Reader", "Tom Hale"
    )
    assert found is not None and found.kind == "romantic"


def test_two_men_as_near_the_reader_leave_the_pronoun_unbound():
    """Two men the Reader is as much with: "his head is on your shoulder" is no one's."""
    text = (
        "Bob and Tom are arguing about the tent poles when you reach the campsite. Bob waves; "
        "Tom hands you a mallet.\n\n"
        "You help Bob with the guy ropes and Tom with the fire. Later, by the embers, his head "
        "is on your shoulder and your fingers brush his.\n"
    )
    found = _reader_insert(text, {"Bob": "male", "Tom": "male"})
    assert all(r.kind != "romantic" for r in found)


BANTER = (
    "Ann grabbed her coat and made for the door.\n\n"
    '"Don\'t wait up," she told Bob. "And don\'t eat my noodles."\n\n'
    '"I hate you!" Bob called after her.\n\n'
    '"You love me!"\n\n'
    "The door slammed, and Bob laughed at the empty hall.\n"
)
BANTER_QUOTES = [
    ('"Don\'t wait up,"', "Ann", "Bob"),
    ('"And don\'t eat my noodles."', "Ann", "Bob"),
    ('"I hate you!"', "Bob", "Ann"),
    ('"You love me!"', "Ann", "Bob"),
]


def test_i_hate_you_answered_with_you_love_me_is_teasing():
    """ "I hate you!" / "You love me!", then a laugh: friends teasing, not enemies."""
    found = _pair(analyse(BANTER, BANTER_QUOTES), "Ann Lee", "Bob Stone")
    assert found is not None and found.subtype == "friends"


def test_i_hate_you_said_coldly_stays_enmity():
    """No laughter and no love in the answer: "I hate you" keeps its weight."""
    text = (
        "Ann stood over the broken chess set.\n\n"
        '"I hate you," Bob said, and walked out into the rain.\n\n'
        "Ann did not answer. She picked the pieces up one by one.\n"
    )
    found = _pair(analyse(text, [('"I hate you,"', "Bob", "Ann")]), "Ann Lee", "Bob Stone")
    assert found is not None and found.subtype == "enemies"
