"""Violence (thirteenth session, viol13): hand-written passages for the rules' decision on a
lone graphic word, a trigger pulled, and weak cues said in dialogue (docs/warnings.md,
"Violence and death (thirteenth session)")."""

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.warnings import detect_warnings


def names(text: str) -> set[str]:
    document = read_text(text)
    return {w.name for w in detect_warnings(document, find_quotes(document), Cast())}


# A bare graphic word, alone in a quiet scene, said of things or of no one in particular.
MUSEUM = (
    "The museum opened late on Sundays. Priya walked the long gallery with her coffee. "
    "The statue's marble hands, long since severed, lay in a glass case by the door. "
    "She wrote a note about the lighting. Then she went home."
)


def test_a_lone_bare_graphic_word_makes_no_violence():
    assert "Violence" not in names(MUSEUM)


def test_a_graphic_word_among_blows_still_makes_violence():
    text = MUSEUM.replace(
        "She wrote a note about the lighting.",
        "A man grabbed her by the hair and punched her in the face, again and again.",
    )
    assert "Violence" in names(text)


def test_a_lone_graphic_word_with_its_victim_still_makes_violence():
    assert "Violence" in names("The hall was empty. The guard was impaled on the railings.")
    assert "Violence" in names("The hall was empty. Then she beheaded the traitor.")


def test_a_lone_blow_told_with_its_victim_still_makes_violence():
    assert "Violence" in names("The hall was empty. Then she stabbed him. Nobody came.")


def test_a_trigger_pulled_is_the_shot():
    text = (
        "The farmhouse was quiet. Odile stood over the kneeling man. "
        "Without a word, she pulled the trigger. The crows lifted from the field."
    )
    assert "Violence" in names(text)


def test_a_trigger_pulled_on_a_deal_is_no_shot():
    text = (
        "The board met at nine. Odile read the figures twice. "
        "By noon she had pulled the trigger on the merger. The crows lifted from the field."
    )
    assert "Violence" not in names(text)


# Talk of a fight is not the fight: weak cues inside quotation marks count half.
TALK = (
    '"Some lad picked a fight at the bar, a proper fight," Kit said. '
    '"Fists, kicks, screaming, the lot." '
    '"And you?" Sam asked. "Groaning on the floor with the bruises," Kit said. '
    "They went back to their cards."
)


def test_weak_cues_said_in_dialogue_make_no_violence():
    assert "Violence" not in names(TALK)


def test_the_same_weak_cues_in_narration_still_count():
    text = (
        "Sam threw a punch and the fight spilled into the yard. Kit kicked and clawed. "
        "The attack went on until the enemy fled, screaming. They went back to their cards."
    )
    assert "Violence" in names(text)
