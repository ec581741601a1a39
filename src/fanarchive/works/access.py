"""The one way views fetch a work: what the user may see, or what the user may change."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from fanarchive.works.models import Chapter, Work


def readable_work(user, pk: int) -> Work:
    """The work if this user may read it; 404 otherwise (its existence is not revealed)."""
    return get_object_or_404(
        Work.objects.visible_to(user).prefetch_related("tags", "pseuds__user"), pk=pk
    )


def editable_work(user, pk: int) -> Work:
    """The work if this user is one of its authors; 403 for readers, 404 for the rest."""
    work = readable_work(user, pk)
    if not work.is_authored_by(user):
        raise PermissionDenied("Only the work's authors can change it.")
    return work


def chapter_of(work: Work, chapter_pk: int) -> Chapter:
    try:
        return work.chapters.get(pk=chapter_pk)
    except Chapter.DoesNotExist:
        raise Http404("No such chapter in this work.") from None
