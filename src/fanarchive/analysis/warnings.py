"""Content warnings with evidence: AO3's archive warnings and readers' content notes."""

from __future__ import annotations

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.document import Document
from fanarchive.analysis.model import Quote, Warning


def detect_warnings(document: Document, quotes: list[Quote], cast: Cast) -> list[Warning]:
    return []
