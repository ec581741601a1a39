"""Creating and changing works: the model methods plus the steps that touch several models."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from fanarchive.accounts.models import Pseud
from fanarchive.analysis.document import WORD_RE, Document
from fanarchive.tags.models import Tag, TagType
from fanarchive.works.html import html_to_plain, text_to_html, user_html
from fanarchive.works.models import Chapter, Work


@dataclass
class WorkParts:
    """A document split the way the archive stores it."""

    notes: str = ""
    endnotes: str = ""
    chapters: list[tuple[str, str]] = field(default_factory=list)  # (title, safe HTML)


def count_words(html: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(html_to_plain(html)))


def parts_from_document(document: Document) -> WorkParts:
    """Notes and chapters as the reading library found them, as safe HTML."""
    parts = WorkParts()
    beginning = [n for n in document.notes if n.position == "beginning"]
    end = [n for n in document.notes if n.position == "end"]
    parts.notes = "\n".join(text_to_html(document.slice(n)) for n in beginning)
    parts.endnotes = "\n".join(text_to_html(document.slice(n)) for n in end)
    for chapter in document.chapters or []:
        text = _without_notes(document, chapter.start, chapter.end)
        if chapter.title and text.lstrip().startswith(chapter.title):
            text = text.lstrip()[len(chapter.title) :]
        if text.strip():
            parts.chapters.append((_chapter_title(chapter.title), user_html(text_to_html(text))))
    if not parts.chapters:
        parts.chapters.append(
            ("", user_html(text_to_html(_without_notes(document, 0, len(document.text)))))
        )
    return parts


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
    for position, (chapter_title, body) in enumerate(parts.chapters, start=1):
        add_chapter(work, chapter_title, body, position=position, touch=False)
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
        _touch(work)
    return chapter, True


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
