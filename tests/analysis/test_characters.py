"""Cast detection: pack aliases, honorifics, ambiguous words, presence, and the samples."""

from __future__ import annotations

import pytest

from fanarchive.analysis.characters import Cast, detect_cast
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_path, read_text
from fanarchive.devdata import shared_dir
from tests.analysis.casts import cast_of as shared_cast_of
from tests.analysis.casts import names

SHARED = shared_dir()
SAMPLES = SHARED / "samples"


def cast_of(text: str) -> Cast:
    return shared_cast_of(text, default_knowledge())


NARUTO_CONTEXT = "Naruto grinned at Sasuke. Sasuke ignored him. "


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Naruto Uzumaki", "Uzumaki Naruto"),
        ("Uzumaki Naruto", "Uzumaki Naruto"),
        ("Kakashi-sensei", "Hatake Kakashi"),
        ("Sakura-chan", "Haruno Sakura"),
        ("Might Guy", "Maito Gai"),
        ("Gai-sensei", "Maito Gai"),
        ("Hinata-sama", "Hyuuga Hinata"),
        ("Hyuga Neji", "Hyuuga Neji"),
        ("Rock Lee", "Rock Lee"),
        ("Gaara's", "Gaara"),
        ("Kankuro", "Kankurou"),
        ("Choji", "Akimichi Chouji"),
    ],
)
def test_pack_alias_forms_resolve_to_the_canonical_tag(surface, canonical):
    cast = cast_of(f"{NARUTO_CONTEXT}Later, {surface} walked in and sat down.\n")
    assert canonical in names(cast)
    assert cast.resolve(surface).name == canonical


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Gaara stared at Naruto. He didn't care that Gaara was a guy.", "Maito Gai"),
        ("Guy walks into a bar, Naruto thought. Gaara sighed.", "Maito Gai"),
        ("Naruto might go. Might as well, Gaara said. Naruto waved.", "Maito Gai"),
        ("Naruto met the Uchiha clan elders. Gaara frowned at Naruto.", "Uchiha Sasuke"),
        ("Naruto and Gaara fought. The Hyuuga were watching Naruto.", "Hyuuga Neji"),
    ],
)
def test_ambiguous_words_and_bare_family_names_are_not_mentions(text, absent):
    assert absent not in names(cast_of(text + "\n"))


def test_a_capitalised_common_word_alias_mid_sentence_is_a_mention():
    cast = cast_of("Naruto looked at Sasuke. Then Guy ran past, shouting at Naruto.\n")
    assert "Maito Gai" in names(cast)


def test_bare_family_name_goes_to_the_one_family_member_in_the_story():
    cast = cast_of("Sasuke scowled at Naruto. Uchiha never smiled, Naruto thought. Sasuke left.\n")
    assert cast.get("Uchiha Sasuke").mentions == 3


def test_mentions_are_sorted_and_never_overlap():
    cast = cast_of('"Kakashi-sensei!" Naruto yelled. Hatake Kakashi waved at Naruto Uzumaki.\n')
    spans = [(m.start, m.end) for m in cast.mentions]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_resolve_unknown_surface_is_none():
    assert cast_of("Naruto ran to Sasuke.\n").resolve("Voldemort") is None


def _sample(name: str) -> Cast:
    path = SAMPLES / name
    if not path.is_file():
        pytest.skip(f"{path} not available")
    document = read_path(path)
    return detect_cast(document, find_quotes(document), default_knowledge())


def test_sample_000_cast():
    cast = _sample("000_61c12fd18829d3fc.txt")
    present = [c.name for c in cast.characters if c.present]
    assert present[:2] == ["Gaara", "Uzumaki Naruto"] or present[:2] == ["Uzumaki Naruto", "Gaara"]
    assert set(present) == {"Gaara", "Uzumaki Naruto"}
    assert {"Umino Iruka", "Hyuuga Neji"} <= names(cast)
    assert all(c.gender == "male" for c in cast.characters)


def test_sample_004_cast():
    cast = _sample("004_a3ab017558f1b5e3.txt")
    present = {c.name for c in cast.characters if c.present}
    assert present == {"Hatake Kakashi", "Maito Gai"}
    sakumo = cast.get("Hatake Sakumo")
    assert sakumo is not None and not sakumo.present


HP_TEXT = (
    '"Potter," Draco Malfoy drawled. Harry turned. Hermione grabbed his sleeve.\n\n'
    '"Ignore him, Harry," said Hermione. Ron glared at Malfoy. Snape swept past them.\n'
)


def test_a_second_fandom_pack_applies_to_its_own_stories():
    cast = cast_of(HP_TEXT)
    assert {"Harry Potter", "Hermione Granger", "Ron Weasley", "Draco Malfoy"} <= names(cast)
    assert cast.resolve("Malfoy").name == "Draco Malfoy"
    assert cast.resolve("Potter").name == "Harry Potter"
    assert all(c.fandom == "Harry Potter - J. K. Rowling" for c in cast.characters)


def test_everyday_names_do_not_pull_in_a_fandom():
    text = (
        "George Emerson laughed. Harry Otway waved at George. Harry smiled.\n\n"
        '"Good morning, George," said Lucy. George bowed to Lucy and Harry left.\n'
    )
    cast = cast_of(text)
    assert all(c.source == "discovered" for c in cast.characters)
    assert cast.resolve("George Emerson") is cast.resolve("George") is not None


def test_one_pack_name_among_strangers_is_another_canons_person():
    # Haikyuu's Hinata beside Kageyama, Yachi and Tanaka is no Hyuuga Hinata of Naruto.
    text = (
        "The bus was quiet except for Hinata. Kageyama had his eyes shut, and Yachi was "
        "asleep against the window.\n\nHinata kicked the seat in front. Tanaka turned round "
        "and glared at Hinata, and Kageyama told Hinata to shut up. Yachi slept on.\n"
    )
    cast = cast_of(text)
    assert "Hyuuga Hinata" not in names(cast)
    assert "Hinata" in names(cast)


def test_one_pack_name_on_its_own_still_tells_the_canon():
    text = (
        "Hinata had trained since dawn. Hinata's palms were raw, and she did not stop.\n\n"
        '"Again," Hinata whispered to herself, and she struck the post until it split.\n'
    )
    assert "Hyuuga Hinata" in names(cast_of(text))


def test_the_declared_fandom_activates_its_pack():
    document = read_text("Ron laughed. Ron ran.\n")
    document.metadata.fandoms = ["Harry Potter"]
    cast = detect_cast(document, find_quotes(document), default_knowledge())
    assert names(cast) == {"Ron Weasley"}


def test_resolve_a_family_name_to_the_only_member_in_the_cast():
    cast = cast_of("Sasuke glared at Naruto. Naruto grinned at Sasuke and Sasuke sighed.\n")
    assert cast.resolve("Uchiha").name == "Uchiha Sasuke"
    assert cast.resolve("Uchiha-san").name == "Uchiha Sasuke"
    assert cast.resolve("Hyuuga") is None


def test_a_shouted_name_is_a_mention():
    text = (
        'Naruto ran. Sasuke ran after Naruto. Naruto laughed. "NARUTO!" Sasuke yelled. "MAY I?"\n'
    )
    cast = cast_of(text)
    naruto = cast.get("Uzumaki Naruto")
    assert naruto.mentions == 4
    shouted = [m for m in cast.mentions if m.character == naruto.name][-1]
    assert (shouted.end - shouted.start) == len("NARUTO")


def test_narration_person_counts_each_pronoun_once_whatever_its_case():
    from fanarchive.analysis.characters.narrator import narration_person
    from fanarchive.analysis.characters.scan import scan_story
    from fanarchive.analysis.quotes import find_quotes
    from fanarchive.analysis.reading import read_text

    def person(text: str) -> str:
        document = read_text(text)
        return narration_person(document, scan_story(document, find_quotes(document)))

    first = "I ran. My hands shook and I hid myself. Mine was the last door. " * 3
    second = "You run. Your hands shake and you hide yourself. Yours is the last door. " * 3
    third = "He ran. His hands shook and she hid them. They were late. " * 3
    assert (person(first), person(second), person(third)) == ("first", "second", "third")
    # Pronouns inside quotations are dialogue, not narration.
    quoted = '"I know. My fault. I did it myself, I swear, me and mine," he said. ' * 4
    assert person(quoted + third) == "third"
