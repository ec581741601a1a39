"""Speed, seventeenth session: each fast path against the slow one on hand-written input."""

from __future__ import annotations

import re
from bisect import bisect_right

from fanarchive.analysis.characters.scan import Scan

PASSAGE = (
    '"Are you coming?" Wren asked.\n\nTobias shrugged. "Later," he said, "once the rain '
    "stops.\"\n\nShe read the note aloud: 'Meet me at the mill. Bring the lamp.' Then she "
    'laughed. "He always says that."'
)


def _bisect_in_quote(starts: list[int], ends: list[int], offset: int) -> bool:
    i = bisect_right(starts, offset) - 1
    return i >= 0 and offset < ends[i]


def _check(text: str, starts: list[int], ends: list[int]) -> None:
    scan = Scan(text, [], starts, ends, None)
    for offset in range(-3, len(text) + 4):
        assert scan.in_quote(offset) == _bisect_in_quote(starts, ends, offset), offset


def test_in_quote_reads_as_the_bisect_did():
    spans = [(m.start(), m.end()) for m in re.finditer(r'"[^"]*"|\'[^\']*\'', PASSAGE)]
    _check(PASSAGE, [s for s, _ in spans], [e for _, e in spans])


def test_in_quote_with_nested_touching_and_tied_quotations():
    text = "abcdefghijklmnopqrstuvwxyz" * 2
    # a quotation holding another (the later start rules past its end), two sharing a
    # start, one touching the next, an empty one, and one running to the text's end
    starts = [2, 5, 12, 12, 20, 24, 24, 40]
    ends = [11, 7, 14, 18, 24, 24, 30, 52]
    _check(text, starts, ends)
    _check(text, [], [])


def _drafts(text: str) -> list:
    from fanarchive.analysis.characters.detect import Draft
    from fanarchive.analysis.model import Character

    drafts = []
    for name in ("Wren", "Tobias"):
        spans = [(m.start(), m.end()) for m in re.finditer(name, text)]
        drafts.append(Draft(Character(name=name), spans))
    return drafts


def _scan_of(text: str) -> Scan:
    spans = [(m.start(), m.end()) for m in re.finditer(r'"[^"]*"', text)]
    return Scan(text, [], [s for s, _ in spans], [e for _, e in spans], None)


def test_shared_narrated_mentions_equal_a_fresh_index():
    from fanarchive.analysis.characters.apposition import NarratedMentions

    text = (
        'Wren waited. "Tobias?" Tobias came in, and Wren smiled. "Wren, look," Tobias said.'
        " The tall man sat. Later the tall man left, and Wren and Tobias and Tobias's dog followed."
    )
    scan = _scan_of(text)
    named = _drafts(text)
    mentions = NarratedMentions(named, scan)
    # as the old `_most_named` counted: each draft's mentions outside the quotations
    counts = [sum(1 for s, _ in d.spans if not scan.in_quote(s)) for d in named]
    assert mentions.most_named() is named[counts.index(max(counts))]
    given = [(named[1], (m.start(), m.end())) for m in re.finditer("the tall man", text)]
    given.append((named[0], (text.index("look"), text.index("look") + 4)))  # in a line
    for draft, span in given:
        draft.spans.append(span)
    mentions.add_all(given)
    assert mentions.starts() == NarratedMentions(named, scan).starts()
    assert mentions.most_named() is named[1]
