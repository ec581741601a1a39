"""The cast of a hand-written passage, as the cast rules' tests read it."""

from __future__ import annotations

from fanarchive.analysis.characters import Cast, detect_cast
from fanarchive.analysis.packs import Knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text


def cast_of(text: str, knowledge: Knowledge | None = None) -> Cast:
    """The cast detected in `text`, with no fandom packs unless `knowledge` is given."""
    document = read_text(text)
    return detect_cast(document, find_quotes(document), knowledge or Knowledge())


def names(cast: Cast) -> set[str]:
    return {c.name for c in cast.characters}
