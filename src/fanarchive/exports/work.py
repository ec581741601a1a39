"""The neutral input of every download format: a work as AO3's download templates see it.

`ExportWork` holds raw user data (plain strings for titles, names and tags; HTML fragments for
summaries, notes and chapter bodies). The renderers never trust it: `clean_work` sanitises every
field before any format is produced. The Django archive fills it from its models; the CLI fills
it from a work file with `ExportWork.from_analysis`.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from datetime import date

from fanarchive.analysis.document import Document, Span
from fanarchive.analysis.model import Analysis
from fanarchive.analysis.structure import SCENE_BREAK_RE
from fanarchive.exports.ao3links import without_tool_marker

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
    position: int | None = None  # the work's place in the series, when known
    url: str = ""

    @classmethod
    def parse(cls, label: str) -> SeriesPart:
        """From AO3's "Part 2 of Title" (or a bare series title)."""
        match = _SERIES_RE.match(label.strip())
        if match:
            return cls(match["title"].strip(), int(match["position"]))
        return cls(label.strip())


_SERIES_RE = re.compile(r"^part\s+(?P<position>\d{1,5})\s+of\s+(?P<title>.+)$", re.I | re.S)


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
            url=without_tool_marker(meta.source_url),
            series=[SeriesPart.parse(label) for label in meta.series if label.strip()],
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
    """The work's beginning notes, its chapters (with their own notes), and its end notes, as
    HTML, following the analysis's structure. Story text the structure left outside every
    chapter joins the nearest chapter, so no text is ever lost."""
    text, meta = document.text, document.metadata
    chapters = [ExportChapter(title=c.title) for c in document.chapters] or [ExportChapter()]
    if len(chapters) == 1 and chapters[0].title == meta.title:
        chapters[0].title = ""  # a one-shot's single "chapter" named after the work
    bodies: list[list[Span]] = [[] for _ in chapters]
    notes: dict[tuple[int | None, str], list[Span]] = {}
    skip = set(document.headings)
    starts = [c.start for c in document.chapters]
    note_spans = sorted(document.notes, key=lambda n: n.start)
    for paragraph in document.paragraphs:
        if paragraph in skip:
            continue
        note = next((n for n in note_spans if n.start <= paragraph.start < n.end), None)
        if note is None:
            bodies[_chapter_index(starts, paragraph)].append(paragraph)
        else:
            chapter = note.chapter if note.chapter is None or note.chapter < len(chapters) else None
            notes.setdefault((chapter, note.position), []).append(paragraph)
    for index, chapter in enumerate(chapters):
        chapter.body = _html(text, bodies[index], document.scene_breaks)
        chapter.notes = _html(text, notes.get((index, "beginning"), []))
        chapter.end_notes = _html(text, notes.get((index, "end"), []))
        chapter.summary = text_to_html(meta.chapter_summaries.get(index, ""))
    work_notes = _html(text, notes.get((None, "beginning"), []))
    return work_notes, chapters, _html(text, notes.get((None, "end"), []))


def _chapter_index(starts: list[int], paragraph: Span) -> int:
    """The chapter holding the paragraph, else the last one before it, else the first."""
    return max(bisect.bisect_right(starts, paragraph.start) - 1, 0)


def _html(text: str, paragraphs: list[Span], scene_breaks: list[Span] = ()) -> str:
    breaks = set(scene_breaks)
    return "\n".join(
        "<hr/>" if p in breaks else _paragraph_html(text[p.start : p.end].strip())
        for p in paragraphs
    )
