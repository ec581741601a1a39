"""Remembered speech (speakers/context.py `memory_nearby`): a line beside narration that
speaks of memory is left to no one, since it may be something said long ago; a line that
only *says* "remember" is no such narration (in fic_tune4's pizza scene four lines beside
`"I remember things!"` were left to no one)."""

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import run_sieve


def memory_beside_each_line(text: str) -> list[bool]:
    document = read_text(text)
    quotes = find_quotes(document)
    sieve = run_sieve(document, quotes, detect_cast(document, quotes, default_knowledge()))
    return [sieve.ctx.memory_nearby(line) for line in sieve.lines]


def test_a_line_about_remembering_is_no_memory_beside_the_next():
    text = (
        "Priya held out the green scarf. Jun took it.\n\n"
        '"Thanks, Pri."\n\n"Someone in this house has to remember things."\n\n'
        '"I remember things!"\n\n"You forgot my name at the party."\n'
    )
    assert memory_beside_each_line(text) == [False, False, False, False]


def test_narration_that_remembers_still_marks_remembered_speech():
    text = (
        "Priya held out the green scarf. Jun took it.\n\n"
        "She remembered her mother, years ago, in another kitchen.\n\n"
        '"Eat something, little one."\n'
    )
    assert memory_beside_each_line(text) == [True]
