"""Knowledge packs: the format, the shipped Naruto pack, and wrangled aliases."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from fanarchive.analysis.packs import (
    Knowledge,
    PackCharacter,
    PackError,
    default_knowledge,
    load_pack,
    pack_names,
    parse_pack,
)
from fanarchive.analysis.pipeline import analyze_text

GENDERS = {"male", "female", "unknown"}


@pytest.mark.parametrize("name", pack_names())
def test_every_pack_is_well_formed(name):
    characters = load_pack(name)
    assert characters and all(isinstance(c, PackCharacter) for c in characters)
    assert all(c.gender in GENDERS for c in characters)
    names = Counter(c.name for c in characters)
    assert [n for n, k in names.items() if k > 1] == []


@pytest.mark.parametrize("name", pack_names())
def test_no_alias_names_two_characters_of_one_pack(name):
    owners: dict[str, set[str]] = {}
    for character in load_pack(name):
        for alias in (character.name, *character.aliases):
            owners.setdefault(alias, set()).add(character.name)
    assert {a: o for a, o in owners.items() if len(o) > 1} == {}


def test_naruto_pack_has_the_main_cast_with_genders():
    pack = {c.name: c for c in load_pack("naruto")}
    assert len(pack) >= 60
    expected = {
        "Uzumaki Naruto": "male",
        "Uchiha Sasuke": "male",
        "Haruno Sakura": "female",
        "Hatake Kakashi": "male",
        "Maito Gai": "male",
        "Gaara": "male",
        "Temari": "female",
        "Tsunade": "female",
        "Hyuuga Hinata": "female",
        "Hyuuga Neji": "male",
        "Konan": "female",
        "Deidara": "male",
        "Haku": "male",
        "Uchiha Itachi": "male",
        "Rock Lee": "male",
    }
    assert {n: pack[n].gender for n in expected} == expected
    assert pack["Gaara"].tag == "Gaara (Naruto)"
    assert pack["Hatake Kakashi"].tag == "Hatake Kakashi"


@pytest.mark.parametrize(
    ("canonical", "alias"),
    [
        ("Uzumaki Naruto", "Naruto"),
        ("Uzumaki Naruto", "Naruto Uzumaki"),
        ("Maito Gai", "Might Guy"),
        ("Maito Gai", "Guy"),
        ("Maito Gai", "Gai Maito"),
        ("Hyuuga Neji", "Neji Hyuga"),
        ("Akimichi Chouji", "Choji Akimichi"),
    ],
)
def test_given_and_family_names_expand_to_both_orders_and_variants(canonical, alias):
    assert canonical in {c.name for c in default_knowledge().alias_table[alias]}


@pytest.mark.parametrize("family", ["Uchiha", "Hyuuga", "Hatake", "Uzumaki"])
def test_a_bare_family_name_is_not_an_alias(family):
    knowledge = default_knowledge()
    assert family not in knowledge.alias_table
    assert len(knowledge.family_table[family]) >= 2


def test_with_aliases_adds_wrangled_synonyms_and_keeps_the_rest():
    knowledge = default_knowledge().with_aliases({"Uzumaki Naruto": ["Blondie"]})
    naruto = next(c for c in knowledge.characters if c.name == "Uzumaki Naruto")
    assert "Blondie" in naruto.aliases and "Naruto" in naruto.aliases
    assert naruto.family_names == ("Uzumaki",)
    assert knowledge.alias_table["Blondie"][0].name == "Uzumaki Naruto"
    assert knowledge.ambiguous == default_knowledge().ambiguous


@pytest.mark.parametrize(
    "raw",
    [{}, {"fandom": "X"}, {"fandom": "X", "characters": [{"given": "Y"}]}, {"characters": []}],
)
def test_a_malformed_pack_raises_a_clear_error(raw):
    with pytest.raises(PackError, match="not a valid pack"):
        parse_pack(raw, "broken.json")


def test_a_pack_written_by_hand_parses():
    raw = json.loads(
        '{"fandom": "Test", "ambiguous": ["Rose"], "characters": ['
        '{"name": "Rose Tyler", "given": "Rose", "family": "Tyler", "gender": "female"}]}'
    )
    pack = parse_pack(raw)
    rose = pack.characters[0]
    assert set(rose.aliases) == {"Rose", "Tyler Rose"}
    assert pack.ambiguous == {"Rose"}
    assert Knowledge.from_packs([pack]).alias_table["Rose"] == [rose]


CORRIDOR = (
    "Draco Malfoy was leaning against the wall outside the Potions classroom.\n\n"
    '"Potter," the blond drawled. "Lost?"\n\n'
    "Harry ignored him. He got three steps before Malfoy fell into step beside him.\n\n"
    '"Slughorn moved the class."\n\n'
    '"Why would you tell me that?"\n\n'
    '"Maybe I\'m starting." Draco stopped walking.'
)


def test_a_family_name_only_one_character_bears_counts_for_the_canon():
    # `Slughorn` is Horace Slughorn's alone: with Draco Malfoy it makes the canon, where
    # before Draco (named in full once) was not even in the cast.
    names = {c.name for c in analyze_text(CORRIDOR).characters}
    assert {"Draco Malfoy", "Harry Potter"} <= names


def test_a_bare_family_name_no_member_is_otherwise_named_is_the_canons_first_bearer():
    text = (
        "Professor McGonagall unrolled the register. Draco Malfoy sneered at the back.\n\n"
        '"Potter," she said.\n\n"Here," said Potter.\n\n"Malfoy."\n\n"Here," said Malfoy.\n\n'
        '"Potter, stop talking," said Professor McGonagall.'
    )
    speakers = [q.speaker for q in analyze_text(text).quotes]
    assert speakers[1] == "Harry Potter"  # before: `Potter` was no one, Harry unnamed


EFICTION_CHAPTER = """Title: Snowed In
Author: moonlitquill
Pairing: Draco/Harry

A/N: Thanks for the reviews! Disclaimer: I don't own Harry Potter.

Chapter 3

"Malfoy. Malfoy. Wake up."

Draco rolled over on the sofa and glared at him. "Go away, Potter."

"We're out of tea."

"Then we'll die," Draco said. "Go away."

Harry sat on the end of the sofa. "I'm serious."
"""


def test_the_canon_an_author_s_note_names_is_the_work_s_fandom():
    # Nothing in the story alone (`Draco`, `Harry`, two shared family names) activates the
    # canon; the disclaimer does, so Malfoy and Potter are the two people they name.
    from fanarchive.analysis.pipeline import analyze_text

    analysis = analyze_text(EFICTION_CHAPTER)
    assert sorted(c.name for c in analysis.characters) == ["Draco Malfoy", "Harry Potter"]
    assert [r.tag for r in analysis.relationships] == ["Draco Malfoy/Harry Potter"]
