"""Everything collections do, as functions the views call. Each action checks who may do
it: `NotAllowed` (a 403) when the user's role does not permit it, `CollectionError` (a
message for the form) when the request itself cannot be carried out."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse

from fanarchive.collections.models import (
    MAINTAINER_ROLES,
    NAME_MAX_CHARS,
    NAME_PATTERN,
    POSTING_ROLES,
    Approval,
    Collection,
    CollectionItem,
    Participant,
    Role,
)
from fanarchive.readers.models import InboxItem
from fanarchive.works.html import user_html
from fanarchive.works.models import Work

NAME_RE = re.compile(NAME_PATTERN)
TITLE_MAX_CHARS = 255
# Roles a maintainer may give; ownership is not handed over here and "invited" comes only
# from an invitation.
ASSIGNABLE_ROLES = {Role.MODERATOR, Role.MEMBER}
RESERVED_NAMES = {"new", "mine"}  # pages of their own under /collections/


class CollectionError(Exception):
    """The request cannot be carried out; the message says why, for the user."""


class NotAllowed(PermissionDenied):
    """The user's role in the collection does not permit this (answered with a 403)."""


# --- who is who ---------------------------------------------------------------------------
def role_of(collection: Collection, user) -> str | None:
    if not user.is_authenticated:
        return None
    return (
        Participant.objects.filter(collection=collection, user=user)
        .values_list("role", flat=True)
        .first()
    )


def is_maintainer(collection: Collection, user) -> bool:
    return role_of(collection, user) in MAINTAINER_ROLES


def is_owner(collection: Collection, user) -> bool:
    return user.is_authenticated and collection.owner_id == user.pk


# --- collections --------------------------------------------------------------------------
def clean_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise CollectionError("A collection needs a name for its URL.")
    if len(name) > NAME_MAX_CHARS:
        raise CollectionError(f"The name can be at most {NAME_MAX_CHARS} characters long.")
    if not NAME_RE.match(name):
        raise CollectionError("Use only letters, digits and underscores in the name.")
    if name.lower() in RESERVED_NAMES:
        raise CollectionError(f"The name “{name}” is reserved; choose another.")
    return name


def clean_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise CollectionError("A collection needs a title.")
    if len(title) > TITLE_MAX_CHARS:
        raise CollectionError(f"The title can be at most {TITLE_MAX_CHARS} characters long.")
    return title


def create_collection(
    owner, name: str, title: str, description: str = "", moderated=False, closed=False
) -> Collection:
    name, title = clean_name(name), clean_title(title)
    taken = CollectionError(f"The name “{name}” is taken; choose another.")
    # Names differing only in case would give look-alike URLs.
    if Collection.objects.filter(name__iexact=name).exists():
        raise taken
    try:
        with transaction.atomic():
            collection = Collection.objects.create(
                owner=owner,
                name=name,
                title=title,
                description=user_html(description),
                moderated=moderated,
                closed=closed,
            )
            Participant.objects.create(collection=collection, user=owner, role=Role.OWNER)
    except IntegrityError:  # created by someone else in between
        raise taken from None
    return collection


def update_collection(
    collection: Collection, by, title: str, description: str, moderated: bool, closed: bool
) -> None:
    if not is_maintainer(collection, by):
        raise NotAllowed("Only the collection's owner and moderators can change it.")
    collection.title = clean_title(title)
    collection.description = user_html(description)
    collection.moderated, collection.closed = moderated, closed
    collection.save()


def delete_collection(collection: Collection, by) -> None:
    if not is_owner(collection, by):
        raise NotAllowed("Only the collection's owner can delete it.")
    collection.delete()  # its items go; the works stay


# --- when the owner's account goes --------------------------------------------------------
# As AO3 (UsersController#destroy): an account that owns collections is not deleted until its
# holder chooses what happens to them: hand them to orphan_account (moderators, members and
# works stay) or delete them. Collection.owner is PROTECTed, so no path deletes them silently.
ORPHAN_COLLECTIONS, DELETE_COLLECTIONS = "orphan", "delete"


def owned_collections(user) -> list[Collection]:
    return list(Collection.objects.filter(owner=user).order_by("title", "pk"))


def owned_collections_message(collections: list[Collection]) -> str:
    names = ", ".join(
        f"“{c.title}” ({reverse('collections:detail', args=[c.name])})" for c in collections
    )
    return (
        f"You own {len(collections)} collection{'s' if len(collections) != 1 else ''}: "
        f"{names}. Choose whether they go to orphan_account (their moderators, members and "
        "works stay) or are deleted with every role and item in them."
    )


@transaction.atomic
def settle_owned_collections(user, choice: str) -> None:
    """Before deleting `user`: orphan or delete the collections they own."""
    from fanarchive.accounts.system import ORPHAN, system_user

    collections = owned_collections(user)
    if not collections:
        return
    if choice == DELETE_COLLECTIONS:
        for collection in collections:
            collection.delete()
        return
    if choice != ORPHAN_COLLECTIONS:
        raise CollectionError(owned_collections_message(collections))
    heir = system_user(ORPHAN)
    for collection in collections:
        collection.owner = heir
        collection.save(update_fields=["owner"])
        Participant.objects.filter(collection=collection, user=user).delete()
        Participant.objects.update_or_create(
            collection=collection, user=heir, defaults={"role": Role.OWNER}
        )


# --- works in collections -----------------------------------------------------------------
def add_work(collection: Collection, work: Work, by, notes: str = "") -> CollectionItem:
    """Add a work: its author's adding is the author's approval; a maintainer adding someone
    else's work asks the author. A moderated collection reviews works from outsiders."""
    is_author = work.is_authored_by(by)
    role = role_of(collection, by)
    if not is_author and role not in MAINTAINER_ROLES:
        raise NotAllowed("Only a work's authors or the collection's moderators can add it.")
    if collection.closed:
        raise CollectionError(f"“{collection.title}” is closed: it takes no new works.")
    duplicate = CollectionError(f"“{work.title}” is already in “{collection.title}”.")
    if CollectionItem.objects.filter(collection=collection, work=work).exists():
        raise duplicate
    collection_ok = not collection.moderated or role in POSTING_ROLES
    try:
        with transaction.atomic():
            item = CollectionItem.objects.create(
                collection=collection,
                work=work,
                added_by=by,
                user_approval=Approval.APPROVED if is_author else Approval.PENDING,
                collection_approval=Approval.APPROVED if collection_ok else Approval.PENDING,
                notes=user_html(notes),
            )
    except IntegrityError:
        raise duplicate from None
    if not is_author:
        _tell_authors(
            work,
            f"“{collection.title}” asks to include your work “{work.title}”: "
            "answer under Add to Collections.",
        )
    return item


def _tell_authors(work: Work, message: str) -> None:
    """An inbox item for each author of the work (the inbox links to the work's page)."""
    author_ids = sorted(set(work.pseuds.values_list("user_id", flat=True)))
    InboxItem.objects.bulk_create(
        [InboxItem(user_id=uid, work=work, message=message[:300]) for uid in author_ids]
    )


def _decision(approve: bool) -> str:
    return Approval.APPROVED if approve else Approval.REJECTED


def review_item(item: CollectionItem, by, approve: bool) -> None:
    """The collection's side: a maintainer approves or rejects the work."""
    if not is_maintainer(item.collection, by):
        raise NotAllowed("Only the collection's owner and moderators review its works.")
    item.collection_approval = _decision(approve)
    item.save(update_fields=["collection_approval"])
    verdict = "approved for" if approve else "not accepted in"
    _tell_authors(item.work, f"“{item.work.title}” was {verdict} “{item.collection.title}”.")


def consent_item(item: CollectionItem, by, approve: bool) -> None:
    """The author's side: the work's author agrees to (or declines) being in the collection."""
    if not item.work.is_authored_by(by):
        raise NotAllowed("Only the work's authors decide whether it joins a collection.")
    item.user_approval = _decision(approve)
    item.save(update_fields=["user_approval"])


def remove_item(item: CollectionItem, by) -> None:
    if not (item.work.is_authored_by(by) or is_maintainer(item.collection, by)):
        raise NotAllowed("Only the work's authors or the collection's moderators remove it.")
    item.delete()


# --- participants -------------------------------------------------------------------------
def invite(collection: Collection, by, username: str) -> Participant:
    if not is_maintainer(collection, by):
        raise NotAllowed("Only the collection's owner and moderators invite people.")
    username = (username or "").strip()
    user = get_user_model().objects.filter(username=username).first() if username else None
    if user is None:
        raise CollectionError(f"There is no user named “{username[:150]}”.")
    current = role_of(collection, user)
    if current:
        raise CollectionError(f"{user.get_username()} is already {_role_phrase(current)} here.")
    try:
        with transaction.atomic():
            return Participant.objects.create(collection=collection, user=user, role=Role.INVITED)
    except IntegrityError:
        raise CollectionError(f"{user.get_username()} is already in this collection.") from None


def _role_phrase(role: str) -> str:
    return {Role.OWNER: "the owner", Role.INVITED: "invited"}.get(role, f"a {role}")


def join(collection: Collection, user) -> str:
    """Accept an invitation, or join an unmoderated collection. Returns what happened."""
    participant = Participant.objects.filter(collection=collection, user=user).first()
    if participant and participant.role == Role.INVITED:
        participant.role = Role.MEMBER
        participant.save(update_fields=["role"])
        return f"You joined “{collection.title}”."
    if participant:
        return f"You are already {_role_phrase(participant.role)} of “{collection.title}”."
    if collection.moderated:
        raise NotAllowed("This collection is moderated: its moderators invite new members.")
    Participant.objects.get_or_create(
        collection=collection, user=user, defaults={"role": Role.MEMBER}
    )
    return f"You joined “{collection.title}”."


def leave(collection: Collection, user) -> None:
    participant = Participant.objects.filter(collection=collection, user=user).first()
    if participant is None:
        raise NotAllowed("You are not in this collection.")
    if participant.role == Role.OWNER:
        raise NotAllowed("The owner cannot leave their collection; delete it instead.")
    participant.delete()


def set_role(participant: Participant, by, role: str) -> None:
    """Maintainers make members; only the owner makes or unmakes moderators (as AO3)."""
    if role not in ASSIGNABLE_ROLES:
        raise CollectionError("Choose moderator or member.")
    collection = participant.collection
    if participant.role == Role.OWNER:
        raise NotAllowed("The owner's role does not change.")
    needs_owner = Role.MODERATOR in (role, participant.role)
    allowed = is_owner(collection, by) if needs_owner else is_maintainer(collection, by)
    if not allowed:
        raise NotAllowed("Only the owner appoints moderators; moderators appoint members.")
    participant.role = role
    participant.save(update_fields=["role"])


def remove_participant(participant: Participant, by) -> None:
    """A participant may leave; maintainers remove members, only the owner moderators."""
    if participant.role == Role.OWNER:
        raise NotAllowed("The owner cannot be removed from their collection.")
    collection = participant.collection
    if participant.user_id == by.pk:
        allowed = True
    elif participant.role == Role.MODERATOR:
        allowed = is_owner(collection, by)
    else:
        allowed = is_maintainer(collection, by)
    if not allowed:
        raise NotAllowed("You cannot remove this participant.")
    participant.delete()


# --- what each user sees ------------------------------------------------------------------
def visible_works(collection: Collection, user):
    """The collection's approved works this user may read, ready for blurbs."""
    approved = CollectionItem.objects.approved().filter(collection=collection)
    return (
        Work.objects.visible_to(user)
        .filter(posted=True, pk__in=approved.values("work_id"))
        .for_blurbs()
    )


def listing(user):
    """Every collection, with how many of its approved works this user may read."""
    readable = Work.objects.visible_to(user).filter(posted=True).values("pk")
    shown = Q(
        items__user_approval=Approval.APPROVED,
        items__collection_approval=Approval.APPROVED,
        items__work__in=readable,
    )
    return (
        Collection.objects.select_related("owner")
        .annotate(works_count=Count("items", shown))
        .order_by("title", "pk")  # aggregation drops Meta.ordering
    )


def collections_showing(work: Work) -> list[Collection]:
    """The collections a work appears in (both approvals given)."""
    approved = CollectionItem.objects.approved().filter(work=work)
    return list(Collection.objects.filter(pk__in=approved.values("collection_id")))


def reachable_items(user):
    """Items a user has a say over: in collections they maintain, or of works they wrote.
    Any other item id is a 404, so ids cannot be probed."""
    if not user.is_authenticated:
        return CollectionItem.objects.none()
    maintained = Participant.objects.filter(user=user, role__in=MAINTAINER_ROLES)
    return CollectionItem.objects.filter(
        Q(collection__in=maintained.values("collection_id"))
        | Q(work__in=Work.objects.by(user).values("pk"))
    ).select_related("collection", "work")


def reachable_participants(user):
    """Participations a user may act on: their own, and those in collections they maintain."""
    if not user.is_authenticated:
        return Participant.objects.none()
    maintained = Participant.objects.filter(user=user, role__in=MAINTAINER_ROLES)
    return Participant.objects.filter(
        Q(user=user) | Q(collection__in=maintained.values("collection_id"))
    ).select_related("collection", "user")


def awaiting_author(user):
    """Requests to add this user's works to collections, waiting for the user's answer."""
    return (
        CollectionItem.objects.awaiting_author()
        .filter(work__in=Work.objects.by(user).values("pk"))
        .select_related("collection", "work")
    )


def find_work_for(user, reference: str) -> Work | None:
    """A work named by its number or its URL ('/works/12/'), among those the user may read."""
    match = re.search(r"(?:^|/works/)(\d{1,18})(?:/|$)", (reference or "").strip())
    if not match:
        return None
    return Work.objects.visible_to(user).filter(pk=int(match.group(1))).first()
