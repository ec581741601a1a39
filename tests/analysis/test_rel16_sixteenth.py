"""Relationships, sixteenth session (docs/relationships.md, "Relationships, round 18
(sixteenth session)"): the one kissed is no kisser of the next act; a sibling noun after
an exchange."""

from tests.analysis.test_relationships import _pair, analyse

GREETING = (
    "Cat came home late from the hospital. Ann and Bob were already in the kitchen, "
    "arguing about the soup.\n\n"
    "\u201cHi,\u201d she said, and kissed Ann, and then went round the table and kissed Bob.\n"
)


def test_the_one_kissed_does_not_kiss_the_next():
    """ "she kissed Ann, and then went round the table and kissed Bob": Ann was kissed; she is
    not the one who kisses Bob (before, the chain of the doer's clauses made Ann the doer,
    and Ann and Bob a couple)."""
    found = _pair(analyse(GREETING, [("Hi,", "Cat", None)]), "Ann Lee", "Bob Stone")
    assert found is None or found.kind != "romantic"


def test_a_doer_before_a_chain_still_kisses():
    """ "Ann smiled, and took his hand, and kissed Bob": no act before the name, the doer's."""
    text = (
        "Ann waited by the gate until the bus came in.\n\n"
        "Ann smiled, and took his hand, and kissed Bob, there in the rain.\n"
    )
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert found is not None and found.kind == "romantic"


SIBLINGS = (
    "Bob and Ann had been arguing over the last slice of cake since lunch.\n\n"
    "\u201cIt's mine,\u201d said Bob.\n\n"
    "\u201cYou had two already.\u201d\n\n"
    "\u201cI'm growing.\u201d\n\n"
    "Bob threw a napkin at his sister. She caught it. Cat, who lived next door, watched "
    "them from the window and laughed.\n"
)
SIBLING_LINES = [
    ("It's mine,", "Bob", "Ann"),
    ("You had two already.", "Ann", "Bob"),
    ("I'm growing.", "Bob", "Ann"),
]


def test_a_sibling_noun_after_an_exchange_is_the_one_talked_with():
    """ "Bob threw a napkin at his sister" just after lines between Bob and Ann: the sister is
    Ann, though another woman is named two sentences on (before, a second woman in the scene
    left the guess with nobody)."""
    found = _pair(analyse(SIBLINGS, SIBLING_LINES), "Ann Lee", "Bob Stone")
    assert found is not None and (found.kind, found.subtype) == ("platonic", "family")


def test_a_sibling_noun_after_lines_of_three_guesses_nobody():
    """The same after lines of three people: which of the women is his sister is not clear."""
    lines = [*SIBLING_LINES[:2], ("I'm growing.", "Cat", "Bob")]
    found = _pair(analyse(SIBLINGS, lines), "Ann Lee", "Bob Stone")
    assert found is None or found.subtype != "family"


def test_her_brother_after_a_line_naming_nobody_is_the_speakers():
    """'"And you ate all of it." She threw a spoon at her brother': the sentence before is a
    line naming nobody; "her" is the one of the lines just before of her sex (Ann), and the
    brother the other one talking (Bob). Before, "her" had no owner."""
    text = (
        "The kitchen was a mess again, and nobody would say whose turn it was.\n\n"
        "\u201cYou ate the last of the jam,\u201d said Ann.\n\n"
        "\u201cYou ate all of the bread,\u201d said Bob.\n\n"
        "\u201cAnd you never wash a spoon.\u201d\n\n"
        "She threw a spoon at her brother. He caught it and laughed.\n"
    )
    lines = [
        ("You ate the last of the jam,", "Ann", "Bob"),
        ("You ate all of the bread,", "Bob", "Ann"),
        ("And you never wash a spoon.", "Ann", "Bob"),
    ]
    found = _pair(analyse(text, lines), "Ann Lee", "Bob Stone")
    assert found is not None and (found.kind, found.subtype) == ("platonic", "family")
