"""Suggested additional tags (first kiss, hurt/comfort, ...) with evidence."""

from __future__ import annotations

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.document import Document
from fanarchive.analysis.model import Quote, Relationship, Tag, Warning


def suggest_tags(
    document: Document,
    quotes: list[Quote],
    cast: Cast,
    relationships: list[Relationship],
    warnings: list[Warning],
) -> list[Tag]:
    return []
