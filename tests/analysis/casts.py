"""The cast and the sieve's answers of a hand-written passage, as the rules' tests read them."""

from __future__ import annotations

from fanarchive.analysis.characters import Cast, detect_cast
from fanarchive.analysis.packs import Knowledge, default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_text
from fanarchive.analysis.speakers import run_sieve


def cast_of(text: str, knowledge: Knowledge | None = None) -> Cast:
    """The cast detected in `text`, with no fandom packs unless `knowledge` is given."""
    document = read_text(text)
    return detect_cast(document, find_quotes(document), knowledge or Knowledge())


def names(cast: Cast) -> set[str]:
    return {c.name for c in cast.characters}


def sieve_answers(text: str, names: list[str] | None = None) -> list[tuple[str | None, str]]:
    """(speaker, rule) of every quotation of `text` as the sieve alone answers, before the
    learned ranking; `names` are the work's character tags, when it has them."""
    document = read_text(text)
    if names is not None:
        document.metadata.characters = names
    quotes = find_quotes(document)
    run_sieve(document, quotes, detect_cast(document, quotes, default_knowledge()))
    return [(q.speaker, q.rule) for q in quotes]
