"""Posting a previewed draft, and putting chapters in a new order."""

from __future__ import annotations

from django.db import transaction

from fanarchive.works.associations import announce_posting
from fanarchive.works.models import Chapter, Work
from fanarchive.works.services import expire_cached_pages, touch_work


class PostingBlocked(Exception):
    """The draft cannot go out yet; the message says what the author should look at."""


WARNINGS_FIRST = (
    "Before your work is posted, look at the archive warnings its text suggests: tick the "
    "ones that apply, then “Add ticked tags and publish”."
)
ANALYSIS_FIRST = (
    "The archive is still reading your work for suggested warnings: they appear here in a "
    "moment, then you can publish."
)


def post_draft(work: Work, author) -> None:
    """Publish the draft, unless warnings the analysis suggests wait for the author's word
    (the suggestions page then decides, as when posting without a preview)."""
    from fanarchive.insights.services import analysis_state

    if analysis_state(work, with_data=False).pending:
        raise PostingBlocked(ANALYSIS_FIRST)
    suggestions = work.tag_suggestions
    if (
        suggestions.pending().warnings().exists()
        or suggestions.rejected_unconfirmed_warnings().exists()
    ):
        raise PostingBlocked(WARNINGS_FIRST)
    work.publish()
    announce_posting(work, author)


def post_chapter_draft(chapter: Chapter) -> None:
    """Post a previewed chapter: readers see it, the work is updated, subscribers are told
    (a chapter created as a draft was not announced)."""
    from fanarchive.readers.services import notify_subscribers

    with transaction.atomic():
        Chapter.objects.filter(pk=chapter.pk).update(posted=True)
        chapter.posted = True
        touch_work(chapter.work)
    work = chapter.work
    if work.posted:
        notify_subscribers(work, chapter, f"New chapter of “{work.title}”: {chapter.heading}")


@transaction.atomic
def reorder_chapters(work: Work, chapter_ids: list[int]) -> None:
    """Give the work's chapters the order of `chapter_ids` (every chapter, once). Positions
    are moved out of the way first: (work, position) is unique at every step."""
    chapters = {c.pk: c for c in work.chapters.select_for_update()}
    if sorted(chapter_ids) != sorted(chapters):
        raise ValueError("the new order must list each chapter of the work once")
    offset = len(chapters) + max((c.position for c in chapters.values()), default=0)
    for chapter in chapters.values():
        Chapter.objects.filter(pk=chapter.pk).update(position=chapter.position + offset)
    for position, pk in enumerate(chapter_ids, start=1):
        Chapter.objects.filter(pk=pk).update(position=position)
    expire_cached_pages()
