"""Speed, sixteenth session: each fast path gives what the slow one gave, on hand-written
passages."""

from __future__ import annotations

import re

from fanarchive.analysis.pipeline import analyze_document  # noqa: F401  (registers lexicons)
from fanarchive.analysis.text import trie_pattern
from fanarchive.analysis.warnings import scanner, scene

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


BLOW_PASSAGE = (
    "He hit the wall. Then he hit her across the face and her lip split open. The bat "
    "cracked against his ribs; he went down.\n\nShe said nothing. A shot rang out, and the "
    "man's shoulder bled. They'd fought before. “You struck him!” she cried. He punched "
    "Tom in the jaw, and Tom fell. Whitehall was quiet. The combat film ended; nobody was "
    "hurt. A knife-fight? No: he stabbed the bread. Kicking, he broke his nose.\n"
    "The gun fired twice and the boy's arm was broken. Rifle butt to the temple: he dropped."
)


def test_force_openings_cover_every_search():
    """A FORCE match in any slice of a passage starts where one of its openings stands."""
    lowered = BLOW_PASSAGE.lower()
    starts = set(scene.FORCE.opening_starts(lowered))
    found = 0
    for start in range(len(lowered)):
        for end in (start + 30, len(lowered)):
            match = scene.FORCE.search(lowered[start:end])
            if match is not None:
                found += 1
                assert start + match.start() in starts, (start, end)
    assert found > 100


def test_blow_cues_read_only_sentences_with_an_opening(monkeypatch):
    """blow_cues over the sentences holding a FORCE opening gives what it gave over all."""
    from fanarchive.analysis.sentences import SentenceIndex, split_sentences

    for text in (BLOW_PASSAGE, BLOW_PASSAGE.upper(), BLOW_PASSAGE.replace(". ", ".\n\n")):
        index = SentenceIndex(text, split_sentences(text))
        fast = scene.blow_cues(text, index, [])
        with monkeypatch.context() as patched:
            patched.setattr(scene, "_may_hold_force", lambda _l, i: range(len(i.spans)))
            slow = scene.blow_cues(text, index, [])
        assert fast == slow
    assert fast
