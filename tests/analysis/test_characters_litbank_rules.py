"""Cast rules from LitBank's tune-side errors (issue 14): invented passages, one per rule."""

from __future__ import annotations

from fanarchive.analysis.characters import Cast
from tests.analysis.casts import cast_of


def owners(text: str, cast: Cast, surface: str) -> list[str]:
    """The character each mention written exactly `surface` was given, in text order."""
    return [m.character for m in cast.mentions if text[m.start : m.end] == surface]


AUNT = (
    "Nora had lived with her aunt Brandt since the spring. Mrs. Brandt was a tall woman who "
    "never raised her voice. General Brandt was away with his regiment.\n\n"
    "Her aunt Brandt poured the tea and asked about the village. Nora told her everything.\n\n"
    '"You must write to the General," said Mrs. Brandt. General Brandt wrote back at once.\n'
)


def test_a_family_name_after_a_kin_noun_is_the_relative_of_that_gender():
    # A bare family name is usually a man's (`Fitzwilliam` the colonel), but `her aunt
    # Brandt` is the one woman of the family, not General Brandt.
    cast = cast_of(AUNT)
    assert owners(AUNT, cast, "Brandt") == ["Mrs. Brandt", "Mrs. Brandt"]
    assert {c.name for c in cast.characters} >= {"Mrs. Brandt", "General Brandt", "Nora"}


def test_a_bare_family_name_with_no_kin_noun_still_goes_to_the_titled_man():
    text = AUNT.replace("her aunt Brandt", "Brandt").replace("Her aunt Brandt", "Brandt")
    cast = cast_of(text)
    assert set(owners(text, cast, "Brandt")) == {"General Brandt"}


SINGLE_QUOTES = (
    "The door opened and a tall man looked down at me.\n\n"
    "'Mr. Lockwood, your new tenant, sir,' I said. He only nodded.\n\n"
    "'Hallo, Joseph!' he called into the yard. 'Joseph, take Mr. Lockwood's horse.'\n\n"
    "Joseph grumbled, but he took the horse.\n"
)


def test_a_name_right_after_an_opening_single_quotation_mark_keeps_its_title():
    # British dialogue opens with `'`: the name after it is a name like any other, title
    # included (before, `'Mr. Lockwood` gave only a sentence-opening `Lockwood`).
    cast = cast_of(SINGLE_QUOTES)
    lockwood = cast.resolve("Mr. Lockwood")
    assert lockwood is not None and lockwood.name == "Mr. Lockwood"
    assert owners(SINGLE_QUOTES, cast, "Mr. Lockwood") == ["Mr. Lockwood", "Mr. Lockwood"]
    assert owners(SINGLE_QUOTES, cast, "Lockwood") == []


def test_a_letter_before_an_apostrophe_still_joins_the_name():
    text = (
        "Mr. O'Brien came in late. 'Evening,' said O'Brien, and d'Artagnan bowed to him.\n\n"
        "O'Brien sat down. D'Artagnan laughed at O'Brien's hat.\n"
    )
    found = {c.name for c in cast_of(text).characters}
    assert "Brien" not in found and "Artagnan" not in found
    assert any("O'Brien" in name for name in found)


DOUBLE_HYPHENS = (
    "The door opened, and there stood my old friend--Ellery Marsh, thinner than before.\n\n"
    "We sat by the fire. I poured the wine--Ellery Marsh never refused a glass--and waited. "
    "The clock struck ten.--Such a night it was. Outside the wind rose.--Mystery upon "
    "mystery, I thought.\n"
)


def test_a_name_after_a_dash_of_two_hyphens_is_found():
    # Older texts write a dash as `--`: the name after it was never read (`Good--Captain John
    # Good`), while a capital opening a clause there (`--Such a night`) names no one.
    cast = cast_of(DOUBLE_HYPHENS)
    marsh = cast.resolve("Ellery Marsh")
    assert marsh is not None and marsh.mentions == 2
    assert {c.name for c in cast.characters}.isdisjoint({"Such", "Mystery"})


INNER_TITLES = (
    "I had not seen my landlord since the spring. But Mr. Heathcliff forms a singular "
    "contrast to his abode.\n\n"
    "When Mrs. Hale came in, Mr. Heathcliff stood up. Mrs. Hale put down the tray.\n"
)


def test_a_title_after_a_capitalised_word_keeps_its_name():
    # `But Mr. Heathcliff`: the period of a title inside a run of capitals ended the run, so
    # the name after it looked like a sentence's first word, its title lost.
    cast = cast_of(INNER_TITLES)
    assert owners(INNER_TITLES, cast, "Mr. Heathcliff") == ["Mr. Heathcliff"] * 2
    assert owners(INNER_TITLES, cast, "Mrs. Hale") == ["Mrs. Hale"] * 2
    assert owners(INNER_TITLES, cast, "Heathcliff") == []


SAINT_FAMILY = (
    "On the pleasant banks of the Garonne stood the chateau of Monsieur St. Aubert. "
    "St. Aubert loved to wander with his wife in the woods. The taste of Madame St. Aubert "
    "was plain in every room.\n\n"
    "In the evenings St. Aubert read aloud, and Madame St. Aubert listened. St. Aubert "
    "smiled at his daughter. M. St. Aubert had retired from the world.\n"
)


def test_st_inside_a_name_is_a_family_name_not_a_saint():
    # `Monsieur St. Aubert` and his wife `Madame St. Aubert` are two people of the St. Aubert
    # family; `St. Aubert` alone is the man (a bare family name is how men are named).
    cast = cast_of(SAINT_FAMILY)
    husband, wife = cast.resolve("Monsieur St. Aubert"), cast.resolve("Madame St. Aubert")
    assert husband is not None and wife is not None and husband is not wife
    assert husband.gender == "male" and wife.gender == "female"
    assert set(owners(SAINT_FAMILY, cast, "St. Aubert")) == {husband.name}
    assert owners(SAINT_FAMILY, cast, "M. St. Aubert") == [husband.name]


def test_old_mister_with_the_family_name_is_not_the_son_called_by_his_first_name():
    text = (
        "Sam Corley had brought Ada home after school, and Sam regretted it at once.\n\n"
        "Old Mr. Corley came in from the garden, wiping his hands. Sam looked at the floor.\n\n"
        '"Good afternoon," said Mr. Corley. Ada smiled at him. Sam sighed.\n'
    )
    cast = cast_of(text)
    father, son = cast.resolve("Mr. Corley"), cast.resolve("Sam")
    assert father is not None and son is not None and father is not son


ROLL_CALL = (
    "I sat at the back of the classroom, as far from the window as I could get.\n\n"
    "Professor Ashdown swept in before anyone could answer, a roll of parchment in her hand. "
    "The room went quiet.\n\n"
    '"Ow," I said, when the toad bit me. "Merlin\'s beard."\n\n'
    '"Language," said Ashdown, without turning around.\n'
)


def test_a_titled_persons_family_name_said_once_is_that_person_again():
    # `said Ashdown` is the `Professor Ashdown` of two lines before: the lone family name,
    # named once where no sentence starts, counts as her second mention.
    cast = cast_of(ROLL_CALL)
    assert owners(ROLL_CALL, cast, "Ashdown") == ["Professor Ashdown"]


def test_a_lone_word_opening_a_sentence_once_is_still_no_mention():
    # opening a sentence, the family name must do what a person does (`Ashdown spoke`,
    # `Ashdown looked up`: test_cast_titled_family_opening.py); `was` a place does as well
    text = ROLL_CALL.replace('"Language," said Ashdown,', '"Language." Ashdown was quiet')
    assert owners(text, cast_of(text), "Ashdown") == []


ASSEMBLY = (
    "Sir William Lucas had once been in trade in the town, and had risen to the honour of "
    "knighthood by an address to the King. William Goulding drove past the house every "
    "morning on his way to the mill.\n\n"
    '"Capital dancing," said Sir William, bowing to the room. Sir William was all '
    "politeness.\n\n"
    "Nobody answered him, and Sir William went in search of his daughter.\n"
)


def test_a_title_and_given_name_is_the_one_named_in_full_with_that_title():
    # Two Williams are named in full; `Sir William` is the one the text calls `Sir William
    # Lucas`, not a third person beside them.
    cast = cast_of(ASSEMBLY)
    lucas = owners(ASSEMBLY, cast, "Sir William Lucas")
    assert len(lucas) == 1
    assert owners(ASSEMBLY, cast, "Sir William") == lucas * 3
