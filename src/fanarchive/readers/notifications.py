"""Inbox notices for authors, commenters and collection moderators (AO3's comment, reply,
moderation, collection and kudos notifications), mailed too by readers/emails.py as each
account's email preferences allow. Subscriptions' notices live in services.notify_subscribers.

A notice goes only to someone who may read the work now (never for a draft or a work an
admin hid), never to the person who caused it, and never from someone the recipient has
blocked (the inbox also drops notices from users blocked later)."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.db.models import F, Q
from django.db.models.signals import post_save
from django.urls import reverse

from fanarchive.readers import tasks
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
    kinds = [[uid, notices[uid][0]] for uid in sorted(recipients)]
    _mail_after_commit(tasks.mail_comment_notices, comment.pk, kinds)
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
    _mail_after_commit(tasks.mail_comment_notices, comment.pk, [[parent.user_id, Kind.REPLY]])
    return 1


def collection_item_saved(sender, instance, created: bool, raw=False, **kwargs) -> None:
    """A work waiting for a collection's approval tells its owner and moderators (inbox and
    email); once reviewed, those notices are done with."""
    from fanarchive.collections.models import Approval

    if raw:
        return
    if instance.collection_approval != Approval.PENDING:
        InboxItem.objects.filter(
            kind=Kind.COLLECTION,
            work_id=instance.work_id,
            read=False,
            user__in=_maintainers(instance),
        ).update(read=True)
    elif created:
        collection_submitted(instance)


def collection_submitted(item) -> int:
    collection, work = item.collection, item.work
    recipients = _recipients(work, set(_maintainers(item)) - {item.added_by_id}, item.added_by_id)
    message = f"“{work.title}” was submitted to “{collection.title}” and awaits your approval."
    InboxItem.objects.bulk_create(
        InboxItem(
            user_id=uid,
            work=work,
            kind=Kind.COLLECTION,
            actor_id=item.added_by_id,
            message=message[:300],
        )
        for uid in sorted(recipients)
    )
    _mail_after_commit(tasks.mail_collection_notices, work.pk, collection.pk, sorted(recipients))
    return len(recipients)


def _mail_after_commit(task, *args) -> None:
    """Mail once the notices are saved for good: queued for a worker (readers/tasks.py), or
    in-process without a broker. A failure there is logged, never raised into the request."""
    transaction.on_commit(partial(tasks.queue, task, *args), robust=True)


def _maintainers(item) -> list[int]:
    from fanarchive.collections.models import MAINTAINER_ROLES

    roles = item.collection.participants.filter(role__in=MAINTAINER_ROLES)
    return sorted({item.collection.owner_id, *roles.values_list("user_id", flat=True)})


def connect() -> None:
    from fanarchive.collections.models import CollectionItem

    post_save.connect(
        collection_item_saved, sender=CollectionItem, dispatch_uid="readers-collection-item"
    )


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


def invitations_of(user):
    """The works `user` is asked to co-create, drafts included: their invitation notices
    stay in the inbox, which otherwise shows only works the user may read."""
    from fanarchive.works.models import CreatorInvitation

    return CreatorInvitation.objects.filter(pseud__user=user).values("work")


def link_of(item: InboxItem) -> str:
    """Where a notice leads: the moderation queue, a collection's review page, Co-Creator
    Requests (the work itself is a 404 to the invitee while a draft), the comment on the
    work, or the work."""
    if item.kind == Kind.MODERATION:
        return reverse("readers:moderation")
    if item.kind == Kind.UPDATE and invitations_of(item.user).filter(work=item.work_id).exists():
        return reverse("works:creatorships", args=[item.user.get_username()])
    if item.kind == Kind.COLLECTION:
        return _collection_link(item)
    url = _work_link(item.work_id, item.chapter_id)
    return f"{url}#comment_{item.comment_id}" if item.comment_id else url


def comment_link(comment: Comment) -> str:
    return f"{_work_link(comment.work_id, comment.chapter_id)}#comment_{comment.pk}"


def _work_link(work_id: int, chapter_id: int | None) -> str:
    if chapter_id:
        return reverse("works:chapter", args=[work_id, chapter_id])
    return reverse("works:detail", args=[work_id])


def _collection_link(item: InboxItem) -> str:
    """The review page of a collection the recipient maintains where the work waits."""
    from fanarchive.collections.models import MAINTAINER_ROLES, Approval

    waiting = (
        item.work.collection_items.filter(collection_approval=Approval.PENDING)
        .filter(
            Q(collection__owner_id=item.user_id)
            | Q(
                collection__participants__user_id=item.user_id,
                collection__participants__role__in=MAINTAINER_ROLES,
            )
        )
        .select_related("collection")
        .first()
    )
    if waiting is None:
        return _work_link(item.work_id, None)
    return reverse("collections:manage", args=[waiting.collection.name])
