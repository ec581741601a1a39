"""AO3's posting steps around the work form: Preview then Post, Manage Chapter Order, and the
Co-Creator Requests a user accepts or declines."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from fanarchive.insights.services import queue_analysis
from fanarchive.works import access, associations
from fanarchive.works.models import CreatorInvitation
from fanarchive.works.posting import (
    PostingBlocked,
    post_chapter_draft,
    post_draft,
    reorder_chapters,
)
from fanarchive.works.series import series_places

POSTED = (
    "Work was successfully posted. It should appear in work listings within the next few minutes."
)


@login_required
def preview(request, pk: int):
    """The draft as readers will see it, with Post and Edit (AO3's preview page)."""
    work = access.editable_work(request.user, pk)
    chapters = work.posted_chapter_list()
    context = {
        "work": work,
        "chapters": chapters,
        "shown": chapters,
        "entire": True,
        "current": None,
        "next": None,
        "is_author": False,  # no edit links inside the preview itself
        "preview": True,
        "series_places": series_places(work, request.user),
    }
    return render(request, "works/preview.html", context)


@login_required
def chapter_preview(request, pk: int, chapter_pk: int):
    """A chapter as readers will see it, before Post (AO3's chapter preview)."""
    work = access.editable_work(request.user, pk)
    chapter = access.chapter_of(work, chapter_pk)
    context = {
        "work": work,
        "chapters": [chapter],
        "shown": [chapter],
        "entire": False,
        "current": chapter,
        "next": None,
        "is_author": False,
        "preview_chapter": chapter,
    }
    return render(request, "works/chapter_preview.html", context)


@login_required
@require_POST
def chapter_post(request, pk: int, chapter_pk: int):
    work = access.editable_work(request.user, pk)
    chapter = access.chapter_of(work, chapter_pk)
    if not chapter.posted:
        post_chapter_draft(chapter)
        queue_analysis(work)  # the analysis reads posted chapters only
        messages.success(request, f"{chapter.heading} was successfully posted.")
    return redirect("works:chapter", pk=work.pk, chapter_pk=chapter.pk)


@login_required
@require_POST
def post(request, pk: int):
    """Post a draft from its preview; suggested warnings not yet decided on are shown first."""
    work = access.editable_work(request.user, pk)
    if work.posted:
        messages.info(request, "This work is already posted.")
        return redirect("works:detail", pk=work.pk)
    try:
        post_draft(work, request.user)
    except PostingBlocked as blocked:
        messages.warning(request, str(blocked))
        return redirect("insights:suggestions", pk=work.pk)
    messages.success(request, POSTED)
    return redirect("works:detail", pk=work.pk)


@login_required
def manage_chapters(request, pk: int):
    """AO3's "Manage Chapter Order": a number per chapter, or drag the rows (script)."""
    work = access.editable_work(request.user, pk)
    chapters = list(work.chapters.order_by("position"))
    if request.method == "POST":
        wanted = _positions_from(request.POST, chapters)
        if wanted is None:
            messages.error(
                request, f"Give each chapter a different number from 1 to {len(chapters)}."
            )
        else:
            reorder_chapters(work, wanted)
            messages.success(request, "Chapter order has been successfully updated.")
            return redirect("works:detail", pk=work.pk)
    return render(request, "works/manage_chapters.html", {"work": work, "chapters": chapters})


def _positions_from(data, chapters) -> list[int] | None:
    """Chapter ids in their new order, from `position_<id>` numbers; None when the numbers
    are not 1..n each once."""
    numbers = {}
    for chapter in chapters:
        value = (data.get(f"position_{chapter.pk}") or "").strip()
        if not (value.isascii() and value.isdigit()):
            return None
        numbers[chapter.pk] = int(value)
    if sorted(numbers.values()) != list(range(1, len(chapters) + 1)):
        return None
    return sorted(numbers, key=numbers.get)


@login_required
def creatorships(request, username: str):
    """Co-Creator Requests: works whose authors asked this user to join the byline."""
    if username.lower() != request.user.get_username().lower():
        raise Http404("Only you can see your co-creator requests.")
    invitations = associations.pending_invitations(request.user)
    return render(request, "works/creatorships.html", {"invitations": invitations})


@login_required
@require_POST
def creatorship_answer(request, pk: int):
    invitation = get_object_or_404(CreatorInvitation, pk=pk, pseud__user=request.user)
    accept = request.POST.get("answer") == "accept"
    title = invitation.work.title
    associations.answer_invitation(invitation, accept)
    if accept:
        messages.success(request, f"You are now a co-creator of “{title}”.")
    else:
        messages.info(request, f"You declined to be a co-creator of “{title}”.")
    return redirect("works:creatorships", username=request.user.get_username())
