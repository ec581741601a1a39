"""Speed, sixteenth session: each fast path gives what the slow one gave, on hand-written
passages."""

from __future__ import annotations

import re

from fanarchive.analysis.pipeline import analyze_document  # noqa: F401  (registers lexicons)
from fanarchive.analysis.text import trie_pattern
from fanarchive.analysis.warnings import scanner

SCAN_PASSAGE = (
    "The knife slid into his side and he'd bled for an hour. She stabbed the man twice, "
    "then kissed him; the corpse's hands were cold. He kicked the door, punched the wall, "
    "and hit her. “I’ll kill you,” he said, the gun in his hand, the blood on the floor. "
    "They buried him at dawn: the funeral, the grave, the coffin. He was beaten, bruised, "
    "burned. She cut her arm open with a razor; he died in her arms. She's dead, they're "
    "dying, he'd shot the dog. Shot. Stabbed!  The\nknife, the  knife, the knife's edge."
)


def _scan_position_by_position(text, lexicons):
    """`scanner.scan` as it was: each anchored alternation tried at each position in turn."""
    lowered = scanner.lower_same_length(text)
    results = [[] for _ in lexicons]
    entries = {}
    words = scanner._distinct_words(lowered)
    words.update([w.split("'", 1)[0] for w in words if "'" in w])
    starting = scanner._starting_cues(tuple(lexicons))
    for word in words:
        found = starting.at(word)
        if found:
            entries[word] = [(results[i], matcher) for i, matcher in found]
    if not entries:
        return results
    finder = re.compile(r"\b" + trie_pattern(entries) + r"\b")
    for found in finder.finditer(lowered):
        start = found.start()
        for hits, matcher in entries[found.group()]:
            match = matcher.match(lowered, start)
            if match is not None and not (
                hits and hits[-1].start == start and hits[-1].end == match.end()
            ):
                hits.append(scanner.Hit(start, match.end(), " ".join(match.group().split())))
    return results


def test_scan_by_word_equals_position_by_position():
    """The alternations tried word by word give every lexicon the hits, in the order, that
    the walk over the positions gave: on every slice of a passage dense with cues, with
    apostrophes, curly quotes and line breaks."""
    lexicons = list(scanner._REGISTRY)
    assert lexicons
    total = 0
    for start in range(0, len(SCAN_PASSAGE), 7):
        for end in (start + 40, start + 160, len(SCAN_PASSAGE)):
            text = SCAN_PASSAGE[start:end]
            expected = _scan_position_by_position(text, lexicons)
            assert scanner.scan(text, lexicons) == expected, (start, end)
            total += sum(map(len, expected))
    assert total > 100
