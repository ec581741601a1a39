"""A voice heard before its owner is seen: `Pepper's voice was tight.` beside a phone line,
`Sam's voice came muffled through the wall.` closing the paragraph before a line. Whole
pipeline on hand-written passages."""

from fanarchive.analysis.pipeline import analyze_text

PHONE = (
    "The phone rang four times before Tony picked up.\n\n"
    '"Stark."\n\n'
    '"It\'s me." Pepper\'s voice was tight. "Where are you?"\n\n'
    '"Workshop. Why? What\'s wrong?"\n\n'
    '"Rhodey called. He\'s been trying to reach you for an hour."\n\n'
    "Tony was already pulling up the call log on the nearest screen. He winced.\n\n"
    '"I had the music on."\n\n'
    '"You always have the music on."\n'
)


def test_a_name_said_once_whose_voice_speaks_is_a_character_and_speaks():
    # Before: Pepper (a common word, named once) was no one, and all six lines were Tony's.
    analysis = analyze_text(PHONE)
    assert "Pepper" in {c.name for c in analysis.characters}
    speakers = [q.speaker for q in analysis.quotes]
    assert speakers == ["Tony", "Pepper", "Pepper", "Tony", "Pepper", "Tony", "Pepper"]


WALL = (
    'Dean\'s jaw tightened. "Cas."\n\n'
    '"I\'m aware of the time, Dean."\n\n'
    "\"It's three in the morning. You can't just zap into my room at three in the morning.\"\n\n"
    'Castiel tilted his head, considering this. "You weren\'t asleep."\n\n'
    '"That\'s not the point."\n\n'
    "Dean opened his mouth, shut it again, and dragged a hand down his face. Across the hall, "
    "a door creaked open and Sam's voice came muffled through the wall.\n\n"
    '"Are you two fighting again?"\n\n'
    '"No!"\n'
)


def test_a_voice_closing_the_paragraph_before_speaks_the_line_after_it():
    speakers = [q.speaker for q in analyze_text(WALL).quotes]
    assert speakers[-2:] == ["Sam", "Dean"]
