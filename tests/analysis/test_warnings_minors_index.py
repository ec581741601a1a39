"""The minors check's indexes answer as the counting they replaced: which chapter an offset
is in (by bisection over the chapter starts, not by counting them for every romance
sentence, which was quadratic in a work of thousands of short chapters)."""

import random

from fanarchive.analysis.reading import read_bytes
from fanarchive.analysis.sentences import sentence_index
from fanarchive.analysis.warnings.special import _RomanceIndex


def test_chapter_of_agrees_with_counting_the_chapter_starts_before_an_offset():
    text = "".join(f"Chapter {i}\n\nMara was fifteen. Mara kissed Joel.\n\n" for i in range(1, 40))
    document = read_bytes(text.encode("utf-8"), "work.txt")
    assert len(document.chapters) > 10  # the headings are read as chapters
    romance = _RomanceIndex(document, sentence_index(document), [])
    rng = random.Random(7)
    starts = [c.start for c in document.chapters[1:]]
    for offset in [0, len(text) - 1, *starts, *(s - 1 for s in starts)] + [
        rng.randrange(len(text)) for _ in range(200)
    ]:
        assert romance.chapter_of(offset) == sum(1 for s in starts if s <= offset)
