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
