"""Content warnings on hand-written passages: what fires, what must not, and the evidence."""

import pytest

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.model import Character, Mention
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.warnings import detect_warnings


def warnings_for(text: str, cast: Cast | None = None) -> dict:
    document = read_text(text)
    found = detect_warnings(document, find_quotes(document), cast or Cast())
    for warning in found:
        assert warning.evidence, f"{warning.name} has no evidence"
        for item in warning.evidence:
            assert document.text[item.start : item.end] == item.text
    return {w.name: w for w in found}


POSITIVES = [
    (
        "Violence",
        "He drove the knife into the guard's stomach. The man screamed in agony and fell. "
        "Jon kicked him in the face and stabbed him again.",
    ),
    (
        "Graphic Depictions Of Violence",
        "The axe came down and severed his arm at the elbow. Blood spurted across the floor "
        "in a pool of blood, and the crunch of bone echoed. He stabbed him again and again "
        "until his entrails spilled onto the stones.",
    ),
    (
        "Death",
        "Her mother died that winter. They buried her behind the chapel, and at the funeral "
        "nobody spoke. Her lifeless body had been found by the river.",
    ),
    (
        "Blood",
        "Blood poured from the gash in his side. He pressed his hand to it, but it kept "
        "bleeding through his fingers and soon his shirt was soaked in blood.",
    ),
    (
        "Killing",
        "She had killed three men before breakfast. The assassin wiped her blade and went "
        "looking for the fourth; killing was the only thing she was good at.",
    ),
    (
        "Suicide",
        "He wrote the note slowly. He had decided to kill himself before the week was out, "
        "and the thought of suicide no longer frightened him.",
    ),
    (
        "Self-Harm",
        "She locked the bathroom door and took out the razor blade. She cut her arm again, "
        "the way she always did when she felt numb, and hid the cuts on her wrists with "
        "long sleeves.",
    ),
    (
        "Abuse",
        "His father used to beat him when he drank. The abuse went on for years, and the "
        "bruises were always hidden under his school jumper.",
    ),
    (
        "Rape/Non-Con",
        "He forced himself on her while she begged him to stop. Later she could not say the "
        "word rape even to herself.",
    ),
    (
        "Abduction",
        "They kidnapped the girl on her way home. Her captors kept her blindfolded and "
        "gagged in a basement and sent her father a ransom note.",
    ),
    (
        "War",
        "The war had reached the village by spring. Soldiers marched through the square, "
        "artillery shook the hills, and the casualties were carried past on carts from the "
        "front lines.",
    ),
]


@pytest.mark.parametrize(("name", "text"), POSITIVES, ids=[p[0] for p in POSITIVES])
def test_warning_fires_with_evidence(name, text):
    assert name in warnings_for(text)


TRAPS = [
    # Figurative uses of violent words.
    ("Death", "I'm dead tired, she said. These shoes are killing me and I'm bored to death."),
    (
        "Killing",
        "You're killing me, he laughed. We killed time at the mall; her killer smile helped.",
    ),
    ("Blood", "Bloody hell, he said. It's in his blood, that bloody brilliant idiot."),
    ("Violence", "She shot him a glance and beat him to the door, fighting back tears."),
    # A look shot at someone named, or with its adjective (before: a Violence note).
    (
        "Violence",
        "Mara shot her brother a look across the table. Tom shot Ana an irritated glance "
        "and then shot the waiter a pleading smile. She laughed, and he shot her a look.",
    ),
    # Negation and hypotheticals.
    ("Violence", "He never hit her. He would not hurt a fly, and he didn't punch anyone."),
    ("Death", "Nobody died. If he died she would never forgive herself, but he didn't die."),
    # A weapon merely named.
    ("Violence", "The sword hung above the fireplace. Next to it was an old knife and a gun case."),
    ("Self-Harm", "He cut the bread and sliced the tomatoes for the salad."),
]


@pytest.mark.parametrize(
    ("name", "text"), TRAPS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(TRAPS)]
)
def test_precision_traps_stay_quiet(name, text):
    assert name not in warnings_for(text)


def test_graphic_violence_is_an_archive_warning_and_high():
    found = warnings_for(POSITIVES[1][1])
    graphic = found["Graphic Depictions Of Violence"]
    assert graphic.archive_warning and graphic.severity == "high"


def test_mild_scuffle_is_low_severity():
    found = warnings_for("He shoved him against the wall and punched him. Then they both laughed.")
    assert found.get("Violence") is None or found["Violence"].severity == "low"


def test_ritual_cut_is_low_self_harm_with_detail():
    text = (
        'He took out a knife and sliced his hand open. "Cut your hand too," he said. '
        "She slashed her palm and they pressed their hands together to seal the blood oath."
    )
    found = warnings_for(text)
    assert found["Self-Harm"].severity == "low"
    assert "ritual" in found["Self-Harm"].detail


def test_cutting_someone_else_is_not_self_harm():
    assert "Self-Harm" not in warnings_for("She grabbed the thief and he slashed her arm open.")


def test_minor_from_authors_note_in_romantic_scene():
    text = (
        "A/N: in this story they're about ten.\n\n"
        "Tom blushed. Then he leaned over and kissed Ben, quick and shy.\n"
    )
    found = warnings_for(text)
    minors = found["Minors in a Romantic or Sexual Scene"]
    assert minors.severity == "medium"
    assert any("about ten" in e.text for e in minors.evidence)
    assert any("kissed" in e.text for e in minors.evidence)
    assert "Underage Sex" not in found


def test_school_age_and_sexual_scene_is_underage_sex():
    text = (
        "They were both in eighth grade. That night they had sex for the first time, naked "
        "under the blankets, and he moaned her name."
    )
    found = warnings_for(text)
    assert found["Underage Sex"].archive_warning
    assert found["Minors in a Romantic or Sexual Scene"].severity == "high"


@pytest.mark.parametrize(
    "text",
    [
        "They kissed under the stars. They were both thirty-two and tired of waiting.",
        "Their daughter is six. He kissed his wife goodnight.",
        "She is twelve years old and loves horses. Nobody kissed anyone.",
    ],
)
def test_no_minor_warning_without_a_minor_in_romance(text):
    assert "Minors in a Romantic or Sexual Scene" not in warnings_for(text)


def test_major_character_death_needs_a_cast_member_dying():
    text = "Sam stared at the sky. Sam died in the snow before the medics came. It was over."
    start = text.index("Sam")
    second = text.index("Sam", start + 1)
    cast = Cast(
        [Character("Sam Winchester", present=True, mentions=3)],
        [
            Mention(start, start + 3, "Sam Winchester"),
            Mention(second, second + 3, "Sam Winchester"),
        ],
    )
    found = warnings_for(text, cast)
    assert found["Major Character Death"].archive_warning
    assert "Major Character Death" not in warnings_for("Sam said nobody died today.", cast)


def test_empty_and_harmless_texts():
    assert warnings_for("The tea was warm and the cat slept on the windowsill.") == {}


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Self-Harm", "After which he cut himself a crust of bread and threw the knife down."),
        ("Self-Harm", "When Louisa opened her arms, he stepped into them."),
        (
            "Minors in a Romantic or Sexual Scene",
            "The thirty-five-year-old widow kissed the forty-year-old heir at the altar.",
        ),
        ("Major Character Death", "Even my passion for Polina is dead."),
        ("Graphic Depictions Of Violence", "If there were laws here, I would have her impaled."),
        ("Rape/Non-Con", "He went to the party against his will and sulked all evening."),
    ],
)
def test_more_precision_traps(name, text):
    cast = Cast(
        [Character("Polina", present=True, mentions=3)],
        [Mention(text.find("Polina"), text.find("Polina") + 6, "Polina")]
        if "Polina" in text
        else [],
    )
    assert name not in warnings_for(text, cast)


def test_unicode_that_lowercases_longer_keeps_offsets():
    text = "İstanbul burned. He stabbed him twice and blood poured from the wound; he kicked him in the face."
    found = warnings_for(text)
    assert "Violence" in found
