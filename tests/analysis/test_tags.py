"""Suggested additional tags: each needs evidence in the text, none without it."""

import re

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.model import Character, Mention
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.relationships import find_relationships
from fanarchive.analysis.tags import suggest_tags
from fanarchive.analysis.warnings import detect_warnings

NAMES = {"Ann": "Ann Lee", "Bob": "Bob Stone"}


def tags_for(text: str) -> dict:
    document = read_text(text)
    mentions = [
        Mention(m.start(), m.end(), NAMES[m.group()])
        for m in re.finditer(r"\b(?:Ann|Bob)\b", document.text)
    ]
    cast = Cast(
        [Character(n, present=True, mentions=5, gender="male") for n in NAMES.values()], mentions
    )
    relationships = find_relationships(document, [], cast)
    warnings = detect_warnings(document, [], cast)
    found = {t.tag: t for t in suggest_tags(document, [], cast, relationships, warnings)}
    for tag in found.values():
        assert tag.evidence, f"{tag.tag} without evidence"
        for item in tag.evidence:
            assert document.text[item.start : item.end] == item.text
    return found


def test_first_kiss_and_rivals_to_lovers():
    text = (
        "Ann had been Bob's rival since the academy, his eternal rival.\n\n"
        "Then, unexpectedly, Bob leaned in and kissed Ann. Ann froze, stunned.\n"
    )
    found = tags_for(text)
    assert "First Kiss" in found
    assert "Rivals to Lovers" in found


def test_established_couple_kiss_is_not_a_first_kiss():
    text = "Ann came home late. Bob kissed Ann again, as always, and asked about her day."
    assert "First Kiss" not in tags_for(text)


def test_friends_to_lovers_and_confessions():
    text = (
        "Ann was Bob's best friend.\n\n"
        '"You\'re more than a friend to me," Bob told Ann. "I love you, Ann."\n'
    )
    found = tags_for(text)
    assert "Friends to Lovers" in found
    assert "Confessions" in found


def test_blood_bond_needs_blood_and_a_bond():
    text = (
        "Bob cut his palm and Ann cut hers. Blood ran down their wrists.\n\n"
        '"With this blood I bind you to me," Bob said. They pressed their bloodied hands '
        "together and swore the blood oath.\n"
    )
    assert "Blood Bond" in tags_for(text)
    assert "Blood Bond" not in tags_for("Ann cut her palm on the glass. Blood dripped.")


def test_hurt_comfort():
    text = (
        "Bob was crying, shaking, the pain in his side making him flinch.\n\n"
        "Ann held him close. \"It's okay, I'm here,\" she said, and wiped away his tears.\n"
    )
    assert "Hurt/Comfort" in tags_for(text)


def test_loneliness_and_kid_fic():
    text = (
        "Ann was nine years old and lonely. Nobody wanted her at the orphanage, and she "
        "was always alone.\n\nBob was an outcast too, a nine-year-old with no friends.\n"
    )
    found = tags_for(text)
    assert "Loneliness" in found
    assert "Kid Fic" in found
    assert "Kid Fic" not in tags_for("When Ann was six her family moved. Now she ran the mill.")


def test_quiet_text_gets_no_tags():
    assert tags_for("Ann bought bread. Bob read the paper. The bus was late.") == {}
