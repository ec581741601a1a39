"""Relatives named by kinship in speech tags: `said her father`, `his wife replied`."""

import pytest

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.model import Character
from fanarchive.analysis.packs import Knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import attribute_speakers, run_sieve
from fanarchive.analysis.speakers.kin import Families

FAMILY = (
    "Elizabeth Bennet walked in the garden with Mr. Darcy. Mr. Bennet and Mrs. Bennet "
    "watched from the window, and Jane Bennet sat sewing. Mr. Darcy bowed to Mrs. Bennet. "
    "Elizabeth smiled at Mr. Bennet.\n\n"
)


def attributed(text: str):
    document = read_text(text)
    quotes = find_quotes(document)
    attribute_speakers(document, quotes, detect_cast(document, quotes, Knowledge()))
    return quotes


def test_her_father_is_the_mister_of_her_family():
    text = FAMILY + (
        "The next morning Elizabeth came down the stairs.\n\n"
        '"Lizzy," said her father, "come into my room."\n\n'
        '"Yes, papa," said Elizabeth.\n'
    )
    quotes = attributed(text)
    assert (quotes[0].speaker, quotes[0].rule) == ("Mr. Bennet", "kin")


def test_his_wife_is_the_missus_of_his_family():
    text = FAMILY + (
        'Mr. Bennet put down his book.\n\n"You take delight in vexing me," cried his wife.\n'
    )
    quotes = attributed(text)
    assert (quotes[0].speaker, quotes[0].rule) == ("Mrs. Bennet", "kin")


def cast(*people: tuple[str, str, list[str]]) -> list[Character]:
    return [Character(name, aliases=aliases, gender=gender) for name, gender, aliases in people]


def test_two_candidates_or_no_family_name_resolve_no_one():
    families = Families(
        cast(
            ("Anne", "female", ["Anne Elliot"]),
            ("Walter", "male", ["Sir Walter Elliot", "Mr. Elliot"]),
            ("William", "male", ["William Elliot", "Mr. Elliot"]),
            ("Lucy", "female", []),
            ("Mrs. Honeychurch", "female", []),
            ("Mrs. Bartlett", "female", []),
        )
    )
    assert families.relative("Anne", "father") is None  # two Mr. Elliots
    # Lucy has no family name, and the cast calls two women Mrs.
    assert families.relative("Lucy", "mother") is None
    assert families.relative(None, "mother") is None


def test_no_family_name_the_one_missus_is_the_mother():
    families = Families(
        cast(
            ("Ezra", "male", []),
            ("Kalani", "male", ["Kalani Akana"]),
            ("Mrs. Feld", "female", []),
        )
    )
    assert families.relative("Ezra", "mother") == "Mrs. Feld"
    assert families.relative("Kalani", "mother") is None  # an Akana: the Felds are not his
    assert families.relative("Ezra", "sister") is None  # a sister is never the Mrs.


DINNER = (
    "Tem had rehearsed for this dinner for a week, and none of it helped, because the first "
    "thing Mrs. Lindqvist said to her was about the fish. Astrid squeezed her hand under "
    "the table.\n\n"
)


def test_a_named_persons_mother_in_a_tag_is_the_mother():
    text = DINNER + (
        "“You don’t eat fish,” Astrid’s mother said, holding the dish in both oven gloves.\n\n"
        "“I do. I can. I’d love some fish,” said Tem.\n"
    )
    quotes = attributed(text)
    assert quotes[0].speaker == "Mrs. Lindqvist"


def test_a_named_persons_mother_acting_after_a_line_is_the_mother():
    text = DINNER + (
        "“My dad drives freight trains,” said Tem.\n\n"
        "“Freight!” Astrid’s mother turned to her husband. “Lars. Freight.”\n"
    )
    quotes = attributed(text)
    assert quotes[1].speaker == "Mrs. Lindqvist"


@pytest.mark.parametrize(
    ("possessor", "noun", "relative"),
    [
        ("Emma", "father", "Mr. Woodhouse"),
        ("Mr. Woodhouse", "daughter", None),  # two daughters: no one
        ("Emma", "sister", "Isabella"),
        ("Isabella", "sister", "Emma"),
        ("Emma", "mother", None),
    ],
)
def test_family_names_from_titles_and_full_names(possessor, noun, relative):
    families = Families(
        cast(
            ("Emma", "female", ["Emma Woodhouse", "Miss Woodhouse"]),
            ("Mr. Woodhouse", "male", []),
            ("Isabella", "female", ["Isabella Woodhouse"]),
            ("Mr. Knightley", "male", ["George Knightley"]),
        )
    )
    assert families.relative(possessor, noun) == relative


def test_the_parent_a_turn_calls_papa_answers():
    # Turn parity would give the third turn to Mr. Darcy; `my dear papa` calls Mr. Bennet.
    text = FAMILY + (
        '"I must go," said Mr. Darcy.\n\n'
        '"But, my dear papa, you never liked him," said Elizabeth.\n\n'
        '"No, my dear, I never did."\n'
    )
    document = read_text(text)
    quotes = find_quotes(document)
    run_sieve(document, quotes, detect_cast(document, quotes, Knowledge()))  # before ranking
    assert (quotes[-1].speaker, quotes[-1].rule) == ("Mr. Bennet", "addressee")
