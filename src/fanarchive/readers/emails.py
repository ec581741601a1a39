"""Email notices, as AO3 sends them.

Comments on your works, replies to your comments, guest comments waiting for your approval
and works submitted to a collection you moderate are mailed when they happen (after the
transaction commits, by a Celery worker when a broker is configured: readers/tasks.py); kudos and subscription updates come once a day in a digest
(`fanarchive-manage send_digests`, run daily by cron or a scheduler). Each kind can be turned
off (EmailPreference: an account without a row gets them all); an account without an email
address or that may not log in gets none.

Mail goes through Django's configured backend (SMTP from EMAIL_URL or EMAIL_HOST,
accounts/mailconfig.py; the console in `make serve`). A mail server that is down or refuses
is logged: it never undoes the comment or post that caused the mail."""

from __future__ import annotations

import html
import logging
import smtplib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from fanarchive.readers.models import Block, Comment, EmailPreference, InboxItem, Kudos
from fanarchive.works.models import Work

logger = logging.getLogger(__name__)
Kind = InboxItem.Kind

COMMENTS = "comment_emails_off"
KUDOS = "kudos_emails_off"
SUBSCRIPTIONS = "subscription_emails_off"
COLLECTIONS = "collection_emails_off"
SWITCH_OF_KIND = {
    Kind.COMMENT: COMMENTS,
    Kind.REPLY: COMMENTS,
    Kind.MODERATION: COMMENTS,
    Kind.COLLECTION: COLLECTIONS,
}
# A daily cron job drifts: a digest sent 23 h ago is a day old for this purpose.
DIGEST_INTERVAL = timedelta(hours=23)
# A digest never reaches back further than this (the first one: one day).
DIGEST_BACKLOG = timedelta(days=7)
FIRST_DIGEST_WINDOW = timedelta(days=1)


# --- preferences and sending -----------------------------------------------------------------
def preferences_of(user) -> EmailPreference:
    """The account's email preferences (unsaved defaults when it never changed them)."""
    return EmailPreference.objects.filter(user=user).first() or EmailPreference(user=user)


def wants(user, switch: str) -> bool:
    """Whether this account gets the emails that `switch` turns off."""
    if not user.is_active or not user.email:
        return False
    return not getattr(preferences_of(user), switch)


def absolute(path: str) -> str:
    return settings.FANARCHIVE_SITE_URL.rstrip("/") + path


def send(user, subject: str, body: str, connection=None) -> bool:
    """Mail one account; False (and a log line) when the mail server failed."""
    subject = " ".join(f"[{settings.SITE_NAME}] {subject}".split())[:200]
    where = absolute(reverse("readers:email_preferences", args=[user.get_username()]))
    footer = f"\n\n--\nChoose which emails {settings.SITE_NAME} sends you: {where}\n"
    message = EmailMessage(subject, body + footer, to=[user.email], connection=connection)
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        logger.warning("email to user %s failed: %s", user.pk, subject, exc_info=True)
        return False
    return True


def plain(sanitised_html: str) -> str:
    return html.unescape(strip_tags(sanitised_html)).strip()


# --- notices mailed when they happen ---------------------------------------------------------
@dataclass
class Mailed:
    """What one round of notices did: how many mails went, and to whom they failed (the
    Celery task tries those again, readers/tasks.py)."""

    sent: int = 0
    failed: list[int] = field(default_factory=list)

    def count(self, user, delivered: bool) -> None:
        if delivered:
            self.sent += 1
        else:
            self.failed.append(user.pk)


def comment_notices(comment_id: int, kinds: dict[int, str]) -> Mailed:
    """Mail the comment notices just put in these users' inboxes ({user id: kind})."""
    mailed = Mailed()
    comment = Comment.objects.filter(pk=comment_id).select_related("work", "user").first()
    if comment is None:
        return mailed
    for user in get_user_model().objects.filter(pk__in=kinds).order_by("pk"):
        kind = kinds[user.pk]
        if wants(user, SWITCH_OF_KIND[kind]):
            subject, body = _comment_mail(comment, kind)
            mailed.count(user, send(user, subject, body))
    return mailed


def _comment_mail(comment: Comment, kind: str) -> tuple[str, str]:
    from fanarchive.readers.notifications import comment_link

    title, who = comment.work.title, comment.author_name
    quoted = "\n".join(f"> {line}" for line in plain(comment.body).splitlines())
    if kind == Kind.MODERATION:
        queue = absolute(reverse("readers:moderation"))
        return (
            f"Comment awaiting approval on {title}",
            f"A guest comment by {who} on your work “{title}” is waiting for your approval:"
            f"\n\n{quoted}\n\nApprove or delete it: {queue}",
        )
    link = absolute(comment_link(comment))
    if kind == Kind.REPLY:
        return (
            f"Reply to your comment on {title}",
            f"{who} replied to your comment on “{title}”:\n\n{quoted}\n\nRead and reply: {link}",
        )
    return (
        f"Comment on {title}",
        f"{who} left a comment on your work “{title}”:\n\n{quoted}\n\nRead and reply: {link}",
    )


def collection_notices(work_id: int, collection_id: int, user_ids: list[int]) -> Mailed:
    """Mail the moderators of a collection that a work waits for their approval."""
    from fanarchive.collections.models import Collection

    mailed = Mailed()
    work = Work.objects.filter(pk=work_id).first()
    collection = Collection.objects.filter(pk=collection_id).first()
    if work is None or collection is None:
        return mailed
    manage = absolute(reverse("collections:manage", args=[collection.name]))
    subject = f"Work submitted to {collection.title}"
    body = (
        f"“{work.title}” was submitted to your collection “{collection.title}” and is waiting "
        f"for your approval.\n\nReview it: {manage}"
    )
    for user in get_user_model().objects.filter(pk__in=user_ids).order_by("pk"):
        if wants(user, COLLECTIONS):
            mailed.count(user, send(user, subject, body))
    return mailed


# --- the daily digest ------------------------------------------------------------------------
def send_digests(now: datetime | None = None) -> dict[str, int]:
    """One digest per account that is due (none in the last day) and has news: subscription
    updates and kudos since its last digest. Returns counts for the command's report."""
    now = now or timezone.now()
    report = {"sent": 0, "nothing_new": 0, "not_due": 0, "failed": 0}
    connection = get_connection()
    for user in _digest_candidates(now - DIGEST_BACKLOG):
        preference = preferences_of(user)
        if preference.last_digest_at and preference.last_digest_at > now - DIGEST_INTERVAL:
            report["not_due"] += 1
            continue
        since = max(preference.last_digest_at or now - FIRST_DIGEST_WINDOW, now - DIGEST_BACKLOG)
        body = digest_body(user, preference, since, now)
        if not body:
            report["nothing_new"] += 1
            continue
        if not send(user, "Your daily digest", body, connection=connection):
            report["failed"] += 1  # not marked sent: the next run tries again
            continue
        preference.last_digest_at = now
        preference.save()
        report["sent"] += 1
    return report


def _digest_candidates(since: datetime):
    """Active accounts with an address and a subscription update or kudos since `since`."""
    updated = InboxItem.objects.filter(kind=Kind.UPDATE, created_at__gt=since).values("user")
    kudosed = Kudos.objects.filter(created_at__gt=since).values("work__pseuds__user")
    return (
        get_user_model()
        .objects.filter(Q(pk__in=updated) | Q(pk__in=kudosed), is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


def digest_body(user, preference: EmailPreference, since: datetime, until: datetime) -> str:
    """The digest's text: updates, then kudos; empty when there is nothing to tell."""
    sections = []
    if not preference.subscription_emails_off:
        sections.append(_updates_section(user, since, until))
    if not preference.kudos_emails_off:
        sections.append(_kudos_section(user, since, until))
    return "\n\n".join(section for section in sections if section)


def _updates_section(user, since: datetime, until: datetime) -> str:
    from fanarchive.readers.notifications import link_of

    blocked = Block.objects.filter(user=user).values("blocked")
    items = (
        InboxItem.objects.of(user)
        .filter(kind=Kind.UPDATE, created_at__gt=since, created_at__lte=until)
        .filter(work__in=Work.objects.visible_to(user).filter(hidden_by_admin=False))
        .exclude(actor__in=blocked)
        .select_related("work")
        .order_by("created_at", "pk")
    )
    lines = [f"- {item.message}\n  {absolute(link_of(item))}" for item in items]
    return "Updates from your subscriptions:\n\n" + "\n".join(lines) if lines else ""


def _kudos_section(user, since: datetime, until: datetime) -> str:
    blocked = Block.objects.filter(user=user).values("blocked")
    kudos = (
        Kudos.objects.filter(
            work__in=Work.objects.by(user).posted(), created_at__gt=since, created_at__lte=until
        )
        .exclude(user=user)
        .exclude(user__in=blocked)
        .select_related("work", "user")
        .order_by("work__title", "work_id", "created_at", "pk")
    )
    givers: dict[Work, list[str]] = defaultdict(list)
    guests: dict[Work, int] = defaultdict(int)
    for one in kudos:
        if one.user_id:
            givers[one.work].append(one.user.get_username())
        else:
            guests[one.work] += 1
    lines = []
    for work in sorted(set(givers) | set(guests), key=lambda w: (w.title, w.pk)):
        names = givers[work] + ([_guests(guests[work])] if guests[work] else [])
        url = absolute(reverse("works:detail", args=[work.pk]))
        lines.append(f"- {_join(names)} left kudos on “{work.title}”.\n  {url}")
    return "Kudos on your works:\n\n" + "\n".join(lines) if lines else ""


def _guests(count: int) -> str:
    return "a guest" if count == 1 else f"{count} guests"


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
