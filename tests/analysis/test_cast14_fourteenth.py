"""The cast, fourteenth session (docs/evaluation.md, "Once-named companions (fourteenth
session)"): the one a second-person or first-person narrator is with, named once in the
narration and then called in a line by the opening of that name."""

from fanarchive.analysis import analyze_text

MORNING = (
    "You come home to the smell of burnt toast and the sight of {name} arguing with the "
    "smoke alarm.\n\n"
    '"Don\'t laugh," he says. "It started it."\n\n'
    '"I wasn\'t going to laugh."\n\n'
    '"You were. I could hear you thinking it." He waves a tea towel at the ceiling until '
    "the beeping stops.\n\n"
    '"Did Maren ring?" you ask.\n\n'
    '"Twice. She wants the car back by six."\n\n'
    '"Then give it back by six, {call}."\n\n'
    '"Bossy," he says, and kisses your cheek.\n'
)


def _cast(name: str, call: str) -> dict[str, list[str]]:
    analysis = analyze_text(MORNING.format(name=name, call=call))
    return {c.name: c.aliases for c in analysis.characters}


def _speakers(name: str, call: str) -> list[str]:
    analysis = analyze_text(MORNING.format(name=name, call=call))
    return [q.speaker for q in analysis.quotes]


def test_a_name_said_once_and_called_by_its_opening_is_in_the_cast():
    """`Tobiah` once in the narration, `Tobi` in a line: the companion is someone, and the
    lines `he says` gets are his (before, the cast was Reader and Maren only)."""
    assert "Tobiah" in _cast("Tobiah", "Tobi")
    assert _speakers("Tobiah", "Tobi")[:2] == ["Tobiah", "Tobiah"]


def test_the_clip_may_be_an_ordinary_word():
    """`Rookwell` once, `"..., Rook."` (an English word) as the call."""
    assert "Rookwell" in _cast("Rookwell", "Rook")


def test_a_call_that_opens_no_name_said_adds_no_one():
    """The call must open the once-named word: `Tobiah` with `"..., Sunshine."` stays out."""
    assert "Tobiah" not in _cast("Tobiah", "Sunshine")
