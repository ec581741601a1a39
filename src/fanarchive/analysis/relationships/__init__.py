"""Pairs of characters in a relationship, romantic (/) or platonic (&), with evidence."""

from __future__ import annotations

from fanarchive.analysis.characters import Cast
from fanarchive.analysis.document import Document
from fanarchive.analysis.model import Quote, Relationship


def find_relationships(document: Document, quotes: list[Quote], cast: Cast) -> list[Relationship]:
    present = [c for c in cast.characters if c.present][:2]
    if len(present) < 2:
        return []
    names = sorted(c.name for c in present)
    return [Relationship(" & ".join(names), "platonic", names, 0.5)]
