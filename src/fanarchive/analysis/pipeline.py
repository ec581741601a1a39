"""The ordered analysis pipeline: structure -> quotes -> cast -> speakers -> relationships,
warnings, tags. Each step is a plain function reading the Document and earlier results."""

from __future__ import annotations

from pathlib import Path

from fanarchive.analysis.characters import detect_cast
from fanarchive.analysis.document import Document
from fanarchive.analysis.model import Analysis
from fanarchive.analysis.packs import Knowledge, default_knowledge
from fanarchive.analysis.quotes import find_quotes
from fanarchive.analysis.reading import read_path, read_text
from fanarchive.analysis.relationships import find_relationships
from fanarchive.analysis.speakers import attribute_speakers
from fanarchive.analysis.tags import suggest_tags
from fanarchive.analysis.warnings import detect_warnings


def analyze_document(document: Document, knowledge: Knowledge | None = None) -> Analysis:
    knowledge = knowledge or default_knowledge()
    quotes = find_quotes(document)
    cast = detect_cast(document, quotes, knowledge)
    attribute_speakers(document, quotes, cast)
    cast.finalise(quotes)
    relationships = find_relationships(document, quotes, cast)
    warnings = detect_warnings(document, quotes, cast)
    tags = suggest_tags(document, quotes, cast, relationships, warnings)
    return Analysis(
        words=document.words,
        title=document.metadata.title,
        notes=[{"position": n.position, "start": n.start, "end": n.end} for n in document.notes],
        chapters=[{"title": c.title, "start": c.start, "end": c.end} for c in document.chapters],
        scene_breaks=[{"start": s.start, "end": s.end} for s in document.scene_breaks],
        characters=cast.characters,
        quotes=quotes,
        relationships=relationships,
        warnings=warnings,
        tags=tags,
    )


def analyze_text(text: str, fmt: str = "text", knowledge: Knowledge | None = None) -> Analysis:
    """Analyse a work given as a string (`fmt` is "text", "html" or "markdown")."""
    return analyze_document(read_text(text, fmt), knowledge)


def analyze_path(path: str | Path, knowledge: Knowledge | None = None) -> Analysis:
    return analyze_document(read_path(path), knowledge)
