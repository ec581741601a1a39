"""The work's text and its structure, as spans with character offsets into one string.

Every other component reads a `Document` and never re-parses the raw input:
offsets in the analysis JSON are offsets into `Document.text`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

WORD_RE = re.compile(r"\w+(?:['’\-]\w+)*")
# WORD_RE with an empty group: `findall` then lists the group, the one shared empty string,
# for each word, instead of a new string of the word (a third faster to count a work's words).
_COUNTING_RE = re.compile(WORD_RE.pattern + "()")


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

    position: str  # "beginning" | "end" (of the work, or of `chapter` when it is set)
    start: int
    end: int
    chapter: int | None = None  # index into Document.chapters for a chapter's own notes


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
    series: list[str] = field(default_factory=list)
    source_url: str = ""
    chapter_summaries: dict[int, str] = field(default_factory=dict)  # chapter index -> summary

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "authors": self.authors,
            "summary": self.summary,
            "fandoms": self.fandoms,
            "rating": self.rating,
            "warnings": self.warnings,
            "categories": self.categories,
            "relationships": self.relationships,
            "characters": self.characters,
            "additional_tags": self.additional_tags,
            "language": self.language,
            "series": self.series,
            "source_url": self.source_url,
        }


# Corner brackets (`「…」`, `『…』`), the quotation marks of Japanese and Chinese that
# translations and some anime-fandom works keep, are read as the curly double quotes they
# stand for: one character for one, so every offset still points into the work as written,
# and every rule that knows `“…”` (quotes, speech tags, sentence ends) knows them. `『』`
# nests inside `「」` or carries a second voice (a phone, telepathy) on its own line.
CORNER_MARKS = "「」『』"
CORNER_QUOTES = str.maketrans(CORNER_MARKS, "“”“”")


@dataclass
class Document:
    """A decoded work: its plain text plus structural spans.

    `paragraphs` cover everything (story, notes, chapter headings, scene-break lines), in
    order; `headings` are the chapter-heading paragraphs; `notes`, `chapters` and
    `scene_breaks` come from the markup or from `fanarchive.analysis.structure`.
    For plain-text input `text` is the decoded file with newlines normalised to "\n";
    for other formats it is the plain text the reader rendered (paragraphs separated by
    one blank line). In both, corner brackets are read as the quotation marks they are
    (`CORNER_QUOTES`).
    """

    text: str
    paragraphs: list[Span] = field(default_factory=list)
    headings: list[Span] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    scene_breaks: list[Span] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    source_format: str = "text"

    def __post_init__(self) -> None:
        if any(mark in self.text for mark in CORNER_MARKS):
            self.text = self.text.translate(CORNER_QUOTES)

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
        """Whether `offset` falls inside an author's note (a binary search: called per
        mention and per paragraph by other components)."""
        starts, ends = self._note_bounds
        index = bisect_right(starts, offset) - 1
        return index >= 0 and offset < ends[index]

    @cached_property
    def _note_bounds(self) -> tuple[list[int], list[int]]:
        """Note starts in order, with the furthest end reached so far (notes may nest)."""
        starts, ends, reach = [], [], -1
        for note in sorted(self.notes, key=lambda n: n.start):
            reach = max(reach, note.end)
            starts.append(note.start)
            ends.append(reach)
        return starts, ends

    @cached_property
    def story_paragraphs(self) -> list[Span]:
        """Paragraphs of the story proper: no notes, chapter headings or scene-break lines."""
        skip = {p.start for p in (*self.headings, *self.scene_breaks)}
        notes = sorted((n.start, n.end) for n in self.notes)
        story, index = [], 0
        for para in self.paragraphs:  # paragraphs and notes are both in text order
            while index < len(notes) and notes[index][1] <= para.start:
                index += 1
            in_note = index < len(notes) and notes[index][0] <= para.start
            if not in_note and para.start not in skip:
                story.append(para)
        return story

    def count_words(self, start: int = 0, end: int | None = None) -> int:
        return len(_COUNTING_RE.findall(self.text, start, len(self.text) if end is None else end))

    @cached_property
    def words(self) -> int:
        """Words in the story paragraphs: notes, headings and dividers excluded, as AO3 does.
        Counted chapter by chapter (plus any gaps), so chapter counts come for free."""
        total, cursor = 0, 0
        for chapter in sorted(self.chapters, key=lambda c: c.start):
            if chapter.start < cursor:  # overlapping chapters: count the whole text instead
                return self.story_words(0, len(self.text))
            total += self.story_words(cursor, chapter.start) + self.story_words(
                chapter.start, chapter.end
            )
            cursor = chapter.end
        return total + self.story_words(cursor, len(self.text))

    def story_words(self, start: int, end: int) -> int:
        """Story words in text[start:end]. Every word lies inside a paragraph (the text between
        paragraphs is whitespace), so this is one pass over the range minus the few
        paragraphs that are not story."""
        memo = self.__dict__.setdefault("_story_words_memo", {})
        if (start, end) not in memo:
            total = self.count_words(start, end) if end > start else 0
            starts, ends, words_before = self._non_story_words
            # The non-story paragraphs wholly inside the range, found by bisection: a work of
            # thousands of chapters asks this once a chapter.
            first = bisect_left(starts, start)
            last = bisect_right(ends, end)
            if last > first:
                total -= words_before[last] - words_before[first]
            memo[start, end] = total
        return memo[start, end]

    @cached_property
    def _non_story_words(self) -> tuple[list[int], list[int], list[int]]:
        """The non-story paragraphs' starts and ends (in order, as paragraphs never overlap)
        and the running count of their words: words_before[i] is the words of the first i."""
        story = {p.start for p in self.story_paragraphs}
        paragraphs = [p for p in self.paragraphs if p.start not in story]
        words_before = [0]
        for para in paragraphs:
            words_before.append(words_before[-1] + self.count_words(para.start, para.end))
        return [p.start for p in paragraphs], [p.end for p in paragraphs], words_before
