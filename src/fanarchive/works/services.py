"""Creating and changing works: the model methods plus the steps that touch several models."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from fanarchive.accounts.models import Pseud
from fanarchive.analysis.document import WORD_RE, Document
from fanarchive.analysis.errors import ReadError
from fanarchive.analysis.reading import read_text
from fanarchive.tags.models import Tag, TagType
from fanarchive.works.html import HAS_BLOCKS_RE, html_to_plain, text_to_html, user_html
from fanarchive.works.models import Chapter, Work


@dataclass
class WorkParts:
    """A document split the way the archive stores it."""

    notes: str = ""
    endnotes: str = ""
    chapters: list[tuple[str, str]] = field(default_factory=list)  # (title, safe HTML)
    # A chapter's own notes by its index in `chapters`: (beginning notes, end notes) as HTML.
    chapter_notes: dict[int, tuple[str, str]] = field(default_factory=dict)

    def chapter_fields(self, index: int) -> dict[str, str]:
        notes, endnotes = self.chapter_notes.get(index, ("", ""))
        return {"notes": notes, "endnotes": endnotes}


def count_words(html: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(html_to_plain(html)))


# "Author's Note:", "A/N -", "Notes:" at the start of a note the archive files under "Notes:".
NOTE_LABEL_RE = re.compile(
    r"^[\s(\[*_~-]*(?:authors?[’']?s?[’']?\s+notes?|a\s*/\s*n|notes?)\s*[:.\-–—)\]]+\s*", re.I
)


def parts_from_document(document: Document, inline_markup: bool = False) -> WorkParts:
    """Chapters and notes as the reading library found them, as safe HTML: notes before the
    first chapter heading or after the last chapter are the work's, the others their
    chapter's. `inline_markup` keeps tags such as <em> typed in pasted plain text."""
    to_html = user_html if inline_markup else (lambda text: user_html(text_to_html(text)))
    parts = WorkParts()
    chapter_notes: dict[int, dict[str, list[str]]] = {}
    work_notes: dict[str, list[str]] = {"beginning": [], "end": []}
    for note in document.notes:
        html = to_html(_unlabelled(document.slice(note)))
        if note.chapter is None or not document.chapters:
            work_notes[note.position].append(html)
        else:
            empty: dict[str, list[str]] = {"beginning": [], "end": []}
            chapter_notes.setdefault(note.chapter, empty)[note.position].append(html)
    parts.notes = "\n".join(work_notes["beginning"])
    parts.endnotes = "\n".join(work_notes["end"])
    for index, chapter in enumerate(document.chapters or []):
        text = _without_notes(document, chapter.start, chapter.end)
        if chapter.title and text.lstrip().startswith(chapter.title):
            text = text.lstrip()[len(chapter.title) :]
        if not text.strip():
            continue
        notes = chapter_notes.get(index)
        if notes:
            parts.chapter_notes[len(parts.chapters)] = (
                "\n".join(notes["beginning"]),
                "\n".join(notes["end"]),
            )
        parts.chapters.append((_chapter_title(chapter.title), to_html(text)))
    if not parts.chapters:
        parts.chapters.append(("", to_html(_without_notes(document, 0, len(document.text)))))
    return parts


def _unlabelled(note: str) -> str:
    """The note without its "Author's Note:" label: the archive heads it "Notes:"."""
    rest = NOTE_LABEL_RE.sub("", note, count=1)
    return rest if rest.strip() else note


def parts_from_pasted(text: str) -> WorkParts | None:
    """Pasted plain text split as AO3 authors mean it: "Chapter 1:", "Chapter 2: Title"
    headings make chapters, a leading or trailing "Author's Note:" / "A/N:" goes to the notes.
    None when the text is HTML with paragraphs of its own (kept exactly as pasted) or has
    neither headings nor notes."""
    if HAS_BLOCKS_RE.search(text or "") or not (text or "").strip():
        return None
    try:
        document = read_text(text, "text")
    except ReadError:
        return None
    if len(document.chapters or []) < 2 and not document.notes:
        return None
    return parts_from_document(document, inline_markup=True)


def _without_notes(document: Document, start: int, end: int) -> str:
    pieces, cursor = [], start
    for note in sorted(document.notes, key=lambda n: n.start):
        if note.end <= start or note.start >= end:
            continue
        pieces.append(document.text[cursor : max(cursor, note.start)])
        cursor = max(cursor, note.end)
    pieces.append(document.text[cursor:end])
    return "".join(pieces)


def _chapter_title(heading: str) -> str:
    """'Chapter 3: The River' -> 'The River'; a bare 'Chapter 3' has no title."""
    head, _, rest = heading.partition(":")
    return (
        rest.strip()
        if rest
        else ("" if head.lower().startswith(("chapter", "part")) else head.strip())
    )


def chapter_from_pasted(text: str) -> tuple[str, str, str] | None:
    """One chapter's pasted plain text as (body, beginning notes, end notes) when a leading or
    trailing "Author's Note:" / "A/N:" was found; None otherwise (or when it holds several
    chapters: a new chapter's form keeps its text whole)."""
    parts = parts_from_pasted(text)
    if parts is None or len(parts.chapters) != 1:
        return None
    own = parts.chapter_fields(0)
    notes = "\n".join(n for n in (parts.notes, own["notes"]) if n)
    endnotes = "\n".join(n for n in (own["endnotes"], parts.endnotes) if n)
    return parts.chapters[0][1], notes, endnotes


def write_chapter(chapter: Chapter, body_html: str) -> None:
    chapter.body = user_html(body_html)
    chapter.words = count_words(chapter.body)


@transaction.atomic
def create_work(pseud: Pseud, title: str, parts: WorkParts, **fields) -> Work:
    """A draft work with its chapters (call `Work.publish` to post it)."""
    work = Work.objects.create(
        title=title, notes=user_html(parts.notes), endnotes=user_html(parts.endnotes), **fields
    )
    work.pseuds.add(pseud)
    for index, (chapter_title, body) in enumerate(parts.chapters):
        notes = {k: user_html(v) for k, v in parts.chapter_fields(index).items()}
        add_chapter(work, chapter_title, body, position=index + 1, touch=False, **notes)
    work.recount_words()
    return work


def add_chapter(
    work: Work,
    title: str,
    body_html: str,
    position: int | None = None,
    touch: bool = True,
    **fields,
) -> Chapter:
    """Add a chapter at `position`, else after the last one. Two requests adding chapters at
    once (a double click) each get their own number: see `_insert_chapter`."""
    chapter = Chapter(work=work, title=title, **fields)
    write_chapter(chapter, body_html)  # sanitising, outside any lock
    _insert_chapter(work, chapter, position)
    if touch:
        _touch(work)
    return chapter


def post_chapter(work: Work, title: str, body_html: str, **fields) -> tuple[Chapter, bool]:
    """A new chapter from the author's form: (chapter, True); or, when the same form arrives
    twice (a double click, a browser resubmitting), the chapter it already made: (it, False)."""
    chapter = Chapter(work=work, title=title, **fields)
    write_chapter(chapter, body_html)
    with transaction.atomic():
        _lock(work)
        recent = work.chapters.filter(created_at__gte=timezone.now() - DUPLICATE_WINDOW)
        duplicate = recent.filter(title=title, body=chapter.body).order_by("-position").first()
        if duplicate is not None:
            return duplicate, False
        _insert_chapter(work, chapter, None)
        if chapter.posted:
            _touch(work)  # a draft chapter (a preview) changes nothing readers see
    return chapter, True


def expire_cached_pages() -> None:
    """Changes made with QuerySet.update send no signal: expire the visitors' page cache
    (site/pagecache.py) once they commit."""
    from fanarchive.site.pagecache import bump_version

    transaction.on_commit(bump_version, robust=True)


def touch_work(work: Work) -> None:
    """The work was updated now (AO3's Updated date); words and completion recounted."""
    _touch(work)


def _touch(work: Work) -> None:
    work.revised_at = timezone.now()
    work.save(update_fields=["revised_at", "updated_at"])
    work.recount_words()


# A second identical submission within this time is the same chapter posted twice.
DUPLICATE_WINDOW = timedelta(minutes=10)
INSERT_ATTEMPTS = 5


def _lock(work: Work) -> None:
    """Serialise chapter numbering per work: PostgreSQL locks the work's row until commit;
    SQLite runs write transactions one at a time (transaction_mode=IMMEDIATE)."""
    Work.objects.select_for_update().filter(pk=work.pk).values_list("pk", flat=True).first()


def _insert_chapter(work: Work, chapter: Chapter, position: int | None) -> None:
    """Number and insert the chapter in one locked transaction; should another writer still
    take the number first (a database without the lock), count again rather than fail."""
    for attempt in range(INSERT_ATTEMPTS):
        try:
            with transaction.atomic():
                _lock(work)
                chapter.position = position or work.next_position()
                chapter.save(force_insert=True)
            return
        except IntegrityError:
            chapter.pk = None
            if position is not None or attempt + 1 == INSERT_ATTEMPTS:
                raise


def chapter_revision(chapter: Chapter) -> str:
    """Changes whenever the chapter is saved (updated_at is set on every save)."""
    return f"{chapter.updated_at.timestamp():.6f}" if chapter.updated_at else ""


class EditConflict(Exception):
    """The chapter was saved by someone else since this editor opened it."""


def update_chapter(
    chapter: Chapter, started_from: str, title: str, body_html: str, **fields
) -> None:
    """Save an edit unless the chapter changed since revision `started_from` (EditConflict);
    an empty `started_from` (an old form) saves as before."""
    edited = Chapter(work=chapter.work, title=title, **fields)
    write_chapter(edited, body_html)  # sanitising, outside the lock
    with transaction.atomic():
        current = Chapter.objects.select_for_update().get(pk=chapter.pk)
        if started_from and chapter_revision(current) != started_from:
            raise EditConflict
        chapter.title, chapter.body, chapter.words = title, edited.body, edited.words
        for name, value in fields.items():
            setattr(chapter, name, value)
        chapter.save()
        chapter.work.recount_words()


@transaction.atomic
def delete_chapter(chapter: Chapter) -> None:
    """Remove a chapter and close the gap in the numbering."""
    work = chapter.work
    chapter.delete()
    for position, remaining in enumerate(work.chapters.order_by("position"), start=1):
        if remaining.position != position:
            Chapter.objects.filter(pk=remaining.pk).update(position=position)
    work.recount_words()


def set_required_tags(work: Work, rating: Tag, warnings: list[Tag], categories: list[Tag]) -> None:
    work.set_tags(TagType.RATING, [rating])
    work.set_tags(TagType.WARNING, warnings)
    work.set_tags(TagType.CATEGORY, categories)
