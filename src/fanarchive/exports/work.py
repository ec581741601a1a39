"""The neutral input of every download format: a work as AO3's download templates see it.

`ExportWork` holds raw user data (plain strings for titles, names and tags; HTML fragments for
summaries, notes and chapter bodies). The renderers never trust it: `clean_work` sanitises every
field before any format is produced. The Django archive fills it from its models; the CLI fills
it from a work file with `ExportWork.from_analysis`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date

from fanarchive.analysis.document import Document, Span
from fanarchive.analysis.model import Analysis
from fanarchive.analysis.structure import SCENE_BREAK_RE

NOT_RATED = "Not Rated"
NO_WARNINGS_CHOSEN = "Creator Chose Not To Use Archive Warnings"
DEFAULT_LANGUAGE = "English"


@dataclass
class ExportChapter:
    title: str = ""
    body: str = ""  # HTML fragment
    summary: str = ""  # HTML fragment
    notes: str = ""  # HTML fragment, shown before the chapter
    end_notes: str = ""  # HTML fragment, shown after the chapter


@dataclass
class SeriesPart:
    title: str
    position: int
    url: str = ""


@dataclass
class ExportWork:
    title: str
    chapters: list[ExportChapter] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    url: str = ""  # where the work lives in the archive; also seeds the EPUB identifier
    identifier: str = ""  # stable id (e.g. the archive's work id); optional
    archive_name: str = "fanarchive"
    rating: str = NOT_RATED
    warnings: list[str] = field(default_factory=list)  # AO3 archive warnings
    categories: list[str] = field(default_factory=list)
    fandoms: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    additional_tags: list[str] = field(default_factory=list)
    language: str = DEFAULT_LANGUAGE  # a name ("English") or a BCP 47 code ("en")
    words: int = 0
    expected_chapters: int | None = None  # None: a work in progress of unknown length
    published: date | None = None
    updated: date | None = None
    completed: bool = True
    summary: str = ""  # HTML fragment
    notes: str = ""  # HTML fragment
    end_notes: str = ""  # HTML fragment
    series: list[SeriesPart] = field(default_factory=list)

    @property
    def chapter_count(self) -> str:
        """AO3's "3/10" or "3/?" chapter display."""
        expected = "?" if self.expected_chapters is None else str(self.expected_chapters)
        return f"{len(self.chapters)}/{expected}"

    @classmethod
    def from_analysis(
        cls, document: Document, analysis: Analysis, fallback_title: str = "Untitled Work"
    ) -> ExportWork:
        """Build the export of a work read from a file: metadata from the file when it has
        some (AO3 HTML downloads do), tags from the analysis."""
        meta = document.metadata
        beginning, chapters, ending = _split_chapters(document)
        work = cls(
            title=meta.title or analysis.title or fallback_title,
            chapters=chapters,
            authors=list(meta.authors),
            rating=meta.rating or NOT_RATED,
            warnings=_archive_warnings(meta.warnings, analysis),
            categories=list(meta.categories) or _categories(analysis),
            fandoms=_merge(meta.fandoms, _fandoms(analysis)),
            relationships=_merge(meta.relationships, [r.tag for r in analysis.relationships]),
            characters=_merge(meta.characters, [c.name for c in analysis.characters if c.present]),
            additional_tags=_merge(
                meta.additional_tags,
                [w.name for w in analysis.warnings if not w.archive_warning],
                [t.tag for t in analysis.tags],
            ),
            language=meta.language or DEFAULT_LANGUAGE,
            words=analysis.words,
            expected_chapters=len(chapters),
            summary=text_to_html(meta.summary),
            notes=beginning,
            end_notes=ending,
        )
        return work


def text_to_html(text: str) -> str:
    """Plain text to HTML paragraphs, escaped; blank lines separate paragraphs."""
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return "\n".join(_paragraph_html(p) for p in paragraphs if p)


def _paragraph_html(paragraph: str) -> str:
    if SCENE_BREAK_RE.match(paragraph):
        return "<hr/>"
    lines = (html.escape(line.strip(), quote=False) for line in paragraph.split("\n"))
    return "<p>" + "<br/>".join(lines) + "</p>"


def _merge(*groups: list[str]) -> list[str]:
    """Concatenate tag lists, dropping empty tags and case-insensitive repeats."""
    seen: set[str] = set()
    merged = []
    for group in groups:
        for tag in group:
            key = " ".join(tag.split()).casefold()
            if key and key not in seen:
                seen.add(key)
                merged.append(tag.strip())
    return merged


def _archive_warnings(declared: list[str], analysis: Analysis) -> list[str]:
    found = [w.name for w in analysis.warnings if w.archive_warning]
    # Without any warning, say the creator did not choose rather than claim none apply:
    # the analysis is advisory and the author decides.
    return _merge(declared, found) or [NO_WARNINGS_CHOSEN]


def _fandoms(analysis: Analysis) -> list[str]:
    return [c.fandom for c in analysis.characters if c.present and c.fandom]


_GENDER_LETTER = {"male": "M", "female": "F"}


def _categories(analysis: Analysis) -> list[str]:
    """AO3 categories from the relationships found: F/M, M/M, F/F; Gen when only platonic."""
    genders = {c.name: c.gender for c in analysis.characters}
    categories = []
    for relationship in analysis.relationships:
        if relationship.kind != "romantic":
            continue
        letters = [
            _GENDER_LETTER.get(genders.get(name, ""), "") for name in relationship.characters
        ]
        if len(letters) == 2 and all(letters):
            categories.append("/".join(sorted(letters)))
    if not categories and analysis.relationships:
        categories.append("Gen")
    return _merge(categories)


def _split_chapters(document: Document) -> tuple[str, list[ExportChapter], str]:
    """The work's beginning notes, its chapters, and its end notes, as HTML.

    Notes before the first story paragraph are the work's notes and notes after the last are
    its end notes; other notes at a chapter's start or end are that chapter's notes; a note in
    the middle of a chapter stays where the author put it.
    """
    text = document.text
    heads = {c.start for c in document.chapters if c.title}
    sections = _sections(document)
    story = [
        p for p in document.paragraphs if p.start not in heads and not document.in_note(p.start)
    ]
    first_story = story[0].start if story else len(text)
    last_story = story[-1].start if story else -1
    work_notes, work_end_notes, chapters = [], [], []
    for title, paragraphs in sections:
        chapter = ExportChapter(title=title)
        lead, body, tail = _partition(document, paragraphs)
        work_notes += [p for p in lead if p.start < first_story]
        work_end_notes += [p for p in tail if p.start > last_story]
        chapter.notes = _html(text, [p for p in lead if p.start >= first_story])
        chapter.end_notes = _html(text, [p for p in tail if p.start <= last_story])
        chapter.body = _html(text, body)
        if chapter.body or chapter.title:
            chapters.append(chapter)
        elif chapters:  # notes-only section: attach its notes to the previous chapter
            chapters[-1].end_notes = "\n".join(
                filter(None, [chapters[-1].end_notes, chapter.notes])
            )
    if not chapters:
        chapters.append(ExportChapter())
    return _html(text, work_notes), chapters, _html(text, work_end_notes)


def _sections(document: Document) -> list[tuple[str, list[Span]]]:
    """Paragraphs grouped by chapter; text before the first heading is an untitled section."""
    bounds = [(c.title, c.start, c.end) for c in document.chapters]
    if not bounds or bounds[0][1] > 0:
        first = bounds[0][1] if bounds else len(document.text)
        bounds.insert(0, ("", 0, first))
    heads = {c.start for c in document.chapters if c.title}
    sections = []
    for title, start, end in bounds:
        paragraphs = [
            p for p in document.paragraphs if start <= p.start < end and p.start not in heads
        ]
        sections.append((title, paragraphs))
    return sections


def _partition(document: Document, paragraphs: list[Span]):
    """Split a chapter's paragraphs into leading notes, body, trailing notes."""
    is_note = [document.in_note(p.start) for p in paragraphs]
    start = 0
    while start < len(paragraphs) and is_note[start]:
        start += 1
    end = len(paragraphs)
    while end > start and is_note[end - 1]:
        end -= 1
    return paragraphs[:start], paragraphs[start:end], paragraphs[end:]


def _html(text: str, paragraphs: list[Span]) -> str:
    return "\n".join(_paragraph_html(text[p.start : p.end].strip()) for p in paragraphs)
