"""A reader's own pages: bookmarks, inbox, history, marked for later, comment moderation."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from fanarchive.browse.exclusions import bookmark_note, without_excluded_bookmarks
from fanarchive.readers import access as reader_access
from fanarchive.readers import notifications
from fanarchive.readers.forms import UsernameQueryForm
from fanarchive.readers.models import Block, Bookmark, Comment, InboxItem, Mute, Reading
from fanarchive.works.models import Work

PER_PAGE = 20


def _page(request, queryset):
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))


def _filtered(request, bookmarks) -> dict:
    """AO3's bookmark filters on a listing (search.services; `bookmark_search[...]`), after
    the reader's saved exclusions and mutes (browse.exclusions)."""
    from fanarchive.search.forms import BookmarkSearchForm
    from fanarchive.search.services import search_bookmarks

    filters = BookmarkSearchForm(request.GET)
    bookmarks, excluded = without_excluded_bookmarks(bookmarks, request.user)
    page = _page(request, search_bookmarks(bookmarks, filters.bookmark_query()))
    return {"page": page, "filters": filters, "exclusion_note": bookmark_note(excluded)}


@login_required
def bookmarks(request):
    listed = _filtered(request, Bookmark.objects.of(request.user))
    context = {**listed, "own": True, "heading": "My Bookmarks"}
    return render(request, "readers/bookmarks.html", context)


def user_bookmarks(request, username: str):
    """Someone's public bookmarks of works the viewer may read; private notes never shown."""
    owner = get_object_or_404(get_user_model(), username=username)
    shown = Bookmark.objects.filter(
        user=owner,
        private=False,
        work__in=Work.objects.visible_to(request.user).filter(posted=True),
    )
    own = request.user == owner
    context = {**_filtered(request, shown), "own": own, "heading": f"Bookmarks by {username}"}
    return render(request, "readers/bookmarks.html", context)


@login_required
def inbox(request):
    # A notice of a work since hidden (even from its authors), unposted or restricted beyond
    # the reader shows no more; nor one caused by a user the reader has since blocked.
    visible = Work.objects.visible_to(request.user).values("pk")
    blocked = Block.objects.of(request.user).values("blocked")
    items = (
        InboxItem.objects.of(request.user)
        .filter(
            Q(work__in=visible) | Q(work__in=notifications.invitations_of(request.user)),
            work__hidden_by_admin=False,
        )
        .exclude(actor__in=blocked)
        .select_related("work", "chapter")
    )
    page = _page(request, items)
    for item in page:
        item.text, item.link = notifications.message_of(item), notifications.link_of(item)
    return render(request, "readers/inbox.html", {"page": page})


@login_required
@require_POST
def inbox_read(request, pk: int):
    item = reader_access.own_inbox_item(request.user, pk)
    item.read = True
    item.save(update_fields=["read"])
    return redirect("readers:inbox")


@login_required
def history(request):
    visible = Work.objects.visible_to(request.user)
    readings = Reading.objects.of(request.user).filter(work__in=visible).select_related("work")
    if request.GET.get("later") == "1":
        readings = readings.filter(later=True)
    context = {"page": _page(request, readings), "later": request.GET.get("later") == "1"}
    return render(request, "readers/history.html", context)


@login_required
def moderation(request):
    pending = (
        Comment.objects.pending()
        .filter(work__in=Work.objects.by(request.user))
        .select_related("work")
    )
    return render(request, "readers/moderation.html", {"page": _page(request, pending)})


@login_required
def blocked(request):
    query = UsernameQueryForm(request.GET)
    username = query.cleaned_data["username"] if query.is_valid() else ""
    context = {
        "blocks": Block.objects.of(request.user).select_related("blocked"),
        "mutes": Mute.objects.of(request.user).select_related("muted"),
        "candidate": get_user_model()
        .objects.filter(username=username)
        .exclude(pk=request.user.pk)
        .first()
        if username
        else None,
        "query_errors": query.errors.get("username", []),
    }
    return render(request, "readers/blocked.html", context)
