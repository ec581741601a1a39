"""What a reader does on a work page: kudos, comments, bookmarks, subscriptions, later."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from fanarchive.readers import access as reader_access
from fanarchive.readers import services
from fanarchive.readers.forms import BookmarkForm, CommentForm
from fanarchive.readers.models import Bookmark
from fanarchive.works import access

BLOCKED = "Sorry, you have been blocked by one or more of this work's creators."  # AO3's words


def kudos(request, pk: int):
    """POST leaves kudos. GET shows a one-button page: guests' work pages carry no form, so
    they set no CSRF cookie and stay cacheable."""
    work = access.readable_work(request.user, pk)
    if services.is_blocked_by_author(request.user, work):
        return refused(request, work)  # no one-button page either
    if request.method != "POST":
        return render(request, "readers/guest_action.html", {"work": work, "action": "kudos"})
    if work.is_authored_by(request.user):
        raise PermissionDenied("You cannot leave kudos on your own work.")
    if services.leave_kudos(request, work):
        messages.success(request, "Thank you for leaving kudos!")
    else:
        messages.info(request, "You have already left kudos here. :)")
    return redirect("works:detail", pk=work.pk)


def refused(request, work):
    """The site's 403 page for a blocked reader, with a way back to the work."""
    return render(request, "403.html", {"exception": BLOCKED, "work": work}, status=403)


def comment(request, pk: int):
    """POST adds a comment; GET shows the comment form on its own page (for guests)."""
    work = access.readable_work(request.user, pk)
    if services.is_blocked_by_author(request.user, work):
        return refused(request, work)  # 403.html shows a typed comment back
    if request.method != "POST":
        form = CommentForm(initial={"parent": request.GET.get("parent")})
        context = {"work": work, "action": "comment", "form": form}
        return render(request, "readers/guest_action.html", context)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The comment was not posted: " + _errors(form))
        return redirect("works:detail", pk=work.pk)
    data = form.cleaned_data
    chapter = (
        work.chapters.filter(pk=data["chapter"], posted=True).first() if data["chapter"] else None
    )
    parent = work.comments.published().filter(pk=data["parent"]).first() if data["parent"] else None
    made = services.add_comment(request, work, data["body"], chapter, parent, data["name"])
    if made.status == made.Status.PENDING:
        messages.info(request, "Your comment was sent to the author for approval.")
    else:
        messages.success(request, "Comment posted.")
    return redirect("works:detail", pk=work.pk)


def _errors(form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


@require_POST
def comment_delete(request, pk: int):
    target = reader_access.comment_on_readable_work(request.user, pk)
    if not services.can_delete_comment(request.user, target):
        raise PermissionDenied("Only the commenter or the work's authors can delete a comment.")
    services.delete_comment(target)
    messages.success(request, "The comment was deleted.")
    return redirect("works:detail", pk=target.work_id)


@require_POST
def comment_approve(request, pk: int):
    target = reader_access.comment_on_readable_work(request.user, pk)
    if not target.work.is_authored_by(request.user):
        raise PermissionDenied("Only the work's authors moderate its comments.")
    services.approve_comment(target)
    messages.success(request, "The comment is now public.")
    return redirect("readers:moderation")


@login_required
def bookmark(request, pk: int):
    work = access.readable_work(request.user, pk)
    existing = Bookmark.objects.of(request.user).filter(work=work).first()
    initial = (
        {f: getattr(existing, f) for f in ("notes", "private_notes", "tags", "private")}
        if existing
        else {}
    )
    form = BookmarkForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_bookmark(request.user, work, form.cleaned_data)
        messages.success(request, "Bookmark saved.")
        return redirect("readers:bookmarks")
    return render(
        request, "readers/bookmark_form.html", {"form": form, "work": work, "bookmark": existing}
    )


@login_required
@require_POST
def bookmark_delete(request, pk: int):
    target = reader_access.own_bookmark(request.user, pk)
    services.delete_bookmark(target)
    messages.success(request, "Bookmark deleted.")
    return redirect("readers:bookmarks")


@login_required
@require_POST
def subscribe_work(request, pk: int):
    work = access.readable_work(request.user, pk)
    now = services.toggle_subscription(request.user, work=work)
    messages.success(request, "Subscribed." if now else "Unsubscribed.")
    return redirect("works:detail", pk=work.pk)


@login_required
@require_POST
def subscribe_author(request, username: str):
    author = _someone_else(request, username, "subscribe to")
    now = services.toggle_subscription(request.user, author=author)
    messages.success(request, f"Subscribed to {username}." if now else "Unsubscribed.")
    return redirect("works:user_works", username=username)


@login_required
@require_POST
def block_user(request, username: str):
    other = _someone_else(request, username, "block")
    now = services.toggle_block(request.user, other)
    messages.success(request, f"You blocked {username}." if now else f"Unblocked {username}.")
    return redirect("readers:blocked")


@login_required
@require_POST
def mute_user(request, username: str):
    other = _someone_else(request, username, "mute")
    now = services.toggle_mute(request.user, other)
    messages.success(request, f"You muted {username}." if now else f"Unmuted {username}.")
    return redirect("readers:blocked")


@login_required
@require_POST
def mark_later(request, pk: int):
    work = access.readable_work(request.user, pk)
    later = services.toggle_later(request.user, work)
    messages.success(request, "Marked for later." if later else "Removed from Marked for Later.")
    return redirect("works:detail", pk=work.pk)


def _someone_else(request, username: str, verb: str):
    """The user named in the URL, refusing the reader themselves (you cannot block yourself)."""
    other = get_object_or_404(get_user_model(), username=username)
    if other == request.user:
        raise PermissionDenied(f"You cannot {verb} yourself.")
    return other
