"""Reader actions as functions the views call; counters on Work are kept in step here."""

from __future__ import annotations

import ipaddress

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from fanarchive.accounts.models import Pseud
from fanarchive.accounts.system import ORPHAN, system_pseud
from fanarchive.readers import notifications
from fanarchive.readers.models import (
    Block,
    Bookmark,
    Comment,
    InboxItem,
    Kudos,
    Mute,
    Reading,
    Subscription,
)
from fanarchive.site.ratelimit import client_address
from fanarchive.works.html import user_html
from fanarchive.works.models import Chapter, Work

HITS_SESSION_KEY = "readers:hits"
ORPHAN_USERNAME = "orphan_account"
MAX_COMMENT_CHARS = 10_000


def guest_session_key(request) -> str:
    """The session that identifies a guest; created only when a guest acts (kudos, comment)."""
    if not request.session.session_key:
        request.session.save()
    return request.session.session_key


def guest_address(request) -> str | None:
    """The guest's address (behind the trusted proxies: site.ratelimit.client_address), or
    None when there is no usable one (a Unix socket): then the session alone counts."""
    address = client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def leave_kudos(request, work: Work) -> bool:
    """True when new kudos were recorded; False when this reader already left some, or is
    an author of the work (AO3 does not let authors kudos themselves)."""
    if work.is_authored_by(request.user):
        return False
    if request.user.is_authenticated:
        kudos = Kudos(work=work, user=request.user)
    else:
        kudos = Kudos(
            work=work,
            guest_session=guest_session_key(request),
            guest_address=guest_address(request),
        )
    try:
        with transaction.atomic():
            kudos.save()
    except IntegrityError:
        return False
    Work.objects.filter(pk=work.pk).update(kudos_count=F("kudos_count") + 1)
    notifications.kudos_left(work, request.user)
    return True


def record_visit(request, work: Work) -> None:
    """A hit once per reader session (an author reading their own work is no hit), and the
    work in the logged-in reader's history."""
    if request.user.is_authenticated:
        Reading.objects.update_or_create(
            user=request.user,
            work=work,
            defaults={"last_read_at": timezone.now()},
        )
        Reading.objects.filter(user=request.user, work=work).update(visits=F("visits") + 1)
    if work.is_authored_by(request.user) or not work.posted:
        return
    seen = request.session.get(HITS_SESSION_KEY, [])
    if work.pk in seen:
        return
    # Anonymous readers without a session get none: that keeps their pages cacheable and
    # sets no cookie on them (their hit is counted once they act and get a session).
    if request.user.is_authenticated or request.session.session_key:
        request.session[HITS_SESSION_KEY] = [*seen[-999:], work.pk]
        Work.objects.filter(pk=work.pk).update(hits_count=F("hits_count") + 1)


def add_comment(
    request, work: Work, body: str, chapter: Chapter | None, parent: Comment | None, name=""
) -> Comment:
    user = request.user if request.user.is_authenticated else None
    if user is None:
        guest_session_key(request)
    comment = Comment.objects.create(
        work=work,
        chapter=chapter,
        parent=parent,
        user=user,
        guest_name=name.strip()[:60] if user is None else "",
        body=user_html(body),
        status=Comment.Status.PUBLISHED if user else Comment.Status.PENDING,
    )
    _recount_comments(work)
    notifications.comment_posted(comment)
    return comment


def approve_comment(comment: Comment) -> None:
    comment.status = Comment.Status.PUBLISHED
    comment.save(update_fields=["status"])
    _recount_comments(comment.work)
    notifications.comment_approved(comment)


def delete_comment(comment: Comment) -> None:
    work = comment.work
    comment.delete()
    _recount_comments(work)


def _recount_comments(work: Work) -> None:
    count = work.comments.published().count()
    Work.objects.filter(pk=work.pk).update(comments_count=count)


def can_delete_comment(user, comment: Comment) -> bool:
    """The commenter, the work's authors and admins may delete a comment."""
    if not user.is_authenticated:
        return False
    return comment.user_id == user.pk or user.is_superuser or comment.work.is_authored_by(user)


def save_bookmark(user, work: Work, data: dict) -> Bookmark:
    bookmark, _ = Bookmark.objects.update_or_create(
        user=user,
        work=work,
        defaults={
            "notes": user_html(data.get("notes", "")),
            "private_notes": data.get("private_notes", ""),
            "tags": data.get("tags", ""),
            "private": bool(data.get("private")),
        },
    )
    _recount_bookmarks(work)
    return bookmark


def delete_bookmark(bookmark: Bookmark) -> None:
    work = bookmark.work
    bookmark.delete()
    _recount_bookmarks(work)


def _recount_bookmarks(work: Work) -> None:
    count = Bookmark.objects.filter(work=work, private=False).count()
    Work.objects.filter(pk=work.pk).update(bookmarks_count=count)


def toggle_subscription(user, work: Work | None = None, author=None, series=None) -> bool:
    """Subscribe, or unsubscribe when already subscribed. True when now subscribed."""
    return _toggle_row(Subscription, user=user, work=work, author=author, series=series)


def _toggle_row(model, **fields) -> bool:
    """Delete the row matching `fields` if there is one, else create it. True when it now exists."""
    existing = model.objects.filter(**fields)
    if existing.exists():
        existing.delete()
        return False
    model.objects.create(**fields)
    return True


@transaction.atomic
def add_to_series(series, work: Work) -> bool:
    """Append the work to the series (False when it is already part); subscribers to the
    series hear of it when the work is posted."""
    from fanarchive.readers.models import SeriesPart

    if series.parts.filter(work=work).exists():
        return False
    last = series.parts.order_by("-position").values_list("position", flat=True).first()
    SeriesPart.objects.create(series=series, work=work, position=(last or 0) + 1)
    subscribers = Subscription.objects.filter(series=series).exclude(
        user__in=work.pseuds.values("user")
    )
    InboxItem.objects.bulk_create(
        InboxItem(user_id=uid, work=work, message=f"New in “{series.title}”: “{work.title}”"[:300])
        for uid in sorted(_able_to_read(work, set(subscribers.values_list("user_id", flat=True))))
    )
    return True


def notify_subscribers(work: Work, chapter: Chapter | None, message: str) -> int:
    """An inbox item for everyone subscribed to the work or to one of its authors, except
    the authors themselves and readers who cannot see it (a draft, a work an admin hid,
    a restricted work for an account that may not log in)."""
    author_ids = set(work.pseuds.values_list("user_id", flat=True))
    subscribers = set(
        Subscription.objects.filter(work=work).values_list("user_id", flat=True)
    ) | set(Subscription.objects.filter(author_id__in=author_ids).values_list("user_id", flat=True))
    recipients = _able_to_read(work, subscribers - author_ids)
    items = [
        InboxItem(user_id=uid, work=work, chapter=chapter, message=message[:300])
        for uid in sorted(recipients)
    ]
    InboxItem.objects.bulk_create(items)
    return len(items)


def _able_to_read(work: Work, user_ids: set[int]) -> set[int]:
    """Those of `user_ids` who may read the work now, by the rule every page applies
    (Work.objects.visible_to): read from the database, not from a possibly stale `work`."""
    if not user_ids or not Work.objects.posted().filter(pk=work.pk).exists():
        return set()  # a draft, or hidden by an admin: no reader hears of it
    # Subscribers are accounts, so a restricted work is theirs to read while they may log in.
    active = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    return set(active.values_list("pk", flat=True))


def toggle_later(user, work: Work) -> bool:
    reading, _ = Reading.objects.get_or_create(user=user, work=work)
    reading.later = not reading.later
    reading.save(update_fields=["later"])
    return reading.later


# --- blocking and muting -------------------------------------------------------------------
def is_blocked_by_author(user, work: Work) -> bool:
    """True when an author of the work has blocked this (logged-in) user."""
    if not user.is_authenticated:
        return False
    author_ids = work.pseuds.values_list("user_id", flat=True)
    return Block.objects.filter(user_id__in=author_ids, blocked=user).exists()


def muted_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(Mute.objects.filter(user=user).values_list("muted_id", flat=True))


def toggle_block(user, other) -> bool:
    return _toggle_row(Block, user=user, blocked=other)


def toggle_mute(user, other) -> bool:
    return _toggle_row(Mute, user=user, muted=other)


# --- privacy -------------------------------------------------------------------------------
def orphan_pseud() -> Pseud:
    """The shared account orphaned works are moved to (AO3's orphan_account): the archive's
    system account, never whoever holds the name (accounts.system)."""
    return system_pseud(ORPHAN)


@transaction.atomic
def orphan_work(work: Work, user) -> None:
    """Detach the user's pseuds from the work; the work stays, under orphan_account when
    no other author is left, and leaves the user's series (they would still say "by" them)."""
    from fanarchive.readers.models import SeriesPart

    work.pseuds.remove(*work.pseuds.filter(user=user))
    SeriesPart.objects.filter(work=work, series__owner=user).delete()
    if not work.pseuds.exists():
        work.pseuds.add(orphan_pseud())


@transaction.atomic
def delete_account(user, keep_works: bool) -> None:
    """Delete an account; its works are orphaned (kept) or deleted with it."""
    works = list(Work.objects.by(user))
    for work in works:
        if keep_works and work.posted:
            orphan_work(work, user)
        elif not work.pseuds.exclude(user=user).exists():
            work.delete()
        else:
            work.pseuds.remove(*work.pseuds.filter(user=user))
    user.delete()
