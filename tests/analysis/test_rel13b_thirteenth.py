"""Relationships, round 15 (thirteenth session; docs/relationships.md, "Relationships, round
15 (thirteenth session)"): two who fight are enemies."""

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
