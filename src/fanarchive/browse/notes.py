"""Which analysed content notes the Browse filter "Hide works where the text shows …"
(`?hide_note=`) acts on.

A hidden work is a work the reader never sees, so the filter trusts only notes the analysis
is confident of. Each analysis note carries a calibrated `confidence` (0-1: of the notes given
0.8, about 80 % are right); a note files a work under `note:<key>` only at NOTE_CONFIDENCE or
above. Analyses stored before notes carried a confidence keep the earlier rule until they
are analysed again: a note with evidence counts.
"""

from __future__ import annotations

from typing import Any

from fanarchive.analysis.model import LIKELY_CONFIDENCE
from fanarchive.browse.filters import note_key

# The notes the analysis page calls "likely": of the notes given 0.7, about seven in ten are
# right (docs/warnings.md measures it).
NOTE_CONFIDENCE = LIKELY_CONFIDENCE


def is_confident(warning: dict[str, Any]) -> bool:
    """A stored analysis warning (Warning.to_dict()) the hide filter may act on."""
    if not warning.get("evidence") or not warning.get("name"):
        return False  # no note without evidence
    confidence = warning.get("confidence")
    if confidence is None:
        return True  # stored before confidences existed
    try:
        return float(confidence) >= NOTE_CONFIDENCE
    except (TypeError, ValueError):
        return False  # a damaged value is no confidence


def note_keys(warnings: list[dict[str, Any]] | None) -> list[str]:
    """The `note:<key>` filter keys of a stored analysis's confident warnings."""
    return [f"note:{note_key(w['name'])}" for w in warnings or [] if is_confident(w)]
