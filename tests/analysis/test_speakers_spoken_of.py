"""A line that makes someone the subject of a third-person verb (`"Hux is grumpy because they
made him wear a bow tie."`) is not theirs: no one speaks of themself so. The learned ranking
does not choose them (`Sieve.spoken_of`, `ranking.candidate_features`)."""

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.packs import default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import run_sieve
from fanarchive.analysis.speakers.ranking import candidate_features

GALA = (
    "Orrin stood by the window with Vesna and Huxley, watching the guests.\n\n"
    '"Stop touching your cufflinks," Vesna said.\n\n'
    '"I\'m appreciating them," Huxley said.\n\n'
    '"Huxley is grumpy because they made him wear a bow tie."\n\n'
    "\"It's a clip-on. It's an insult.\"\n"
)


def sieve_of(text: str):
    document = read_text(text)
    document.metadata.characters = ["Orrin", "Vesna", "Huxley"]
    quotes = find_quotes(document)
    return run_sieve(document, quotes, detect_cast(document, quotes, default_knowledge()))


def line_saying(sieve, words: str):
    return next(line for line in sieve.lines if words in line.quote.text)


def test_the_one_a_line_speaks_of_is_no_candidate():
    sieve = sieve_of(GALA)
    line = line_saying(sieve, "Huxley is grumpy")
    assert sieve.spoken_of([line]) == {"Huxley"}
    # Before, Huxley (the turn two back) was among the ranking's candidates.
    assert "Huxley" not in candidate_features(sieve, line)


def test_a_name_called_or_owned_is_not_spoken_of():
    sieve = sieve_of(GALA.replace("Huxley is grumpy", "Huxley, you're grumpy"))
    line = line_saying(sieve, "you're grumpy")
    assert sieve.spoken_of([line]) == set()
