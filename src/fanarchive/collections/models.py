"""Collections as AO3 has them: a community (URL name, title, description) owned by a user,
with moderators, members and invited users; works join it through items that need two
approvals, the work's author's and the collection's.

What a visitor sees in a collection is always filtered through `Work.objects.visible_to`,
so a restricted, hidden or draft work stays exactly as invisible inside a collection as
outside it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q

from fanarchive.works.models import Work

USER = settings.AUTH_USER_MODEL
NAME_MAX_CHARS = 60
NAME_PATTERN = r"^[A-Za-z0-9_]+$"  # AO3's: the name is part of the collection's URL


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    MODERATOR = "moderator", "Moderator"
    MEMBER = "member", "Member"
    INVITED = "invited", "Invited"


MAINTAINER_ROLES = frozenset({Role.OWNER, Role.MODERATOR})
# Participants whose works a moderated collection takes without review (AO3's "posting
# participants"); an invited user has not accepted yet.
POSTING_ROLES = MAINTAINER_ROLES | {Role.MEMBER}


class Approval(models.TextChoices):
    PENDING = "pending", "Pending"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class Collection(models.Model):
    name = models.CharField(
        max_length=NAME_MAX_CHARS,
        unique=True,
        validators=[RegexValidator(NAME_PATTERN, "Use only letters, digits and underscores.")],
        help_text="Part of the collection's URL.",
    )
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True, help_text="Sanitised HTML.")
    # PROTECT: deleting the owner's account must first orphan or delete the collection
    # (collections.services.settle_owned_collections), never take it silently along.
    owner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="owned_collections")
    moderated = models.BooleanField(
        default=False, help_text="Works by non-members wait for a moderator's approval."
    )
    closed = models.BooleanField(default=False, help_text="No new works may be added.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title


class Participant(models.Model):
    collection = models.ForeignKey(
        Collection, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="collection_roles")
    role = models.CharField(max_length=12, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["collection", "role", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["collection", "user"], name="participant_once")
        ]

    @property
    def is_maintainer(self) -> bool:
        return self.role in MAINTAINER_ROLES


class ItemQuerySet(models.QuerySet):
    def approved(self) -> ItemQuerySet:
        return self.filter(user_approval=Approval.APPROVED, collection_approval=Approval.APPROVED)

    def awaiting_collection(self) -> ItemQuerySet:
        return self.filter(collection_approval=Approval.PENDING).exclude(
            user_approval=Approval.REJECTED
        )

    def awaiting_author(self) -> ItemQuerySet:
        return self.filter(user_approval=Approval.PENDING).exclude(
            collection_approval=Approval.REJECTED
        )

    def rejected(self) -> ItemQuerySet:
        return self.filter(
            Q(user_approval=Approval.REJECTED) | Q(collection_approval=Approval.REJECTED)
        )


class CollectionItem(models.Model):
    """A work in a collection. It shows there once both sides approved: the work's author
    (user_approval) and the collection's maintainers (collection_approval)."""

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="collection_items")
    user_approval = models.CharField(
        max_length=10, choices=Approval.choices, default=Approval.PENDING
    )
    collection_approval = models.CharField(
        max_length=10, choices=Approval.choices, default=Approval.PENDING
    )
    added_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    notes = models.TextField(blank=True, help_text="A note to the other side; sanitised HTML.")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["collection", "work"], name="collection_work_once")
        ]
        indexes = [models.Index(fields=["work", "collection"], name="collection_item_work")]

    @property
    def approved(self) -> bool:
        return Approval.APPROVED == self.user_approval == self.collection_approval
