"""Author's notes, chapters and scene breaks, found on a Document's paragraphs."""

from __future__ import annotations

import re

from fanarchive.analysis.document import Chapter, Document, Note, Span

SCENE_BREAK_RE = re.compile(r"^\s*(?:[*~#=\-_.oOxX+•·◇◆♦❖—–]\s*){3,}\s*$")
CHAPTER_RE = re.compile(
    r"^\s*(?:chapter|part|book)\s+(?:\d+|[ivxlc]+|[a-z\-]+)\b[^\n]{0,80}$", re.I
)
NOTE_RE = re.compile(r"^\s*(?:a/?n\b|author'?s? notes?\b|notes?:|disclaimer\b)", re.I)


def find_structure(document: Document) -> None:
    text = document.text
    document.scene_breaks = [
        p for p in document.paragraphs if SCENE_BREAK_RE.match(text[p.start : p.end])
    ]
    heads = [p for p in document.paragraphs if CHAPTER_RE.match(text[p.start : p.end])]
    document.chapters = _chapters(document, heads)
    document.notes = [
        Note("beginning" if p.start < len(text) / 2 else "end", p.start, p.end)
        for p in document.paragraphs
        if NOTE_RE.match(text[p.start : p.end])
    ]


def _chapters(document: Document, heads: list[Span]) -> list[Chapter]:
    if not heads:
        return [Chapter("", 0, len(document.text))]
    chapters = []
    for i, head in enumerate(heads):
        end = heads[i + 1].start if i + 1 < len(heads) else len(document.text)
        chapters.append(Chapter(document.text[head.start : head.end].strip(), head.start, end))
    return chapters
