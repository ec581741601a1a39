"""Review (sixteenth session; docs/evaluation.md, "Review (sixteenth session)"): passages a
story could hold where the session's rules misread, each failing before its fix."""

from tests.analysis.casts import cast_of, names


def _kitchen(beat: str) -> str:
    """Harry and Ron in a farmhouse kitchen, `beat` the narration paragraph just before an
    untagged line."""
    return (
        "The farmhouse kitchen smelled of woodsmoke and wet dogs. Harry sat with his back to the stove, turning a mug of tea round and round in his hands, while Ron rummaged through the cupboards for anything that was not tinned.\n"
        "\n"
        '"There\'s beans," Ron said. "There\'s always beans."\n'
        "\n"
        '"I\'m not hungry."\n'
        "\n"
        "\"You're always hungry. That's how I know something's wrong.\"\n"
        "\n"
        "Harry didn't answer. Ron gave up on the cupboards, pulled out the other chair and sat on it backwards, arms folded across the top rail, watching him.\n"
        "\n" + beat + "\n"
        "\n"
        '"I didn\'t sleep at all. The dreams again."\n'
        "\n"
        '"The graveyard?"\n'
        "\n"
        '"The graveyard."\n'
        "\n"
        "Ron was quiet for a long moment, then he got up and put the beans on anyway.\n"
    )


# A given name English also writes as an hour, opening the beat before an untagged line.
DAWN = _kitchen("Dawn broke grey and wet over the hills behind the orchard.")

# A place that is also a given name, rolling past a window before an untagged line.
GEORGIA = (
    "The motel room had one bed, one chair, and a painting of a lighthouse that was slightly crooked. Steve straightened it twice before Bucky told him to stop.\n"
    "\n"
    '"It\'s bothering me," Steve said.\n'
    "\n"
    '"Everything\'s bothering you. Sit down."\n'
    "\n"
    "Steve sat down on the end of the bed. Bucky spread the map out across the bedspread and weighted the corners with a boot, a gun, and a paper cup of coffee.\n"
    "\n"
    '"We\'re two hundred miles off," Bucky said. "At least."\n'
    "\n"
    "Georgia rolled past the window in a long green blur of pine and kudzu.\n"
    "\n"
    "\"We're in the wrong state entirely, aren't we?\"\n"
    "\n"
    '"Told you at the gas station."\n'
    "\n"
    "Steve groaned and lay back across the map.\n"
)

# A car maker's name that is also a given name, modifying a plural noun.
MERCEDES = (
    "The garage was cold enough that their breath hung in the air. Aziraphale hovered by the door with a tin of biscuits, while Crowley lay half under the car with only his legs showing.\n"
    "\n"
    '"Hand me the small spanner," Crowley said.\n'
    "\n"
    '"Which one is the small spanner?"\n'
    "\n"
    '"The small one, angel."\n'
    "\n"
    "Aziraphale picked through the toolbox with two fingers, as if the tools might bite, and passed down something that was probably a spanner.\n"
    "\n"
    "Mercedes made engines like this once, before they made them sensible.\n"
    "\n"
    '"This is a screwdriver."\n'
    "\n"
    '"It\'s small, though."\n'
    "\n"
    "Crowley slid out from under the car and looked at him for a long time.\n"
)


def test_a_time_opening_the_beat_before_a_line_is_no_one():
    assert names(cast_of(DAWN)) == {"Harry", "Ron"}


def test_a_place_with_no_he_or_she_opening_the_beat_is_no_one():
    assert names(cast_of(GEORGIA)) == {"Bucky", "Steve"}


def test_a_name_modifying_a_plural_noun_is_no_one():
    assert names(cast_of(MERCEDES)) == {"Aziraphale", "Crowley"}


# A given name modifying the plural noun the sentence is about.
OLIVE = _kitchen("Olive trees lined the road beyond the window, silver in the rain.")

# A month's name that is someone: her pronoun vouches for her.
JUNE = _kitchen("June pushed the back door open with her shoulder, arms full of wet washing.")


def test_a_name_modifying_trees_is_no_one():
    assert names(cast_of(OLIVE)) == {"Harry", "Ron"}


def test_a_month_name_with_her_pronoun_is_someone():
    assert names(cast_of(JUNE)) == {"Harry", "June", "Ron"}
