"""AO3 relationship tags read once (characters.tagged.parse_relationship) by the cast's tagged
names and the relationships' author pairs."""

from __future__ import annotations

import pytest

from fanarchive.analysis.characters import narrator
from fanarchive.analysis.characters.tagged import (
    READER_TAG,
    parse_relationship,
    tagged_names,
)
from fanarchive.analysis.document import Metadata
from tests.analysis.test_relationships import analyse

SLOW_BURN = (
    "Ann set two cups on the table and Bob sat down across from her.\n\n"
    "Bob looked at Ann for a long time and said nothing at all.\n"
)


def test_slash_is_romantic_ampersand_platonic():
    romantic = parse_relationship("Sherlock Holmes/John Watson")
    assert romantic.sides == ("Sherlock Holmes", "John Watson") and romantic.romantic
    platonic = parse_relationship("Harry Potter & Ron Weasley")
    assert platonic.sides == ("Harry Potter", "Ron Weasley") and not platonic.romantic


def test_fandom_in_brackets_is_kept_in_sides_and_dropped_from_names():
    parsed = parse_relationship("Aziraphale/Crowley (Good Omens)")
    assert parsed.sides == ("Aziraphale", "Crowley (Good Omens)")
    assert parsed.names == ["Aziraphale", "Crowley"]


def test_a_slash_inside_brackets_does_not_split():
    parsed = parse_relationship("Kim (A/B Universe)/Ron Stoppable")
    assert parsed.sides == ("Kim (A/B Universe)", "Ron Stoppable")


def test_reader_names_are_the_reader():
    assert parse_relationship("Bucky Barnes/Y/N").sides == ("Bucky Barnes", READER_TAG)
    assert parse_relationship("Bucky Barnes/(Y/N)").sides == ("Bucky Barnes", READER_TAG)
    # L/N is the Reader's last name, not a second person.
    assert parse_relationship("Y/N L/N & Steve Rogers").sides == (READER_TAG, "Steve Rogers")
    assert READER_TAG == narrator.READER


def test_a_cross_between_names_is_a_pairing():
    parsed = parse_relationship("Bucky Barnes x Reader")
    assert parsed.sides == ("Bucky Barnes", "Reader") and parsed.romantic
    assert parse_relationship("Malcolm X & Betty Shabazz").sides == (
        "Malcolm X",
        "Betty Shabazz",
    )


def test_not_a_relationship():
    assert parse_relationship("Hurt/") is None
    assert parse_relationship("Gaara (Naruto)") is None


def test_tagged_names_never_make_people_of_y_and_n():
    """Before the one parser, `Bucky Barnes/Y/N` made two tagged people, `Y` and `N`."""
    metadata = Metadata(relationships=["Bucky Barnes/Y/N"], characters=["Gaara (Naruto)"])
    assert tagged_names(metadata) == ["Gaara", "Bucky Barnes"]


# --- the relationships read the author's pairs with the same parser -----------------------


@pytest.mark.parametrize("tag", ["Ann Lee x Bob Stone", "Ann Lee (Original Work) × Bob Stone"])
def test_a_cross_tag_is_the_authors_pairing(tag):
    """Before the one parser the relationships read only `/` ("A x B" went unheard)."""
    relationship = analyse(SLOW_BURN, tags=[tag])[0]
    assert (relationship.tag, relationship.kind) == ("Ann Lee/Bob Stone", "romantic")
    assert relationship.detail == "romantic as the author's tag says"


def test_an_ampersand_tag_is_no_pairing():
    assert all(r.kind == "platonic" for r in analyse(SLOW_BURN, tags=["Ann Lee & Bob Stone"]))


def test_freeform_tags_with_a_cross_are_moods_not_people():
    """Reading `A x B` as a pairing made `Fluff`, `Angst` and `Slow Burn` tagged people when
    an EPUB's subjects said `Fluff x Angst`; the relationship tags still read it."""
    moods = ["Fluff x Angst", "Slow Burn x Fluff", "Mutual Pining x Slow Burn"]
    assert tagged_names(Metadata(additional_tags=moods)) == []
    metadata = Metadata(relationships=["Ann Lee x Bob Stone"])
    assert tagged_names(metadata) == ["Ann Lee", "Bob Stone"]
