"""What AO3's posting form links a work to besides its text: co-creators (who must accept),
gift recipients, the work it remixes, translates or was inspired by, and its publication
date when the author sets a different one."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from fanarchive.accounts.models import Pseud
from fanarchive.works.models import CreatorInvitation, Gift, RelatedWork, Work

LOCAL_WORK_PATH_RE = re.compile(r"^/works/(?P<pk>\d{1,10})(?:/|$|\?|#)")
MAX_GIFTS = 10


# --- pseuds by name ---------------------------------------------------------------------


def pseud_named(name: str) -> Pseud | None:
    """AO3 names a pseud "name" (a user's default) or "pseud (user)"."""
    name = name.strip()
    match = re.fullmatch(r"(?P<pseud>[^()]+?)\s*\((?P<user>[^()]+)\)", name)
    if match:
        return Pseud.objects.filter(
            name__iexact=match["pseud"], user__username__iexact=match["user"]
        ).first()
    user = get_user_model().objects.filter(username__iexact=name).first()
    if user is not None:
        return Pseud.default_for(user)
    pseuds = list(Pseud.objects.filter(name__iexact=name)[:2])
    return pseuds[0] if len(pseuds) == 1 else None


def split_names(value: str) -> list[str]:
    seen, names = set(), []
    for name in (value or "").split(","):
        name = " ".join(name.split())
        if name and name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names


# --- co-creators --------------------------------------------------------------------------


def invite_creators(work: Work, pseuds: list[Pseud], inviter) -> list[CreatorInvitation]:
    """Ask each pseud to join the byline; AO3 adds a co-creator only once they accept.
    Pseuds already on the work or already asked are skipped."""
    on_work = set(work.pseuds.values_list("pk", flat=True))
    invited = []
    for pseud in pseuds:
        if pseud.pk in on_work or pseud.user_id == getattr(inviter, "pk", None):
            continue
        try:
            with transaction.atomic():
                invitation = CreatorInvitation.objects.create(
                    work=work, pseud=pseud, invited_by=inviter
                )
        except IntegrityError:
            continue  # asked already
        invited.append(invitation)
        _notify(
            pseud.user,
            work,
            inviter,
            f"{inviter.get_username()} invited you to be a co-creator of “{work.title}”: "
            "accept or decline under Co-Creator Requests on your dashboard.",
        )
    return invited


def blocked_inviter(pseuds: list[Pseud], inviter) -> list[Pseud]:
    """The pseuds whose users blocked the inviter: they cannot be asked."""
    from fanarchive.readers.models import Block

    if inviter is None or not pseuds:
        return []
    blockers = set(
        Block.objects.filter(user__in=[p.user_id for p in pseuds], blocked=inviter).values_list(
            "user_id", flat=True
        )
    )
    return [p for p in pseuds if p.user_id in blockers]


def pending_invitations(user):
    return CreatorInvitation.objects.filter(pseud__user=user).select_related("work", "pseud")


@transaction.atomic
def answer_invitation(invitation: CreatorInvitation, accept: bool) -> None:
    """Accepting puts the pseud in the byline; either answer ends the invitation."""
    if accept:
        invitation.work.pseuds.add(invitation.pseud)
    invitation.delete()


# --- gifts --------------------------------------------------------------------------------


def set_gifts(work: Work, names: list[str], giver) -> list[Gift]:
    """The work's recipients become `names` (a user name, "pseud (user)", or anyone's name);
    a recipient with an account here is linked and told once."""
    names = names[:MAX_GIFTS]
    wanted = {name.lower() for name in names}
    for gift in list(work.gifts.all()):
        if gift.recipient_name.lower() not in wanted:
            gift.delete()
    have = {g.recipient_name.lower() for g in work.gifts.all()}
    for name in names:
        if name.lower() in have:
            continue
        pseud = pseud_named(name)
        Gift.objects.create(work=work, recipient_name=name[:100], pseud=pseud)
        if pseud is not None and work.posted:
            _notify(pseud.user, work, giver, f"“{work.title}” was gifted to you.")
    return list(work.gifts.all())


def notify_gift_recipients(work: Work, giver) -> None:
    """Recipients of a draft hear of their gift when it is posted."""
    for gift in work.gifts.filter(pseud__isnull=False).select_related("pseud__user"):
        _notify(gift.pseud.user, work, giver, f"“{work.title}” was gifted to you.")


# --- remixes, translations, inspirations ------------------------------------------------


class ParentWorkError(ValueError):
    """The "inspired by" address cannot be used (said to the author as is)."""


def local_work(url: str) -> Work | None:
    """The archive's work at `url` (`/works/N` here, or on one of ALLOWED_HOSTS)."""
    parts = urlsplit(url.strip())
    hosts = {h.lower() for h in settings.ALLOWED_HOSTS if h not in ("*",)}
    if parts.netloc and parts.hostname and parts.hostname.lower() not in hosts:
        return None
    match = LOCAL_WORK_PATH_RE.match(parts.path + ("?" if parts.query else ""))
    if not match:
        return None
    return Work.objects.posted().filter(pk=int(match["pk"])).first()


def resolve_parent(url: str, work_pk: int | None = None) -> Work | None:
    """The parent when it is a work here, None for another site's; ParentWorkError when the
    address is neither."""
    parent = local_work(url)
    if parent is None and urlsplit(url.strip()).scheme not in ("http", "https"):
        raise ParentWorkError(
            "Give the parent work's address, e.g. https://archiveofourown.org/works/123, or "
            "/works/12 for a work here."
        )
    if parent is not None and parent.pk == work_pk:
        raise ParentWorkError("A work cannot be inspired by itself.")
    return parent


def set_parent_work(
    work: Work, url: str, title: str = "", author: str = "", translation: bool = False
) -> RelatedWork | None:
    """Record the work this one remixes, translates or was inspired by (an empty `url`
    removes it). A parent on this archive is linked, and its authors are told."""
    url = url.strip()
    old = work.parent_links.first()
    if not url:
        work.parent_links.all().delete()
        return None
    parent = resolve_parent(url, work.pk)
    fields = {
        "url": url[:500],
        "parent": parent,
        "title": title.strip()[:255],
        "author": author.strip()[:100],
        "translation": translation,
    }
    if old is not None:
        changed_parent = old.parent_id != (parent.pk if parent else None)
        for name, value in fields.items():
            setattr(old, name, value)
        old.save()  # a save, not update(): the visitors' page cache follows the signal
        link = old
    else:
        changed_parent = True
        link = RelatedWork.objects.create(work=work, **fields)
    if parent is not None and changed_parent and work.posted:
        notify_parent_authors(work, link)
    return link


def inspired_works(work: Work, viewer) -> list[Work]:
    """Works here that name this one as their parent and that the viewer may read."""
    children = Work.objects.visible_to(viewer).filter(parent_links__parent=work).distinct()
    return list(children.prefetch_related("pseuds__user").order_by("published_at", "pk"))


def notify_parent_authors(work: Work, link: RelatedWork) -> None:
    if link.parent is None:
        return
    verb = "translated" if link.translation else "inspired"
    byline = ", ".join(p.name for p in work.pseuds.all()) or "Someone"
    for user in {p.user for p in link.parent.pseuds.select_related("user")}:
        if work.is_authored_by(user):
            continue
        _notify(
            user,
            work,
            None,
            f"{byline} posted “{work.title}”, {verb} by your work “{link.parent.title}”.",
        )


def announce_posting(work: Work, author) -> None:
    """A draft just posted: tell its gift recipients and its parent work's authors."""
    notify_gift_recipients(work, author)
    link = work.parent_links.select_related("parent").first()
    if link is not None:
        notify_parent_authors(work, link)


# --- publication date -------------------------------------------------------------------


class BackdateError(ValueError):
    pass


def backdate(work: Work, day: date | None) -> None:
    """AO3's "Set a different publication date": the work reads as published (and, while it
    has one chapter, updated) on that day. A future day is refused."""
    if day is None:
        return
    if day > timezone.localdate():
        raise BackdateError("The publication date cannot be in the future.")
    moment = timezone.make_aware(datetime.combine(day, time(12, 0)))
    work.published_at = moment
    fields = ["published_at", "updated_at"]
    if not work.posted or work.chapters.count() <= 1:
        work.revised_at = moment
        fields.append("revised_at")
    work.save(update_fields=fields)


def _notify(user, work: Work, actor, message: str) -> None:
    from fanarchive.readers.models import InboxItem

    InboxItem.objects.create(user=user, work=work, actor=actor, message=message[:300])
