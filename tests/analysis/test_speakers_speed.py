"""Speed budget: quote finding and attribution together within 300 ms per 100,000 words."""

import time

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.model import Character, Mention
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import attribute_speakers

PASSAGE = (
    "Emma walked into the garden where Harriet was waiting under the old tree.\n\n"
    '"You are late," said Harriet, folding her hands in her lap.\n\n'
    '"I know. My father kept me talking about the weather for an hour."\n\n'
    '"He always does." She laughed. "Shall we walk down to the river?"\n\n'
    "They set off along the path, talking of nothing in particular, while the sun sank "
    "slowly behind the hills and the birds settled in the hedges for the night.\n\n"
)


def test_quotes_and_speakers_within_budget():
    text = PASSAGE * (100_000 // len(PASSAGE.split()) + 1)
    document = read_text(text)
    mentions = [
        Mention(i, i + len(name), name)
        for name in ("Emma", "Harriet")
        for i in _find_all(document.text, name)
    ]
    cast = Cast(
        [Character("Emma", gender="female"), Character("Harriet", gender="female")],
        sorted(mentions, key=lambda m: m.start),
    )
    started = time.process_time()
    quotes = find_quotes(document)
    attribute_speakers(document, quotes, cast)
    elapsed = time.process_time() - started
    assert len(quotes) > 4000
    assert elapsed < 0.3 * 2  # budget 0.3 s; slack for a loaded test machine


def _find_all(text: str, word: str):
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + 1)
