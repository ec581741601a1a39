"""Round 24 of the hand-written stories (tests/data/warnings_stories/round24), written before
its session's rules and before reading the rule code, in forms of AO3 fan fiction the earlier
rounds held little of: prefaces and tags, a British sixth form, "has just turned sixteen",
ages stated by another character in dialogue, a birthday chapter; as traps canon adults in
modern AUs (an evening class, a PhD student and his lecturer), fifth-years then a time skip,
adults "behaving like Year 9s" with a thirteen-year-old bridesmaid; and a cutting to cope, a
kitchen accident and a fistfight. The stories are scored with every other round in
tests/analysis/test_warnings_stories_round2.py; this module holds the rules round 24's tune
side asked for, each with a test that fails on the old code (0cc589d).
"""

from fanarchive.analysis.pipeline import analyze_text
from tests.analysis.minors import likelihood

GRAPHIC = "Graphic Depictions Of Violence"

# Story 253: the pair is known only from the author's relationship tag, the age only from the
# tags, and the kiss is told with pronouns, so the pair had no romance of its own.
PREFACE = (
    "Fandom: Mo Dao Zu Shi\n"
    "Relationship: Jiang Cheng/Nie Huaisang\n"
    "Additional Tags: Modern AU, Boarding School, {ages}, First Kiss\n\n"
    "Summary: Exams, a borrowed umbrella, and a rooftop.\n\n*\n\n"
    "The rain had not stopped for three days. Nie Huaisang had lost his umbrella again, and"
    " Jiang Cheng had lent him his, complaining the whole way across the quad.\n\n"
    '"You never give anything back," Jiang Cheng said.\n\n"I gave you my notes."\n\n'
    '"Your notes are drawings of birds."\n\n'
    "On the roof of the dormitory, under the dripping eaves, they sat with their knees"
    " touching and watched the town lights come on. {kiss}"
)
KISS = "Then he turned and kissed him, quick and clumsy, and neither of them said a word."


def test_a_pair_known_from_its_tag_has_the_romance_told_with_pronouns():
    text = PREFACE.format(ages="Jiang Cheng and Nie Huaisang are 15", kiss=KISS)
    assert likelihood(text) == "likely"


def test_a_tagged_pair_without_a_romance_gets_no_note():
    text = PREFACE.format(ages="Jiang Cheng and Nie Huaisang are 15", kiss="It was late.")
    assert likelihood(text) is None


def test_a_tagged_adult_pair_kissing_with_pronouns_gets_no_note():
    text = PREFACE.format(ages="Jiang Cheng and Nie Huaisang Are Adults", kiss=KISS)
    assert likelihood(text) is None


# Story 263: a fistfight's burst nose read as Graphic Depictions Of Violence.
FIGHT = (
    "The man in the Bulls jacket shoved Tomasz into the bar. Tomasz came back swinging. His fist"
    " caught the man in the mouth, and the man punched him twice in the stomach and once in the"
    " face, {injury}. The bouncer dragged them apart."
)


def _archive(text: str) -> set[str]:
    return {w.name for w in analyze_text(text).warnings if w.archive_warning}


def _notes(text: str) -> set[str]:
    return {w.name for w in analyze_text(text).warnings}


def test_a_nosebleed_in_a_fistfight_is_violence_but_not_graphic():
    text = FIGHT.format(injury="and his nose burst, blood pouring down over his chin")
    assert "Violence" in _notes(text)
    assert GRAPHIC not in _archive(text)


def test_a_wound_pouring_blood_stays_graphic():
    text = FIGHT.format(
        injury="and then a knife was in Tomasz's side, blood pouring out over the floor"
    )
    assert GRAPHIC in _archive(text)


def test_blood_from_a_stabbed_mans_lips_stays_graphic():
    text = FIGHT.format(
        injury="and then the man stabbed him in the chest, blood pouring from his lips onto the bar"
    )
    assert GRAPHIC in _archive(text)


def test_blood_pouring_from_a_split_lip_is_not_graphic():
    text = FIGHT.format(injury="and Tomasz reeled back, blood pouring from his split lip")
    assert GRAPHIC not in _archive(text)
