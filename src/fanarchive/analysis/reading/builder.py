"""Assemble a Document from the blocks a structured reader (HTML, Markdown, .docx, EPUB) finds.

Readers of marked-up formats know more than plain text shows: where a chapter starts, which
blocks are the author's notes, where a horizontal rule breaks a scene. They add blocks in
order; the builder joins them into one plain text (paragraphs separated by a blank line) and
records every span, so the structure found in the markup survives as offsets.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

from fanarchive.analysis.document import Chapter, Document, Metadata, Note, Span

_BLANK_LINE_RE = re.compile(r"\n[ \t\u00a0]*\n+")
_TRAILING_SPACE_RE = re.compile(r"[ \t\u00a0]+\n")
SCENE_BREAK_MARK = "* * *"


class DocumentBuilder:
    def __init__(self, source_format: str) -> None:
        self.source_format = source_format
        self.metadata = Metadata()
        self._parts: list[str] = []
        self._length = 0
        self._paragraphs: list[Span] = []
        self._headings: list[tuple[str, Span]] = []
        self._breaks: list[Span] = []
        self._notes: list[Note] = []

    @property
    def chapter_count(self) -> int:
        return len(self._headings)

    def paragraph(self, text: str) -> list[Span]:
        """Add one block of text; blank lines inside it split it into several paragraphs."""
        spans = []
        for piece in _BLANK_LINE_RE.split(text):
            piece = _TRAILING_SPACE_RE.sub("\n", piece).strip()
            if piece:
                spans.append(self._append(piece))
        return spans

    def heading(self, title: str) -> None:
        """Start a chapter: its heading is a paragraph of the text."""
        title = " ".join(title.split())
        if title:
            self._headings.append((title, self._append(title)))

    def scene_break(self) -> None:
        # A break at the start, after a heading or after another break separates nothing.
        if not self._paragraphs:
            return
        last = self._paragraphs[-1]
        if last not in self._breaks and (not self._headings or self._headings[-1][1] != last):
            self._breaks.append(self._append(SCENE_BREAK_MARK))

    @contextmanager
    def note(self, position: str, chapter: int | None = None):
        """Blocks added inside the `with` form one author's note."""
        first = len(self._paragraphs)
        yield
        if len(self._paragraphs) > first:
            start, end = self._paragraphs[first].start, self._paragraphs[-1].end
            self._notes.append(Note(position, start, end, chapter))

    def build(self) -> Document:
        text = "".join(self._parts) + "\n" if self._parts else ""
        document = Document(
            text=text,
            paragraphs=self._paragraphs,
            headings=[span for _, span in self._headings],
            notes=self._notes,
            scene_breaks=[b for b in self._breaks if b != self._paragraphs[-1]],
            metadata=self.metadata,
            source_format=self.source_format,
        )
        document.chapters = self._chapters()
        return document

    def _append(self, piece: str) -> Span:
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        span = Span(self._length, self._length + len(piece))
        self._parts.append(piece)
        self._length = span.end
        self._paragraphs.append(span)
        return span

    def _chapters(self) -> list[Chapter]:
        """Each chapter runs from its heading to the next; the last ends before the work's
        end notes."""
        if not self._headings:
            return []
        work_end = self._length
        for note in self._notes:
            if note.chapter is None and note.position == "end":
                work_end = min(work_end, note.start)
        chapters = []
        for i, (title, span) in enumerate(self._headings):
            end = self._headings[i + 1][1].start if i + 1 < len(self._headings) else work_end
            # A boundary inside the text is a paragraph start: back off its "\n\n" separator.
            end = end if end == self._length else end - 2
            chapters.append(Chapter(title, span.start, max(span.end, end)))
        return chapters
