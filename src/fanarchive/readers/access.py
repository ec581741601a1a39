"""Fetching reader objects: a reader's own things are found only among their own, so a
guessed id of someone else's bookmark, inbox item or comment is a 404."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from fanarchive.readers.models import Bookmark, Comment, InboxItem
from fanarchive.works.models import Work


def own_bookmark(user, pk: int) -> Bookmark:
    return get_object_or_404(Bookmark.objects.of(user), pk=pk)


def own_inbox_item(user, pk: int) -> InboxItem:
    return get_object_or_404(InboxItem.objects.of(user), pk=pk)


def comment_on_readable_work(user, pk: int) -> Comment:
    return get_object_or_404(
        Comment.objects.select_related("work"), pk=pk, work__in=Work.objects.visible_to(user)
    )
