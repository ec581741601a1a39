"""The ordered analysis pipeline: structure -> quotes -> cast -> speakers -> relationships,
warnings, tags. Each step is a plain function reading the Document and earlier results."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from time import process_time
from typing import Any

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.document import Chapter, Document, Note
from fanarchive.analysis.lowercase import quote_the_author, with_capitals
from fanarchive.analysis.model import Analysis
from fanarchive.analysis.packs import Knowledge, default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_path, read_text
from fanarchive.analysis.relationships import find_relationships
from fanarchive.analysis.speakers import attribute_speakers
from fanarchive.analysis.tags import suggest_tags
from fanarchive.analysis.warnings import detect_warnings


def analyze_document(
    document: Document,
    knowledge: Knowledge | None = None,
    timings: dict[str, float] | None = None,
) -> Analysis:
    """Run every component in order. With `timings`, each step's CPU seconds are added to it
    (the speed benchmark reports them)."""
    with _cyclic_gc_paused():
        return _analyze(document, knowledge, _Clock(timings))


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """The analysis allocates millions of small objects that live until it ends, and the
    cyclic collector re-walked them all again and again: 40 % of the time of a large work
    (more, the larger the work: 4,000 names took 0.8 s, 16,000 took 4 s). Reference
    counting still frees everything acyclic at once; cycles wait for the collector, which
    runs again when the analysis is over."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _analyze(document: Document, knowledge: Knowledge | None, clock: _Clock) -> Analysis:
    """The pipeline proper (analyze_document, with the collector paused)."""
    knowledge = knowledge or default_knowledge()
    clock.lap("knowledge")
    as_written = document
    document = with_capitals(document)  # a work written all in lower case, read with capitals
    quotes = find_quotes(document)
    clock.lap("quotes")
    cast = detect_cast(document, quotes, knowledge)
    clock.lap("characters")
    attribute_speakers(document, quotes, cast)
    cast.finalise(quotes)
    clock.lap("speakers")
    relationships = find_relationships(document, quotes, cast)
    clock.lap("relationships")
    warnings = detect_warnings(document, quotes, cast)
    clock.lap("warnings")
    tags = suggest_tags(document, quotes, cast, relationships, warnings)
    clock.lap("tags")
    analysis = Analysis(
        words=document.words,
        title=document.metadata.title,
        source_format=document.source_format,
        text_length=len(document.text),
        metadata=document.metadata.to_dict(),
        notes=[_note_dict(n) for n in document.notes],
        chapters=[_chapter_dict(document, c) for c in document.chapters],
        scene_breaks=[{"start": s.start, "end": s.end} for s in document.scene_breaks],
        characters=cast.characters,
        quotes=quotes,
        relationships=relationships,
        warnings=warnings,
        tags=tags,
        tag_disagreements=cast.tag_disagreements,
    )
    if document is not as_written:
        quote_the_author(as_written.text, document.text, analysis)
    return analysis


class _Clock:
    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = process_time()

    def lap(self, step: str) -> None:
        if self.timings is not None:
            now = process_time()
            self.timings[step] = self.timings.get(step, 0.0) + now - self.last
            self.last = now


def _note_dict(note: Note) -> dict[str, Any]:
    return {
        "position": note.position,
        "start": note.start,
        "end": note.end,
        "chapter": note.chapter,
    }


def _chapter_dict(document: Document, chapter: Chapter) -> dict[str, Any]:
    return {
        "title": chapter.title,
        "start": chapter.start,
        "end": chapter.end,
        "words": _chapter_words(document, chapter),
    }


def _chapter_words(document: Document, chapter: Chapter) -> int:
    """Story words inside the chapter (its notes and heading excluded)."""
    return document.story_words(chapter.start, chapter.end)


def analyze_text(text: str, fmt: str = "text", knowledge: Knowledge | None = None) -> Analysis:
    """Analyse a work given as a string (`fmt` is "text", "html" or "markdown")."""
    return analyze_document(read_text(text, fmt), knowledge)


def analyze_path(path: str | Path, knowledge: Knowledge | None = None) -> Analysis:
    return analyze_document(read_path(path), knowledge)
