"""A work as read from an import source, before it is stored: plain data, JSON-serialisable.

Drafts travel to Celery workers as dicts; `content_hash` names a work independently of the file
it came from, so the same story found in a folder and in a zip is imported once.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from functools import cached_property

from fanarchive.analysis.document import Document

_SPACE_RE = re.compile(r"\s+")
_NUMBERED_RE = re.compile(r"^(?:chapter|part)\s+[\w-]+\s*(?:[:.\-–—]\s*(.*))?$", re.I | re.S)


@dataclass
class DraftChapter:
    title: str
    body: str  # plain text, or HTML when the draft's body_format is "html"
    notes: str = ""
    end_notes: str = ""


@dataclass
class Draft:
    source: str  # where it came from, for the summary and the log ("a.zip!works/b.html")
    title: str
    chapters: list[DraftChapter]
    body_format: str = "text"  # "text" | "html"
    authors: list[str] = field(default_factory=list)
    summary: str = ""
    notes: str = ""
    end_notes: str = ""
    fandoms: list[str] = field(default_factory=list)
    rating: str = ""
    warnings: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    additional_tags: list[str] = field(default_factory=list)
    language: str = ""
    complete: bool | None = None

    @cached_property
    def content_hash(self) -> str:
        """sha256 of title, authors and chapter bodies, whitespace-normalised."""
        key = json.dumps(
            [
                _norm(self.title),
                sorted(_norm(a) for a in self.authors),
                [_norm(c.body) for c in self.chapters],
            ],
            ensure_ascii=False,
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    @property
    def words(self) -> int:
        return sum(len(c.body.split()) for c in self.chapters)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Draft:
        data = dict(data)
        data["chapters"] = [DraftChapter(**c) for c in data.get("chapters", [])]
        return cls(**data)


def _norm(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


def draft_from_document(document: Document, source: str, fallback_title: str) -> Draft:
    """Split a read Document into chapters and notes; metadata comes along as tags."""
    meta = document.metadata
    draft = Draft(
        source=source,
        title=meta.title.strip() or fallback_title,
        chapters=_chapters(document),
        authors=list(meta.authors),
        summary=meta.summary,
        fandoms=list(meta.fandoms),
        rating=meta.rating,
        warnings=list(meta.warnings),
        categories=list(meta.categories),
        relationships=list(meta.relationships),
        characters=list(meta.characters),
        additional_tags=list(meta.additional_tags),
        language=meta.language,
    )
    first = document.chapters[0].start if document.chapters else 0
    for note in document.notes:
        text = document.text[note.start : note.end].strip()
        chapter = _chapter_index(document, note.start)
        if note.position == "beginning" and (note.start < first or chapter == 0):
            draft.notes = _join(draft.notes, text)
        elif note.position == "end" and chapter in (None, len(draft.chapters) - 1):
            draft.end_notes = _join(draft.end_notes, text)
        elif chapter is not None:
            target = draft.chapters[chapter]
            if note.position == "beginning":
                target.notes = _join(target.notes, text)
            else:
                target.end_notes = _join(target.end_notes, text)
    return draft


def _chapters(document: Document) -> list[DraftChapter]:
    spans = document.chapters or []
    if not spans:
        return [DraftChapter("", _story_text(document, 0, len(document.text)))]
    chapters = []
    for span in spans:
        body = _story_text(document, span.start, span.end)
        title = span.title.strip()
        if title and body.startswith(title):  # plain-text chapters begin with their heading
            body = body[len(title) :].lstrip()
        chapters.append(DraftChapter(_short_title(title), body))
    return chapters


def _short_title(heading: str) -> str:
    """'Chapter 3: The River' -> 'The River'; a bare 'Chapter 3' has no title of its own
    (the archive shows 'Chapter N' itself)."""
    match = _NUMBERED_RE.match(heading)
    return (match.group(1) or "").strip() if match else heading


def _story_text(document: Document, start: int, end: int) -> str:
    """The text between start and end with author's notes cut out."""
    parts, cursor = [], start
    for note in sorted(document.notes, key=lambda n: n.start):
        if note.end <= cursor or note.start >= end:
            continue
        parts.append(document.text[cursor : note.start])
        cursor = max(cursor, note.end)
    parts.append(document.text[cursor:end])
    return "".join(parts).strip()


def _chapter_index(document: Document, offset: int) -> int | None:
    for index, chapter in enumerate(document.chapters):
        if chapter.start <= offset < chapter.end:
            return index
    return None


def _join(a: str, b: str) -> str:
    return f"{a}\n\n{b}" if a else b


@dataclass(frozen=True)
class Problem:
    """Something an import could not read; reported in the summary and the log, never raised."""

    source: str
    message: str
