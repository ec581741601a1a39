"""Relationships, round 15 (thirteenth session; docs/relationships.md, "Relationships, round
15 (thirteenth session)"): two who fight are enemies."""

from fanarchive.analysis.pipeline import analyze_text
from tests.analysis.test_relationships import _pair, analyse

FIGHT = (
    "The car park behind the depot was empty except for the two of them. Bob had waited an "
    "hour in the cold for this.\n\n"
    "{blows}\n\n"
    "Afterwards Ann limped home alone and did not look back.\n"
)


def test_two_who_trade_blows_twice_are_enemies():
    """Blows in two sentences, one a pronoun's ("hit him"): the pair is shown as enemies
    though nothing calls them so (before, they were no pair at all)."""
    text = FIGHT.format(
        blows="Ann ducked under his arm and punched Bob in the ribs. He swung back, and she "
        "caught his wrist. Then Ann kicked him in the knee, and Bob went down on the gravel."
    )
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert found is not None and (found.kind, found.subtype) == ("platonic", "enemies")


def test_one_blow_is_no_feud():
    """One slap may be a sibling's or a lover's quarrel: no enemies from it alone."""
    text = FIGHT.format(blows="Ann slapped Bob, once, and walked off across the gravel.")
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert found is None or found.subtype != "enemies"


def test_kin_who_fight_stay_family():
    """Siblings who wrestle are still siblings: the fight adds no enemies to a family pair."""
    text = FIGHT.format(
        blows="Ann was his sister, and she punched Bob in the arm. Bob kicked Ann in the "
        "shin, and she punched Bob again, laughing."
    )
    found = _pair(analyse(text), "Ann Lee", "Bob Stone")
    assert found is not None and found.subtype == "family"


BAKING = (
    "{opening}\n\n"
    '"The dough is too wet," Ann said.\n\n'
    '"It is meant to be wet. That is the whole trick."\n\n'
    '"You said that last week, and the loaf came out flat."\n\n'
    "Cat threw a pinch of flour at her, and Ann threw it back.\n"
)
BAKING_QUOTES = [
    ("The dough is too wet,", "Ann", None),
    ("It is meant to be wet. That is the whole trick.", "Cat", None),
    ("You said that last week, and the loaf came out flat.", "Ann", None),
]


def test_a_sister_named_nowhere_near_is_the_one_she_talks_with_next():
    """ "with her sister", nobody else named around it, then a conversation of two: the
    sister is the one the owner talks with (before, the noun named nobody)."""
    opening = (
        "The bakery was closed on Saturdays, but Ann came in anyway to bake bread with her "
        "sister, and the ovens were warm by six."
    )
    found = _pair(analyse(BAKING.format(opening=opening), BAKING_QUOTES), "Ann Lee", "Cat Moss")
    assert found is not None and (found.kind, found.subtype) == ("platonic", "family")


def test_an_unnamed_wife_keeps_the_one_she_talks_with_from_being_her_sister():
    """ "her wife" never named beside "her sister": the woman she talks with may be either."""
    opening = (
        "Ann wore the key her wife had given her on a string round her neck. The bakery was "
        "closed on Saturdays, but she came in anyway, and the ovens were warm by six.\n\n"
        "Ann's sister had moved away years ago, and the recipe was all she had left of her."
    )
    found = _pair(analyse(BAKING.format(opening=opening), BAKING_QUOTES), "Ann Lee", "Cat Moss")
    assert found is None or found.subtype != "family"


def test_a_look_shot_twice_is_no_fight():
    """ "Ann shot him a glare", "Bob shot her a grin": a verb with two objects gives a look,
    it wounds nobody, so two friends trading looks are not enemies (lead's read of the
    merged rule, thirteenth session)."""
    text = (
        "Ann and Bob met at the bakery every morning. Ann shot Bob a look across the counter."
        '\n\n"Don\'t," she said.\n\n"I didn\'t say anything," Bob said, grinning. Ann shot him'
        ' a glare, and he laughed.\n\n"You were going to," Ann said. Bob shot her a grin.'
        '\n\n"Fine," Bob said. "Tea?"\n\n"Tea," Ann said, and she shot him a smile.'
    )
    subtypes = {r.tag: r.subtype for r in analyze_text(text).relationships}
    assert subtypes.get("Ann & Bob") != "enemies", subtypes


def test_blows_traded_still_make_enemies_beside_a_look():
    text = (
        "Ann and Bob circled each other in the yard. Ann shot Bob a look. Then Bob punched"
        " Ann, and Ann kicked him hard in the knee.\n\nBob hit her again, and she staggered."
        '\n\n"Enough," Ann said.\n\n"Never," Bob said.'
    )
    subtypes = {r.tag: r.subtype for r in analyze_text(text).relationships}
    assert subtypes.get("Ann & Bob") == "enemies", subtypes
