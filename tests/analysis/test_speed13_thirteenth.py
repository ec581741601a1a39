"""The thirteenth session's speed helpers give what the plain paths they replace give."""

from __future__ import annotations

import random

from fanarchive.analysis.document import WORD_RE, Document
from fanarchive.analysis.warnings.learned import ngrams, vocabulary_grams

TEXTS = [
    "",
    "Word",
    "well-known o'clock rock'n'roll -- a--b a- -b it's ’tis don’t",
    "snake_case 3rd 42 café naïve Ärger 東京 x'-y",
    "Line one.\n\nLine two, with  double  spaces\tand tabs.",
]


def _random_text(rng: random.Random) -> str:
    pieces = ["a", "Bé", "_", "1", "'", "’", "-", " ", "\n", ".", "x9", "--", "东"]
    return "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 60)))


def test_count_words_counts_what_word_re_finds():
    rng = random.Random(13)
    texts = TEXTS + [_random_text(rng) for _ in range(500)]
    for text in texts:
        document = Document(text=text)
        assert document.count_words() == len(WORD_RE.findall(text))
        for start, end in ((0, len(text) // 2), (len(text) // 3, len(text))):
            assert document.count_words(start, end) == len(WORD_RE.findall(text, start, end))


def test_vocabulary_grams_are_the_ngrams_in_the_vocabulary():
    vocabulary = frozenset(
        {"the", "he", "was", "he was", "at the", "and the", "kill", "had been", "been"}
    )
    rng = random.Random(13)
    words = ["the", "he", "was", "at", "and", "kill", "had", "been", "cat", "sat"]
    for _ in range(500):
        sentence = [rng.choice(words) for _ in range(rng.randrange(0, 15))]
        assert vocabulary_grams(sentence, vocabulary) == ngrams(sentence) & vocabulary
