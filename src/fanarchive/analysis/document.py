"""The work's text and its structure, as spans with character offsets into one string.

Every other component reads a `Document` and never re-parses the raw input:
offsets in the analysis JSON are offsets into `Document.text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(frozen=True, slots=True)
class Note:
    """An author's note, outside the story proper."""

    position: str  # "beginning" | "end"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Chapter:
    title: str
    start: int
    end: int


@dataclass
class Metadata:
    """What the file says about the work besides its text (HTML downloads carry most of it)."""

    title: str = ""
    authors: list[str] = field(default_factory=list)
    summary: str = ""
    fandoms: list[str] = field(default_factory=list)
    rating: str = ""
    warnings: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    additional_tags: list[str] = field(default_factory=list)
    language: str = ""


@dataclass
class Document:
    """A decoded work: its plain text plus structural spans.

    `paragraphs` cover the story and the notes; `notes` and `chapters` are
    filled by `fanarchive.analysis.structure`; `story` is the text outside notes.
    """

    text: str
    paragraphs: list[Span] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    scene_breaks: list[Span] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    source_format: str = "text"

    def slice(self, span: Span | Note | Chapter) -> str:
        return self.text[span.start : span.end]

    @cached_property
    def story_spans(self) -> list[Span]:
        """The parts of the text that are story, not author's notes."""
        spans, cursor = [], 0
        for note in sorted(self.notes, key=lambda n: n.start):
            if note.start > cursor:
                spans.append(Span(cursor, note.start))
            cursor = max(cursor, note.end)
        if cursor < len(self.text):
            spans.append(Span(cursor, len(self.text)))
        return spans

    def in_note(self, offset: int) -> bool:
        return any(n.start <= offset < n.end for n in self.notes)

    @cached_property
    def story_paragraphs(self) -> list[Span]:
        return [p for p in self.paragraphs if not self.in_note(p.start)]

    def count_words(self, start: int = 0, end: int | None = None) -> int:
        return sum(
            1 for _ in WORD_RE.finditer(self.text, start, len(self.text) if end is None else end)
        )

    @cached_property
    def words(self) -> int:
        """Words in the story, author's notes excluded (AO3 counts the same way)."""
        return sum(self.count_words(s.start, s.end) for s in self.story_spans)
