"""Who speaks each quote: a sieve of rules, most precise first."""

from __future__ import annotations

import bisect

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.document import Document
from fanarchive.analysis.model import Quote


def attribute_speakers(document: Document, quotes: list[Quote], cast: Cast) -> None:
    starts = [m.start for m in cast.mentions]
    for quote in quotes:
        i = bisect.bisect_left(starts, quote.end)
        if i < len(starts) and starts[i] - quote.end < 40:
            quote.speaker, quote.confidence, quote.rule = (
                cast.mentions[i].character,
                0.6,
                "nearest_after",
            )
