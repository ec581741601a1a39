"""Inbox notices for authors and commenters (AO3's comment, reply, moderation and kudos
notifications). Subscriptions' notices live in services.notify_subscribers.

A notice goes only to someone who may read the work now (never for a draft or a work an
admin hid), never to the person who caused it, and never from someone the recipient has
blocked (the inbox also drops notices from users blocked later)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.urls import reverse

from fanarchive.readers.models import Block, Comment, InboxItem
from fanarchive.works.models import Work

Kind = InboxItem.Kind


def comment_posted(comment: Comment) -> int:
    """Notices for a new comment: the work's authors (a published comment, or a guest's
    waiting for moderation) and, for a published reply, the parent comment's author."""
    work = comment.work
    actor_id = comment.user_id
    author_ids = set(work.pseuds.values_list("user_id", flat=True))
    title = work.title
    who = comment.author_name
    notices: dict[int, tuple[str, str]] = {}
    if comment.status == Comment.Status.PENDING:
        message = f"A guest comment by {who} on “{title}” is waiting for your approval."
        for uid in author_ids:
            notices[uid] = (Kind.MODERATION, message)
    else:
        for uid in author_ids:
            notices[uid] = (Kind.COMMENT, f"{who} left a comment on “{title}”.")
        parent = comment.parent
        if parent is not None and parent.user_id:
            notices[parent.user_id] = (Kind.REPLY, f"{who} replied to your comment on “{title}”.")
    notices.pop(actor_id, None)
    recipients = _recipients(work, set(notices), actor_id)
    InboxItem.objects.bulk_create(
        InboxItem(
            user_id=uid,
            work=work,
            chapter=comment.chapter,
            comment=comment,
            actor_id=actor_id,
            kind=notices[uid][0],
            message=notices[uid][1][:300],
        )
        for uid in sorted(recipients)
    )
    return len(recipients)


def comment_approved(comment: Comment) -> int:
    """A guest's reply, once an author approved it, tells the parent comment's author (the
    work's authors heard of it when it came in); its moderation notices are done with."""
    InboxItem.objects.filter(comment=comment, kind=Kind.MODERATION).update(read=True)
    parent = comment.parent
    if parent is None or not parent.user_id:
        return 0
    if not _recipients(comment.work, {parent.user_id}, None):
        return 0
    InboxItem.objects.create(
        user_id=parent.user_id,
        work=comment.work,
        chapter=comment.chapter,
        comment=comment,
        kind=Kind.REPLY,
        message=f"{comment.author_name} replied to your comment on “{comment.work.title}”."[:300],
    )
    return 1


@transaction.atomic
def kudos_left(work: Work, user) -> int:
    """Kudos notices, one per work while unread: new kudos add to the unread notice."""
    actor_id = user.pk if user.is_authenticated else None
    author_ids = set(work.pseuds.values_list("user_id", flat=True)) - {actor_id}
    recipients = _recipients(work, author_ids, actor_id)
    for uid in sorted(recipients):
        unread = (
            InboxItem.objects.select_for_update()
            .filter(user_id=uid, work=work, kind=Kind.KUDOS, read=False)
            .first()
        )
        if unread is None:
            InboxItem.objects.create(
                user_id=uid, work=work, kind=Kind.KUDOS, actor_id=actor_id, message=""
            )
        else:
            InboxItem.objects.filter(pk=unread.pk).update(count=F("count") + 1)
    return len(recipients)


def _recipients(work: Work, user_ids: set[int], actor_id: int | None) -> set[int]:
    from fanarchive.readers.services import _able_to_read

    readers = _able_to_read(work, user_ids)
    if actor_id is None or not readers:
        return readers
    blockers = Block.objects.filter(user_id__in=readers, blocked_id=actor_id)
    return readers - set(blockers.values_list("user_id", flat=True))


def message_of(item: InboxItem) -> str:
    if item.kind == Kind.KUDOS:
        noun = "kudos" if item.count > 1 else "new kudos"
        count = f"{item.count} " if item.count > 1 else ""
        return f"You got {count}{noun} on “{item.work.title}”."
    return item.message


def link_of(item: InboxItem) -> str:
    """Where a notice leads: the moderation queue, the comment on the work, or the work."""
    if item.kind == Kind.MODERATION:
        return reverse("readers:moderation")
    if item.chapter_id:
        url = reverse("works:chapter", args=[item.work_id, item.chapter_id])
    else:
        url = reverse("works:detail", args=[item.work_id])
    return f"{url}#comment_{item.comment_id}" if item.comment_id else url
