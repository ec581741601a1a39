"""The reader blocks the work page includes: download menu and actions, then feedback."""

from __future__ import annotations

from django import template

from fanarchive.exports import DOWNLOAD_MENU
from fanarchive.readers.forms import CommentForm
from fanarchive.readers.models import Bookmark, Kudos, Reading, Series, Subscription
from fanarchive.readers.services import muted_ids

register = template.Library()


@register.inclusion_tag("readers/_work_actions.html", takes_context=True)
def reader_actions(context, work):
    user = context["request"].user
    state = {}
    if user.is_authenticated:
        state = {
            "subscribed": Subscription.objects.filter(user=user, work=work).exists(),
            "bookmarked": Bookmark.objects.filter(user=user, work=work).exists(),
            "later": Reading.objects.filter(user=user, work=work, later=True).exists(),
        }
    parts = list(work.series_parts.select_related("series"))
    own_series = (
        list(Series.objects.filter(owner=user)) if state and work.is_authored_by(user) else []
    )
    return {
        "work": work,
        "user": user,
        "series_parts": parts,
        "own_series": own_series,
        "formats": DOWNLOAD_MENU,
        "is_author": work.is_authored_by(user),
        "csrf_token": context.get("csrf_token"),
        **state,
    }


@register.inclusion_tag("readers/_work_feedback.html", takes_context=True)
def reader_feedback(context, work, chapter=None):
    request = context["request"]
    user = request.user
    is_author = work.is_authored_by(user)
    muted = muted_ids(user)
    comments = [
        c
        for c in work.comments.published().select_related("user", "chapter")
        if c.user_id not in muted
    ]
    pending = list(work.comments.pending()) if is_author else []
    kudos = list(Kudos.objects.filter(work=work, user__isnull=False).select_related("user"))
    guests = Kudos.objects.filter(work=work, user__isnull=True).count()
    return {
        "work": work,
        "user": user,
        "chapter": chapter,
        "is_author": is_author,
        "threads": _threads(comments),
        "pending": pending,
        "kudos_names": [k.user.get_username() for k in kudos],
        "guest_kudos": guests,
        "form": CommentForm(),
        "csrf_token": context.get("csrf_token"),
        "can_moderate": is_author or user.is_superuser,
    }


def _threads(comments) -> list[tuple[object, int]]:
    """Comments depth-first, each with its depth, replies after their parent."""
    children: dict[int | None, list] = {}
    for c in comments:
        children.setdefault(c.parent_id, []).append(c)
    ordered, stack = [], [(c, 0) for c in reversed(children.get(None, []))]
    while stack:
        node, depth = stack.pop()
        ordered.append((node, min(depth, 8)))
        stack.extend((c, depth + 1) for c in reversed(children.get(node.pk, [])))
    return ordered
