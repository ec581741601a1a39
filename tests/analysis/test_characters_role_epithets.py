"""Role epithets (characters/epithets.py): fan fiction calls a named character present in a
scene by what they are (`The witcher did not look up from his stew.`, `"That's hurtful," the
bard said.`); such a mention that acts or speaks is a mention of the one named character it
can be. Hand-written passages; each positive case fails on the code before epithets.py, each
negative one guards the novels' unnamed roles."""

from __future__ import annotations

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.pipeline import analyze_text
from tests.analysis.casts import cast_of


def owner_at(cast: Cast, text: str, phrase: str) -> str | None:
    """The character whose mention starts where `phrase` does in `text`."""
    start = text.index(phrase)
    return next((m.character for m in cast.mentions if m.start == start), None)


def speakers_of(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in analyze_text(text).quotes}


TINKER = (
    "Maud Tallis wiped the bar down and watched the door. Aldo Brisk came in out of the rain "
    "and sat at the end of the counter.\n\n"
    "\u201cStew,\u201d he said.\n\n"
    "\u201cPlease,\u201d Maud said.\n\n"
    "The tinker did not look up from his bowl when she brought it. \u201cPlease,\u201d he "
    "added at last.\n"
)


def test_a_role_doing_something_with_his_own_is_the_one_man_in_the_scene():
    assert owner_at(cast_of(TINKER), TINKER, "The tinker") == "Aldo Brisk"


def test_the_role_is_no_alias_of_the_character():
    cast = cast_of(TINKER)
    aldo = next(c for c in cast.characters if c.name == "Aldo Brisk")
    assert not any("tinker" in alias.lower() for alias in aldo.aliases)


CAPTAIN = (
    "Captain Okafor came onto the bridge with two mugs. Priya Raman took one without looking "
    "up from the console, and Lin Tate held out a hand for the other.\n\n"
    "\u201cGet your own,\u201d the captain said, and sat down.\n\n"
    "\u201cThat's cold,\u201d Lin said.\n"
)


def test_the_role_a_character_holds_as_a_title_is_that_character():
    cast = cast_of(CAPTAIN)
    assert owner_at(cast, CAPTAIN, "the captain said") == "Captain Okafor"
    assert speakers_of(CAPTAIN)["Get your own,"] == "Captain Okafor"


TWO_ROLES = (
    "Ezra Pell and Tomas Wick sat on the bench by the pond, a paper bag between them.\n\n"
    "\u201cThey don't like the rye,\u201d Ezra said.\n\n"
    "\u201cWho told you they would?\u201d\n\n"
    "The baker pressed a hand to his chest. Tomas tossed a crust at the water and grinned.\n\n"
    "\u201cYou did something to it.\u201d\n\n"
    "The miller's mouth twitched. He did not deny it.\n"
)


def test_two_roles_are_two_people_and_the_next_sentence_names_the_other():
    cast = cast_of(TWO_ROLES)
    # Tomas is named in the sentence after `The baker`: the baker is the other one.
    assert owner_at(cast, TWO_ROLES, "The baker") == "Ezra Pell"
    # The miller is not the baker.
    assert owner_at(cast, TWO_ROLES, "The miller") == "Tomas Wick"


SERGEANT = (
    "Bibot stood at the west gate with his men, and the crowd pressed round him.\n\n"
    "\u201cThe north gate,\u201d said Bibot. \u201cYou all know who kept it.\u201d\n\n"
    "Grospierre had kept the north gate that morning. Grospierre was dead by noon.\n\n"
    "\u201cAnd Grospierre let the cart through,\u201d continued the sergeant. \u201cI would "
    "not have.\u201d\n"
)


def test_a_role_that_speaks_is_not_the_one_its_line_talks_about():
    assert owner_at(cast_of(SERGEANT), SERGEANT, "the sergeant") == "Bibot"


def test_a_role_the_story_brings_in_is_someone_new():
    text = (
        "Elizabeth Bennet and her aunt were admitted into the hall, and waited there for the "
        "housekeeper.\n\n"
        "The housekeeper came at last and curtsied to her. \u201cThis way, madam,\u201d the "
        "housekeeper said.\n"
    )
    cast = cast_of(text)
    assert owner_at(cast, text, "The housekeeper") is None
    assert owner_at(cast, text, "the housekeeper said") is None


def test_a_story_told_by_an_i_is_left_alone():
    # The one character the I names near a role is as often the I's companion as the role.
    text = (
        "I followed Holmes into the cab. I had not slept, and I said so.\n\n"
        "\u201cThe prisoner is below,\u201d the inspector said, and tapped his notebook.\n\n"
        "I looked at Holmes. I said nothing.\n"
    )
    assert owner_at(cast_of(text), text, "the inspector said") is None


def test_a_title_noun_links_to_a_name_introduced_after_it_whatever_its_gender():
    # `the captain` (a title of no gender) and a man named right after it: before, the
    # title's empty gender disagreed with his and the description stayed unlinked.
    text = (
        "At the front of the line, the captain was walking up and down with his hands behind "
        "his back. Thaddeus Brandt was a sixth-year, enormous, with a voice that carried. I "
        "had never spoken to him. I kept my eyes down.\n\n"
        "\u201cNames,\u201d the captain said. \u201cYou first.\u201d\n"
    )
    assert owner_at(cast_of(text), text, "the captain said") == "Thaddeus Brandt"
